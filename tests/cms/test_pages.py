"""The seeded public site: every page type renders, is cached per ministry, and light."""

import io

import pytest
from pypdf import PdfReader

from cms.models import Indicator, IndicatorPage, NewsPage, PublicationPage
from devtools.demo.cms import cms_demo_seed
from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tenants.context import ministry_context
from tests.cms.conftest import english


@pytest.fixture
def seeded(in_ministry):
    assert cms_demo_seed(slug="test", password=TEST_PASSWORD)
    assert not cms_demo_seed(slug="test", password=TEST_PASSWORD)  # idempotent
    return in_ministry


def test_demo_seed_builds_a_full_site(seeded, client_for):
    assert Indicator.objects.count() >= 10
    assert Indicator.objects.filter(observations__period="2018").distinct().count() >= 10
    web = english(client_for(seeded))
    home = web.get("/en/")
    html = home.content.decode()
    assert home.status_code == 200
    assert "Unemployment rate" in html and 'class="lmi-chart"' in html
    for path in (
        "/en/data/",
        "/en/releases/",
        "/en/news/",
        "/en/publications/",
        "/en/contact/",
        "/en/about/",
    ):
        response = web.get(path)
        assert response.status_code == 200, path
    for page in [*IndicatorPage.objects.live(), NewsPage.objects.live().first()]:
        response = web.get(page.url)
        assert response.status_code == 200, page.url
        assert b"<table" in response.content or isinstance(page, NewsPage)


def test_publication_pdfs_are_real_and_in_object_storage(seeded, client_for):
    pub = PublicationPage.objects.live().select_related("document").first()
    doc = pub.document
    assert doc.file.storage.__class__.__name__ == "TenantS3Storage"
    with doc.file.open("rb") as fh:
        reader = PdfReader(io.BytesIO(fh.read()))
    assert "Labour market bulletin" in reader.pages[0].extract_text()


def test_pages_are_cached_and_invalidated_on_publish(seeded, client_for):
    web = english(client_for(seeded))
    page = IndicatorPage.objects.live().first()
    assert web.get(page.url)["X-LMI-Cache"] == "miss"
    assert web.get(page.url)["X-LMI-Cache"] == "hit"
    page.title = "Renamed indicator page"
    page.save_revision().publish()
    fresh = web.get(page.url)
    assert fresh["X-LMI-Cache"] == "miss" and "Renamed indicator page" in fresh.content.decode()


def test_two_ministries_show_different_content(seeded, client_for, second_ministry):
    with ministry_context(second_ministry):
        assert cms_demo_seed(slug="test2", password=TEST_PASSWORD)
    first = english(client_for(seeded)).get("/en/unemployment-rate/")
    other = english(client_for(second_ministry)).get(
        "/en/employment-and-unemployment/unemployment-rate/"
    )
    one = english(client_for(seeded)).get("/en/employment-and-unemployment/unemployment-rate/")
    assert first.status_code == 404 and other.status_code == 200 and one.status_code == 200
    assert other.content != one.content  # different seeded numbers per ministry
    assert b"Second Test Ministry" in english(client_for(second_ministry)).get("/en/").content
    assert b"Second Test Ministry" not in english(client_for(seeded)).get("/en/").content


def test_public_pages_are_light(seeded, client_for):
    web = english(client_for(seeded))
    page = IndicatorPage.objects.live().first()
    html = web.get(page.url).content
    assert len(html) < 40_000
    assert b"<script" in html and b'<script src="/static/cms/uPlot' not in html  # lazily


def test_cached_page_gives_each_visitor_a_working_language_form(seeded):
    import re

    from labourhub.testing.pytest_plugin import SchemaPreservingClient, host_of

    first = SchemaPreservingClient(HTTP_HOST=host_of(seeded), enforce_csrf_checks=True)
    assert first.get("/es/about/")["X-LMI-Cache"] == "miss"
    second = SchemaPreservingClient(HTTP_HOST=host_of(seeded), enforce_csrf_checks=True)
    cached = second.get("/es/about/")
    assert cached["X-LMI-Cache"] == "hit"
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', cached.content).group(1)
    assert b"__lmi_csrf_token__" not in cached.content
    switched = second.post(
        "/app/language/",
        {"language": "fr", "next": "/about/", "csrfmiddlewaretoken": token.decode()},
    )
    assert switched.status_code == 302


def test_editor_reaches_the_wagtail_admin_and_indicator_snippets(seeded, client_for):
    from labourhub.accounts.models import User

    web = english(client_for(seeded))
    admin = User.objects.get(username="admin")
    web.force_login(admin)
    assert web.get("/cms-admin/").status_code == 200
    assert web.get("/cms-admin/snippets/cms/indicator/").status_code == 200
    page = IndicatorPage.objects.live().first()
    assert web.get(f"/cms-admin/pages/{page.pk}/edit/").status_code == 200
