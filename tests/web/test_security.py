"""Control characters, security headers, lockout and the template preview sandbox."""

import json
from html.parser import HTMLParser

import pytest
from django.conf import settings

from labourhub.accounts.roles import Role
from labourhub.testing.pytest_plugin import TEST_PASSWORD

REFUSED_ES = "La solicitud contiene caracteres de control"


# --- NUL and other control characters ----------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/verify/%00/", "/verify/abc%01def/", "/app/login/?next=%00", "/lmi/?q=a%00b"]
)
def test_control_characters_in_the_url_get_a_translated_400(client_for, ministry, path):
    response = client_for(ministry).get(path)
    assert response.status_code == 400
    assert REFUSED_ES in response.content.decode()


def test_nul_in_a_form_post_is_refused_before_any_query(client_for, ministry, user_with_role):
    user = user_with_role(Role.INSPECTOR)
    client = client_for(ministry)
    response = client.post("/app/login/", {"username": "a\x00b", "password": "x"})
    assert response.status_code == 400 and REFUSED_ES in response.content.decode()
    # Ordinary text with tabs and newlines still passes, and the account still signs in.
    ok = client.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    assert ok.status_code == 302


def test_nul_in_json_gets_a_json_400_in_the_ministry_language(api_client_for, ministry):
    response = api_client_for(ministry).post(
        "/api/v1/auth/token/",
        data=json.dumps({"username": "admin\u0000", "password": "x"}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(REFUSED_ES)


def test_nul_in_an_api_query_string_is_refused(api_client_for, ministry, user_with_role):
    client = api_client_for(ministry, user_with_role(Role.SYSTEM_ADMIN))
    response = client.get("/api/v1/users/", {"q": "x\x00"})
    assert response.status_code == 400
    assert client.get("/api/v1/users/", {"q": "x"}).status_code == 200


def test_nul_in_a_cookie_never_reaches_the_session_table(client_for, ministry):
    client = client_for(ministry)
    response = client.get("/app/login/", HTTP_COOKIE="sessionid=abc\x00def")
    assert response.status_code == 400


# --- headers ------------------------------------------------------------------------------


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in policy.split(";")
        if part.strip()
    }


def test_pages_get_a_strict_csp_and_permissions_policy(client_for, ministry):
    response = client_for(ministry).get("/app/login/")
    policy = _directives(response)
    assert policy["script-src"].startswith("'self'")
    assert "unsafe-inline" not in policy["script-src"]
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_only_the_wagtail_admin_may_run_inline_scripts(client_for, ministry, user_with_role):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.SYSTEM_ADMIN))
    policy = _directives(client.get("/cms-admin/"))
    assert policy["script-src"] == "'self' 'unsafe-inline'"


@pytest.mark.parametrize("path", ["/app/", "/app/users/", "/api/v1/me/", "/app/login/"])
def test_private_answers_are_never_stored(client_for, ministry, user_with_role, path):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.SYSTEM_ADMIN))
    response = client.get(path)
    assert "no-store" in response["Cache-Control"], path
    assert "private" in response["Cache-Control"], path


def test_a_signed_in_pdf_download_is_never_stored(client_for, ministry, user_with_role):
    from labourhub.documents.services import document_issue, document_templates_seed

    inspector = user_with_role(Role.INSPECTOR)
    document_templates_seed()
    doc = document_issue(kind="compliance_order", officer=inspector, actor=inspector)
    client = client_for(ministry)
    client.force_login(inspector)
    response = client.get(f"/app/documents/{doc.pk}/pdf/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_public_lmi_pages_stay_cacheable(client_for, ministry):
    response = client_for(ministry).get("/health/")
    assert "no-store" not in response.get("Cache-Control", "")


# --- lockout ------------------------------------------------------------------------------


def _fail(client, username: str, ip: str):
    return client.post("/app/login/", {"username": username, "password": "wrong"}, REMOTE_ADDR=ip)


def test_lockout_is_per_account_and_address(client_for, ministry, user_with_role):
    user = user_with_role(Role.INSPECTOR)
    attacker = client_for(ministry)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _fail(attacker, user.username, "203.0.113.9")
    locked = attacker.post(
        "/app/login/",
        {"username": user.username, "password": TEST_PASSWORD},
        REMOTE_ADDR="203.0.113.9",
    )
    assert locked.status_code == 429
    # The real person, elsewhere, is not locked out by someone else's guesses.
    owner = client_for(ministry).post(
        "/app/login/",
        {"username": user.username, "password": TEST_PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )
    assert owner.status_code == 302


def test_password_spraying_from_one_address_is_paused(
    client_for, ministry, user_with_role, settings
):
    settings.AUTH_IP_FAILURE_LIMIT = 6
    victim = user_with_role(Role.INSPECTOR)
    client = client_for(ministry)
    for n in range(settings.AUTH_IP_FAILURE_LIMIT):
        _fail(client, f"guess{n}", "203.0.113.50")  # a different account each time
    paused = client.post(
        "/app/login/",
        {"username": victim.username, "password": TEST_PASSWORD},
        REMOTE_ADDR="203.0.113.50",
    )
    assert paused.status_code == 429


def test_locked_api_client_gets_translated_json(api_client_for, ministry, user_with_role):
    user = user_with_role(Role.INSPECTOR)
    client = api_client_for(ministry)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/api/v1/auth/token/", {"username": user.username, "password": "wrong"})
    response = client.post(
        "/api/v1/auth/token/", {"username": user.username, "password": TEST_PASSWORD}
    )
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "bloqueada" in response.json()["message"]


# --- template preview ---------------------------------------------------------------------


class _TopLevel(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.srcdoc = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "iframe":
            self.srcdoc = dict(attrs).get("srcdoc") or ""


def test_preview_letter_stays_inside_its_sandboxed_iframe(client_for, ministry, user_with_role):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.SYSTEM_ADMIN))
    response = client.post(
        "/app/documents/templates/certificate/preview/",
        {
            "layout": "single",
            "language_1": "en",
            "title_1": 'A "quoted" title',
            "body_1": '<p class="a">Body</p>',
            "language_2": "",
            "title_2": "",
            "body_2": "",
            "note": "",
            "subject_type": "",
            "subject_id": "",
        },
    )
    assert response.status_code == 200
    parser = _TopLevel()
    parser.feed(response.content.decode())
    # The staff page holds a heading and the iframe, nothing of the letter's own markup.
    assert parser.tags == ["h2", "iframe"]
    assert "<html" in parser.srcdoc and "Body" in parser.srcdoc
    assert " sandbox " in response.content.decode()
    assert "allow-scripts" not in response.content.decode()
