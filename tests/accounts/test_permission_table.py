"""One table of role x action drives a staff page and an API endpoint per action.

The table is written out by hand (not computed from the policy), so a change to the policy, to a
page's decorator or to an API view's permission class shows up here; a second test keeps the
table and the policy in step.
"""

import pytest
from django.core.exceptions import PermissionDenied

from labourhub.accounts.models import Office
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action, Role
from labourhub.accounts.selectors import user_can
from labourhub.accounts.services import office_create
from labourhub.registry.models import Establishment
from labourhub.registry.services import employer_create, establishment_create, establishment_update

R = Role
ROLES = (R.SYSTEM_ADMIN, R.DIRECTOR, R.INSPECTOR, R.CLERK, R.ANALYST, R.EMPLOYER)
STAFF = {R.SYSTEM_ADMIN, R.DIRECTOR, R.INSPECTOR, R.CLERK, R.ANALYST}

# action -> (method, staff page, API endpoint, roles allowed)
TABLE: dict[Action, tuple[str, str, str, set[Role]]] = {
    Action.USER_MANAGE: ("get", "/app/users/", "/api/v1/users/", {R.SYSTEM_ADMIN}),
    Action.AUDIT_VIEW: (
        "get",
        "/app/audit/",
        "/api/v1/audit/events/",
        {R.SYSTEM_ADMIN, R.DIRECTOR},
    ),
    Action.DOCUMENT_VIEW: ("get", "/app/documents/", "/api/v1/documents/", STAFF),
    Action.ESTABLISHMENT_VIEW: (
        "get",
        "/app/establishments/",
        "/api/v1/registry/establishments/",
        STAFF,
    ),
    Action.CASE_VIEW: (
        "get",
        "/app/cases/",
        "/api/v1/cases/",
        {R.SYSTEM_ADMIN, R.DIRECTOR, R.INSPECTOR, R.CLERK},
    ),
    # Reading the calendar is for case workers; adding a day (POST) needs this action on top.
    Action.CALENDAR_MANAGE: (
        "post",
        "/app/cases/calendar/",
        "/api/v1/calendar/days/",
        {R.SYSTEM_ADMIN, R.DIRECTOR},
    ),
}

CASES = [(role, action) for action in TABLE for role in ROLES]


def _id(case: tuple[Role, Action]) -> str:
    return f"{case[0].value}-{case[1].value}"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_table_matches_the_policy(in_ministry, user_with_role, case):
    role, action = case
    user = user_with_role(role)
    assert user_can(user=user, action=action) is (role in TABLE[action][3])


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_page_and_api_answer_the_same(ministry, user_with_role, client_for, api_client_for, case):
    role, action = case
    method, page_path, api_path, allowed = TABLE[action]
    user = user_with_role(role)
    page = client_for(ministry)
    page.force_login(user)
    api = api_client_for(ministry, user)
    # An empty POST is refused by the form or serializer, so nothing is written either way.
    page_response = getattr(page, method)(page_path, {})
    page_status = page_response.status_code
    api_status = getattr(api, method)(api_path, {}, format="json").status_code
    if role in (R.EMPLOYER, R.WORKER):
        # Portal accounts are sent to the portal before any staff page is considered.
        assert (page_status, page_response["Location"], api_status) == (302, "/portal/", 403)
    elif role in allowed:
        assert page_status == 200
        assert api_status == (200 if method == "get" else 400)
    else:
        assert (page_status, api_status) == (403, 403)


def test_a_refusal_is_worded_in_the_ministrys_language(ministry, user_with_role, api_client_for):
    # The test ministry speaks Spanish; the API says why, in Spanish.
    api = api_client_for(ministry, user_with_role(Role.INSPECTOR))
    response = api.get("/api/v1/users/")
    assert response.status_code == 403
    assert response.json()["message"] == "Su rol no le permite realizar esta acción."


# -- scope through the service -------------------------------------------------------------------


@pytest.fixture
def two_offices(in_ministry):
    def office(code, level, parent=None):
        return Office.objects.filter(code=code).first() or office_create(
            code=code, name=code, level=level, parent=parent, actor=None
        )

    north, south = office("P-NORTH", "region"), office("P-SOUTH", "region")
    return office("P-N1", "district", north), office("P-S1", "district", south)


