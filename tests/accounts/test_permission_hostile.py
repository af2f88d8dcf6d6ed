"""Hostile callers: nobody signed in, a session or token from another ministry, a suspended user.

Each is refused by the staff page and by the API for every action of the permission table, and
a refused write (adding a calendar day) leaves nothing behind.
"""

import pytest

from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_deactivate
from labourhub.workflow.models import CalendarDay
from tests.accounts.test_permission_table import TABLE

pytestmark = pytest.mark.multi_tenant

ENDPOINTS = [(method, page, api) for method, page, api, _roles in TABLE.values()]
WRITE = {"date": "2026-07-16", "name": "Día inventado"}


def _signed_out(response) -> bool:
    return response.status_code == 302 and "/app/login/" in response["Location"]


def _refused(page, api) -> list[tuple[str, int, int]]:
    """The endpoints that did not refuse: (page path, page status, API status)."""
    leaks = []
    for method, page_path, api_path in ENDPOINTS:
        page_response = getattr(page, method)(page_path, WRITE)
        api_status = getattr(api, method)(api_path, WRITE, format="json").status_code
        if not (_signed_out(page_response) and api_status == 401):
            leaks.append((page_path, page_response.status_code, api_status))
    return leaks


def test_nobody_signed_in_is_refused(ministry, in_ministry, client_for, api_client_for):
    assert _refused(client_for(ministry), api_client_for(ministry)) == []
    assert not CalendarDay.objects.exists()


def test_a_session_and_token_of_another_ministry_are_refused(
    ministry, second_ministry, user_with_role, client_for, api_client_for
):
    director = user_with_role(Role.DIRECTOR)  # of the first ministry: allowed everything below
    home = client_for(ministry)
    home.force_login(director)
    token = api_client_for(ministry, director)._credentials["HTTP_AUTHORIZATION"]
    page = client_for(second_ministry)
    page.cookies["sessionid"] = home.cookies["sessionid"].value
    api = api_client_for(second_ministry)
    api.credentials(HTTP_AUTHORIZATION=token)
    assert _refused(page, api) == []


def test_a_suspended_user_is_refused_at_once(ministry, user_with_role, client_for, api_client_for):
    director = user_with_role(Role.DIRECTOR)
    page = client_for(ministry)
    page.force_login(director)
    api = api_client_for(ministry, director)
    assert page.get("/app/cases/").status_code == 200  # the session worked before
    user_deactivate(user=director, actor=None, reason="Inquiry", departed=False)
    assert _refused(page, api) == []
    assert not CalendarDay.objects.filter(name=WRITE["name"]).exists()


def test_a_suspended_user_keeps_no_way_in_even_with_a_leftover_token(
    ministry, user_with_role, api_client_for
):
    # A suspension written straight to the database (no service) must not leave the token usable.
    director = user_with_role(Role.DIRECTOR)
    api = api_client_for(ministry, director)
    type(director).objects.filter(pk=director.pk).update(is_active=False, status="suspended")
    assert api.get("/api/v1/cases/").status_code == 401
    assert api.post("/api/v1/calendar/days/", WRITE, format="json").status_code == 401
    assert not CalendarDay.objects.filter(name=WRITE["name"]).exists()
