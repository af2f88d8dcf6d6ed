"""Each role's guide is reachable from the app, and only the listed guides are ever read."""

import pytest
from django.test import RequestFactory

from labourhub.accounts.roles import Role
from labourhub.web.context_processors import guide_url_for
from labourhub.web.guides import GUIDE_DIR, GUIDES, ROLE_GUIDES, guide_html, guide_image_path


def test_every_role_has_a_guide_file_and_every_guide_exists():
    assert set(ROLE_GUIDES) == set(Role)
    for slug in {*ROLE_GUIDES.values(), *GUIDES}:
        assert (GUIDE_DIR / f"{slug}.md").is_file(), slug


def test_links_between_guides_stay_inside_the_app():
    html = guide_html(slug="clerk")
    assert html is not None
    assert 'href="clerk-portal"' in html
    assert ".md" not in html


@pytest.mark.parametrize(
    "name", ["../inspector.md", "..%2Finspector.md", ".hidden.png", "x/../../a.png", "nope.png"]
)
def test_hostile_names_never_reach_a_file(name):
    assert guide_image_path(name=name) is None
    assert guide_html(slug=name) is None


@pytest.mark.parametrize(
    ("role", "slug"),
    [
        (Role.SUPERVISOR, "supervisor"),
        (Role.OFFICE_HEAD, "supervisor"),
        (Role.CLERK, "clerk"),
        (Role.ANALYST, "director"),
        (Role.SYSTEM_ADMIN, "administrator"),
        (Role.PES_OFFICER, "pes-officer"),
    ],
)
def test_role_guide_url_points_at_the_roles_guide(role, slug, user_with_role, ministry, client_for):
    user = user_with_role(role)
    assert guide_url_for(user=user) == f"/app/help/{slug}"
    client = client_for(ministry)
    client.force_login(user)
    page = client.get(f"/app/help/{slug}")
    assert page.status_code == 200
    assert "<h1>" in page.content.decode()
    home = client.get("/app/").content.decode()
    assert f'href="/app/help/{slug}"' in home


def test_unknown_guide_is_404_and_anonymous_visitors_sign_in(user_with_role, ministry, client_for):
    client = client_for(ministry)
    assert client.get("/app/help/inspector").status_code == 302
    client.force_login(user_with_role(Role.INSPECTOR))
    assert client.get("/app/help/not-a-guide").status_code == 404
    assert client.get("/app/help/img/not-there.png").status_code == 404
    assert client.get("/app/help/").status_code == 200


def test_context_processor_gives_the_url_lazily(user_with_role, ministry):
    from labourhub.web.context_processors import shell

    request = RequestFactory().get("/app/")
    request.user = user_with_role(Role.LEGAL_OFFICER)
    request.tenant = ministry
    assert shell(request)["role_guide_url"]() == "/app/help/legal-officer"


def test_screenshots_the_guides_show_exist_and_stay_small():
    import re

    from PIL import Image

    for slug in GUIDES:
        text = (GUIDE_DIR / f"{slug}.md").read_text(encoding="utf-8")
        for name in re.findall(r"\]\(img/([^)]+)\)", text):
            path = guide_image_path(name=name)
            assert path is not None, f"{slug}.md shows a missing image {name}"
            assert path.stat().st_size < 200_000, name
            with Image.open(path) as image:
                assert image.width <= 1280 and image.height <= 800, name


def test_gallery_shows_every_role_in_three_ministries_and_matches_the_script():
    from PIL import Image

    from devtools.screenshots import GALLERY, GALLERY_SHOTS, gallery_markdown

    # The page is the script's output: a role added to the script and not re-shot fails here.
    assert GALLERY.read_text(encoding="utf-8") == gallery_markdown()
    assert len(GALLERY_SHOTS) == 3 * 14
    assert {ministry for _n, ministry, _u, _p in GALLERY_SHOTS} == {
        "honduras",
        "vietnam",
        "srilanka",
    }
    for name, _ministry, _username, _page in GALLERY_SHOTS:
        assert f"](img/{name})" in gallery_markdown()
        path = guide_image_path(name=name)
        assert path is not None, f"missing screenshot {name}: run `make screenshots`"
        assert path.stat().st_size < 200_000, name
        with Image.open(path) as image:
            assert image.width <= 1280 and image.height <= 800, name
