"""Sri Lanka (si, ta) and Vietnam (vi) get the staff shell in their own languages."""

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info

from labourhub.accounts.models import User
from labourhub.accounts.roles import Role
from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tenants.models import Ministry

# (language, the sign-in heading, the "Dashboard" menu label), as the catalogues give them.
SHELL = [
    ("si", "පිවිසෙන්න", "උපකරණ පුවරුව"),
    ("ta", "உள்நுழையவும்", "கட்டுப்பாட்டுப் பலகை"),
    ("vi", "Đăng nhập", "Bảng tổng quan"),
]


def _speak(ministry: Ministry, languages: list[str], default: str) -> None:
    # update(), not save(): only the two fields change, rolled back with the test.
    Ministry.objects.filter(pk=ministry.pk).update(languages=languages, default_language=default)


def test_every_configured_language_has_language_info():
    for code, _name in settings.LANGUAGES:
        assert get_language_info(code)["code"] == code
    assert get_language_info("si")["name_local"] == "සිංහල"


def test_sri_lankan_and_vietnamese_languages_have_a_ui():
    assert {"si", "ta", "vi"} <= set(settings.UI_TRANSLATED_LANGUAGES)


@pytest.mark.parametrize(("language", "sign_in", "dashboard"), SHELL)
def test_catalogue_is_loaded_for(language, sign_in, dashboard):
    with translation.override(language):
        assert translation.gettext("Sign in") == sign_in
        assert translation.gettext("Dashboard") == dashboard


@pytest.mark.parametrize(("language", "sign_in", "dashboard"), SHELL)
def test_signing_in_to_a_ministry_shows_its_default_language(
    client_for, ministry, user_with_role, language, sign_in, dashboard
):
    _speak(ministry, [language, "en"], language)
    user = user_with_role(Role.SYSTEM_ADMIN)
    assert user.preferred_language == ""  # nothing chosen: the ministry's default applies
    client = client_for(ministry)

    login = client.get("/app/login/")
    assert login["Content-Language"] == language
    assert f'<html lang="{language}">' in login.content.decode()
    assert sign_in in login.content.decode()

    response = client.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 302
    shell = client.get("/app/")
    page = shell.content.decode()
    assert shell["Content-Language"] == language
    assert f'<a href="/app/" aria-current="page">{dashboard}</a>' in page  # the menu item
    assert ">Dashboard</a>" not in page


def test_switcher_names_each_language_in_its_own_script(client_for, ministry):
    _speak(ministry, ["si", "ta", "en"], "si")
    page = client_for(ministry).get("/app/login/").content.decode()
    for code, name in [("si", "සිංහල"), ("ta", "தமிழ்"), ("vi", "Tiếng Việt"), ("es", "español")]:
        assert f'<option value="{code}" lang="{code}"' in page
        assert f">{name}</option>" in page


def test_sri_lankan_user_choosing_tamil_keeps_it_across_sessions(
    client_for, ministry, user_with_role
):
    _speak(ministry, ["si", "ta", "en"], "si")
    user = user_with_role(Role.SUPERVISOR)
    client = client_for(ministry)
    client.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    assert "උපකරණ පුවරුව" in client.get("/app/").content.decode()

    response = client.post("/app/language/", {"language": "ta", "next": "/app/"})
    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).preferred_language == "ta"

    # A fresh browser (no cookie) still gets Tamil once signed in: the choice is on the account.
    fresh = client_for(ministry)
    assert fresh.get("/app/login/")["Content-Language"] == "si"
    fresh.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    shell = fresh.get("/app/")
    assert shell["Content-Language"] == "ta"
    assert 'aria-current="page">கட்டுப்பாட்டுப் பலகை</a>' in shell.content.decode()


def test_demo_ministries_default_to_their_national_language():
    from devtools.ministries import DEMO

    defaults = {spec.slug: spec.default_language for spec, _offices in DEMO}
    assert defaults["srilanka"] == "si"
    assert defaults["vietnam"] == "vi"
