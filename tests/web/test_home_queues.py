"""The home page is each role's work queue: the right items, linked, bounded, never another
ministry's."""

import datetime as dt
import re
import zoneinfo

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.utils import formats, timezone, translation

from labourhub.accounts.models import User
from labourhub.accounts.roles import Role
from labourhub.complaints.services import complaint_register
from labourhub.enforcement.models import Hearing, OrderProposal
from labourhub.inspections.selectors import procedure_get
from labourhub.workflow.models import Case
from labourhub.workflow.services import case_open, ministry_today
from tenants.context import ministry_context
from tests.inspections.conftest import build_world, started_inspection

SECTION = re.compile(
    r'<section class="govuk-summary-card" id="queue-([a-z_]+)"(.*?)</section>', re.S
)


def _home(client_for, ministry, user) -> dict[str, str]:
    client = client_for(ministry)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user)
    page = client.get("/app/")
    assert page.status_code == 200
    return dict(SECTION.findall(page.content.decode()))


@pytest.fixture
def world(in_ministry, user_with_role):
    return build_world(user_with_role)


def test_inspector_sees_todays_visit_and_the_unsubmitted_report(world, ministry, client_for):
    visit = started_inspection(world)
    panels = _home(client_for, ministry, world.inspectors[0])
    assert list(panels) == ["visits_today", "drafts", "deadlines", "alerts"]
    assert visit.reference in panels["visits_today"]
    assert f'href="/app/inspections/{visit.pk}/"' in panels["drafts"]
    assert "Draft" in panels["drafts"]
    assert "None of your cases has a deadline in the next 7 days." in panels["deadlines"]
    assert "No unread alert." in panels["alerts"]
    # Another inspector of the same office has nothing of it.
    other = _home(client_for, ministry, world.inspectors[1])
    assert visit.reference not in "".join(other.values())
    assert "No visit is planned for you today." in other["visits_today"]


def test_inspector_sees_own_deadlines_with_a_traffic_light(world, ministry, client_for):
    inspector = world.inspectors[0]
    case = case_open(
        procedure="enforcement",
        title="Salarios impagos",
        office=world.district,
        assigned_to=inspector,
        actor=None,
    )
    Case.objects.filter(pk=case.pk).update(next_due_on=ministry_today() - dt.timedelta(days=2))
    panels = _home(client_for, ministry, inspector)
    assert case.reference in panels["deadlines"]
    assert "govuk-tag--red" in panels["deadlines"]
    assert f'href="/app/cases/{case.pk}/"' in panels["deadlines"]


def test_supervisor_sees_approvals_workload_and_overdue(world, ministry, client_for):
    visit = started_inspection(world)
    OrderProposal.objects.create(inspection=visit, proposed_by=world.inspectors[0])
    late = case_open(
        procedure="enforcement",
        title="Horas extra",
        office=world.district,
        assigned_to=world.inspectors[1],
        actor=None,
    )
    Case.objects.filter(pk=late.pk).update(next_due_on=ministry_today() - dt.timedelta(days=3))
    panels = _home(client_for, ministry, world.supervisor)
    assert list(panels) == ["approvals", "workload", "overdue", "alerts"]
    assert visit.reference in panels["approvals"]
    assert "Order to confirm" in panels["approvals"]
    # One bar per inspector of the office; the busiest is full width.
    assert panels["workload"].count("<svg") == len(world.inspectors)
    assert 'width="100"' in panels["workload"]
    assert late.reference in panels["overdue"]
    assert "3 days late" in panels["overdue"]


def test_supervisor_with_nothing_to_do_gets_helpful_empty_states(world, ministry, client_for):
    panels = _home(client_for, ministry, world.supervisor)
    assert "Nothing is waiting for your approval." in panels["approvals"]
    assert "No case is past its deadline." in panels["overdue"]


def test_legal_officer_sees_hearings_in_the_ministry_time_zone(
    world, ministry, client_for, user_with_role
):
    legal = user_with_role(Role.LEGAL_OFFICER, username="lawyer", office=world.district)
    case = case_open(procedure="enforcement", title="Despido", office=world.district, actor=None)
    starts = (timezone.now() + dt.timedelta(days=2)).replace(
        hour=15, minute=30, second=0, microsecond=0
    )
    Hearing.objects.create(
        case=case,
        room="Sala 2",
        officer=legal,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
    )
    Case.objects.filter(pk=case.pk).update(next_due_on=ministry_today() + dt.timedelta(days=5))
    panels = _home(client_for, ministry, legal)
    assert list(panels) == ["hearings", "legal_deadlines", "approvals", "alerts"]
    zone = zoneinfo.ZoneInfo(ministry.time_zone)
    with translation.override("en"):
        local = formats.date_format(starts.astimezone(zone), "SHORT_DATETIME_FORMAT")
    assert local in panels["hearings"]
    assert "Sala 2" in panels["hearings"]
    assert f'href="/app/enforcement/cases/{case.pk}/hearings/"' in panels["hearings"]
    assert case.reference in panels["legal_deadlines"]