@pytest.fixture
def southern_site(two_offices):
    _mine, theirs = two_offices
    employer = employer_create(legal_name="Sur S.A.", actor=None)
    return establishment_create(
        employer=employer, name="Sur", office=theirs, isic_code="1071", actor=None
    )


def test_the_service_refuses_another_office(two_offices, southern_site, user_with_role):
    mine, theirs = two_offices
    clerk = user_with_role(Role.CLERK, office=mine)  # edits establishments of its own office
    employer = employer_create(legal_name="Norte S.A.", actor=None)
    with pytest.raises(PermissionDenied):
        establishment_create(
            employer=employer, name="X", office=theirs, isic_code="1071", actor=clerk
        )
    with pytest.raises(PermissionDenied):
        establishment_update(establishment=southern_site, data={"name": "Mine"}, actor=clerk)
    own = establishment_create(
        employer=employer, name="Norte", office=mine, isic_code="1071", actor=clerk
    )
    with pytest.raises(PermissionDenied):  # moving a site out of one's office is editing theirs
        establishment_update(establishment=own, data={"office": theirs}, actor=clerk)
    southern_site.refresh_from_db()
    own.refresh_from_db()
    assert (southern_site.name, own.office) == ("Sur", mine)
    assert not Establishment.objects.filter(name="X").exists()


def test_page_and_api_get_the_services_refusal(
    ministry, two_offices, southern_site, user_with_role, client_for, api_client_for
):
    mine, _theirs = two_offices
    clerk = user_with_role(Role.CLERK, office=mine)
    page = client_for(ministry)
    page.force_login(clerk)
    assert page.get(f"/app/establishments/{southern_site.pk}/edit/").status_code == 403
    api = api_client_for(ministry, clerk)
    response = api.post(
        f"/api/v1/registry/establishments/{southern_site.pk}/update/",
        {"name": "Mine"},
        format="json",
    )
    assert response.status_code == 403
    southern_site.refresh_from_db()
    assert southern_site.name == "Sur"


def test_region_scope(two_offices, user_with_role):
    mine, theirs = two_offices
    north, south = mine.parent, theirs.parent
    legal = user_with_role(Role.LEGAL_OFFICER, office=mine)  # case work, region-wide
    head = user_with_role(Role.OFFICE_HEAD, office=mine)  # case work, own office only
    permission_check(actor=legal, action=Action.CASE_EDIT, region=north)
    permission_check(actor=head, action=Action.CASE_EDIT, office=mine)
    with pytest.raises(PermissionDenied):
        permission_check(actor=legal, action=Action.CASE_EDIT, region=south)
    with pytest.raises(PermissionDenied):
        permission_check(actor=head, action=Action.CASE_EDIT, region=north)


def test_the_platform_itself_passes_and_a_stranger_does_not(in_ministry):
    from django.contrib.auth.models import AnonymousUser

    permission_check(actor=None, action=Action.USER_MANAGE)
    with pytest.raises(PermissionDenied):
        permission_check(actor=AnonymousUser(), action=Action.DASHBOARD_VIEW)


def test_planning_outside_ones_office_is_refused_by_service_page_and_api(
    ministry, two_offices, southern_site, user_with_role, client_for, api_client_for
):
    from labourhub.inspections.models import Checklist, Inspection
    from labourhub.inspections.services import inspection_create
    from labourhub.inspections.services.checklists import checklists_seed

    checklists_seed(actor=None)
    mine, _theirs = two_offices
    head = user_with_role(Role.OFFICE_HEAD, office=mine)  # plans for its own office only
    with pytest.raises(PermissionDenied):
        inspection_create(establishment=southern_site, origin=Inspection.Origin.PLANNED, actor=head)
    page = client_for(ministry)
    page.force_login(head)
    response = page.post(
        "/app/inspections/",
        {
            "establishment": southern_site.pk,
            "origin": Inspection.Origin.PLANNED,
            "checklist": Checklist.objects.first().pk,
        },
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["establishment"]
    api = api_client_for(ministry, head)
    refused = api.post(
        "/api/v1/inspections/create/",
        {"establishment": southern_site.pk, "origin": Inspection.Origin.PLANNED},
        format="json",
    )
    assert refused.status_code == 403
    assert not Inspection.objects.exists()
