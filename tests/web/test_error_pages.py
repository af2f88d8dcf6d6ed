"""403, 404 and 500 pages: styled, in the ministry's language, saying what to do next.

And a menu never links to a page its reader cannot open: every role's every menu link answers 200.
"""

import pytest
from django.test import override_settings

from labourhub.accounts.roles import STAFF_ROLES, Role
from labourhub.testing.pytest_plugin import SchemaPreservingClient, host_of
from labourhub.workflow.services import case_open
from tenants.context import ministry_context
from tests.web.menus import menu_links


def test_403_is_styled_translated_and_says_what_to_do(client_for, ministry, user_with_role):
    inspector = user_with_role(Role.INSPECTOR)
    client = client_for(ministry)  # Spanish, the ministry's default
    client.force_login(inspector)
    response = client.get("/app/users/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "No puede abrir esta página" in page
    assert "Su rol no le permite realizar esta acción." in page  # the reason given by the guard
    assert "Ir a su página de inicio" in page and 'href="/app/"' in page
    assert "web/app.css" in page and 'lang="es"' in page
    assert "Forbidden" not in page


def test_404_is_styled_translated_and_another_ministrys_case_is_not_found(
    client_for, ministry, second_ministry, user_with_role
):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    with ministry_context(second_ministry):
        officer = user_with_role(Role.INSPECTOR)
        other = case_open(
            procedure="complaint", title="Paraguayan case", office=officer.office, actor=None
        )
    client = client_for(ministry)
    client.force_login(admin)
    response = client.get(f"/app/cases/{other.pk}/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Página no encontrada" in page and "Paraguayan case" not in page
    assert "Ir a su página de inicio" in page
    assert "Not Found" not in page and "No Case matches" not in page


def test_an_unknown_api_path_answers_json(client_for, ministry):
    response = client_for(ministry).get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


@override_settings(ROOT_URLCONF="tests.web.boom_urls")
def test_500_is_styled_translated_and_gives_a_reference(ministry):
    client = SchemaPreservingClient(HTTP_HOST=host_of(ministry), raise_request_exception=False)
    response = client.get("/app/boom/", HTTP_X_REQUEST_ID="ref-12345")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Algo salió mal de nuestro lado" in page
    assert "ref-12345" in page
    assert "database fell over" not in page and "Traceback" not in page
    assert "web/app.css" in page and "Test Ministry of Labour" in page


@pytest.mark.parametrize("role", sorted(STAFF_ROLES))
def test_every_menu_link_opens_for_the_role_that_sees_it(
    client_for, ministry, user_with_role, enable_plugin, role
):
    enable_plugin("trade-unions")  # plugin pages join the menu: they must open too
    user = user_with_role(role)
    client = client_for(ministry)
    client.force_login(user)
    home = client.get("/app/")
    assert home.status_code == 200
    links = menu_links(home.content.decode())
    assert links, role
    failures = {}
    for link in links:
        status = client.get(link).status_code
        if status != 200:
            failures[link] = status
    assert failures == {}, role


def test_a_stale_form_gets_a_translated_page_not_djangos_csrf_page(ministry):
    client = SchemaPreservingClient(HTTP_HOST=host_of(ministry), enforce_csrf_checks=True)
    response = client.post("/app/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "No se pudo enviar el formulario" in page and "Nada se guardó" in page
    assert "CSRF" not in page and 'lang="es"' in page