def test_clerk_sees_the_intake_queue(world, ministry, client_for, user_with_role):
    clerk = user_with_role(Role.CLERK, username="deskclerk", office=world.district)
    complaint, _code = complaint_register(
        office=world.district,
        subject="No pagan horas extra",
        description="Desde enero no pagan las horas extra.",
        establishment=world.establishment,
        anonymous=True,
        channel="portal",
        actor=None,
    )
    panels = _home(client_for, ministry, clerk)
    assert list(panels) == ["new_complaints", "submissions", "accounts"]
    assert "No pagan horas extra" in panels["new_complaints"]
    assert "Worker portal" in panels["new_complaints"]
    assert f'href="/app/complaints/{complaint.pk}/"' in panels["new_complaints"]
    assert "No employer account is waiting for verification." in panels["accounts"]


def test_authorising_official_sees_inspections_to_authorise(world, ministry, client_for):
    assert procedure_get().require_authorisation
    planned = world.new_inspection()
    panels = _home(client_for, ministry, world.minister)
    assert list(panels) == ["approvals", "indicators"]
    assert planned.reference in panels["approvals"]
    assert "To authorise" in panels["approvals"]
    assert "Inspections done" in panels["indicators"]


def test_director_and_analyst_see_key_indicators(world, ministry, client_for, user_with_role):
    director = user_with_role(Role.DIRECTOR, username="boss", office=world.region)
    analyst = user_with_role(Role.ANALYST, username="numbers", office=world.region)
    assert list(_home(client_for, ministry, director)) == ["approvals", "indicators", "overdue"]
    panels = _home(client_for, ministry, analyst)
    assert list(panels) == ["indicators"]
    assert 'href="/app/analytics/drill/coverage/"' in panels["indicators"]


def test_administrator_sees_locked_and_roleless_accounts(world, ministry, client_for):
    User.objects.create_user(username="newcomer", password="x-Long-enough-2026")
    AccessAttempt.objects.create(
        username="insp2",
        ip_address="10.0.0.9",
        user_agent="test",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
        attempt_time=timezone.now(),
        get_data="",
        post_data="",
        http_accept="*/*",
        path_info="/app/login/",
    )
    panels = _home(client_for, ministry, world.admin)
    assert list(panels) == ["users", "settings"]
    assert "newcomer" in panels["users"] and "No role yet" in panels["users"]
    assert "insp2" in panels["users"] and "Locked" in panels["users"]
    assert 'href="/app/cases/calendar/"' in panels["settings"]


ROLES = [
    Role.INSPECTOR,
    Role.SUPERVISOR,
    Role.OFFICE_HEAD,
    Role.LEGAL_OFFICER,
    Role.CLERK,
    Role.DIRECTOR,
    Role.AUTHORISING_OFFICIAL,
    Role.ANALYST,
    Role.SYSTEM_ADMIN,
    Role.OSH_ENGINEER,
    Role.OCCUPATIONAL_PHYSICIAN,
    Role.PES_OFFICER,
]


@pytest.mark.parametrize("role", ROLES)
def test_home_query_count_is_bounded(
    role, world, ministry, client_for, user_with_role, django_assert_max_num_queries
):
    visit = started_inspection(world)
    OrderProposal.objects.create(inspection=visit, proposed_by=world.inspectors[0])
    # A dozen of each: the count must not grow with the rows (no query per row).
    for n in range(12):
        world.new_inspection()
        complaint_register(
            office=world.district,
            subject=f"Queja {n}",
            description="Horas extra sin pagar.",
            establishment=world.establishment,
            anonymous=True,
            channel="staff",
            actor=None,
        )
    user = user_with_role(role, username=f"q-{role.value}", office=world.district)
    client = client_for(ministry)
    client.force_login(user)
    with django_assert_max_num_queries(50):
        assert client.get("/app/").status_code == 200


@pytest.mark.multi_tenant
@pytest.mark.parametrize("role", ROLES)
def test_home_never_shows_another_ministrys_items(
    role, ministry, second_ministry, client_for, user_with_role
):
    with ministry_context(ministry):
        world = build_world(user_with_role)
        visit = started_inspection(world)
        OrderProposal.objects.create(inspection=visit, proposed_by=world.inspectors[0])
        planned = world.new_inspection()
        complaint, _code = complaint_register(
            office=world.district,
            subject="Queja de la otra ministra",
            description="Horas extra sin pagar.",
            establishment=world.establishment,
            anonymous=True,
            channel="portal",
            actor=None,
        )
        secrets = [visit.reference, planned.reference, complaint.case.reference, "insp1"]
    with ministry_context(second_ministry):
        user = user_with_role(role, username=f"other-{role.value}")
        page = client_for(second_ministry)
        page.force_login(user)
        body = page.get("/app/").content.decode()
    for secret in secrets:
        assert secret not in body, secret
