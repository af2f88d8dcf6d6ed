"""The platform's apex host (public schema): operators sign in; unknown paths are plain 404s."""

from django.test import Client

from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.testing.pytest_plugin import TEST_PASSWORD


def test_operator_signs_in_on_the_apex_host_and_sees_only_platform_links(db):
    user_create(
        username="operator-x", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
    )
    client = Client(HTTP_HOST="localhost")
    response = client.post("/app/login/", {"username": "operator-x", "password": TEST_PASSWORD})
    assert response.status_code == 302
    page = client.get("/app/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'href="/console/"' in body
    assert "/app/inspections/" not in body  # ministry-only pages are not offered here


def test_unknown_path_on_the_apex_host_is_a_404(db):
    assert Client(HTTP_HOST="localhost").get("/no-such-page/").status_code == 404
