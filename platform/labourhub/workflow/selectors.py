import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action, Scope
from labourhub.accounts.selectors import user_can, user_scope_for
from labourhub.workflow.models import (
    Alert,
    CalendarDay,
    Case,
    CaseEvent,
    Deadline,
    NationalHolidayDeclined,
)
from labourhub.workflow.procedures import Procedure, Transition, procedure_get

GREEN, AMBER, RED, NONE = "green", "amber", "red", "none"


def traffic_light(
    *, next_due_on: dt.date | None, next_warn_on: dt.date | None, today: dt.date
) -> str:
    """Red once the nearest deadline has passed, amber inside its warning window."""
    if next_due_on is None:
        return NONE
    if next_due_on < today:
        return RED
    if next_warn_on is not None and next_warn_on <= today:
        return AMBER
    return GREEN


def _visible(
    qs: QuerySet[Case], *, user: User, action: Action = Action.CASE_VIEW
) -> QuerySet[Case]:
    """Row-level scope of ``action`` for ``user``: the same rules as ``user_can``."""
    scope = user_scope_for(user=user, action=action)
    if scope is None:
        return qs.none()
    if scope == Scope.MINISTRY:
        return qs
    own = Q(assigned_to=user) | Q(supervisor=user)
    if user.office is None:
        return qs.filter(own)
    if scope == Scope.REGION:
        # ``Office.region_id`` is a property (a region is its own region, a district's is its
        # parent), not a column: match the region itself and its districts.
        region = user.office.region_id
        return qs.filter(own | Q(office_id=region) | Q(office__parent_id=region))
    if scope in (Scope.OFFICE, Scope.TEAM):
        return qs.filter(own | Q(office_id=user.office_id))
    return qs.filter(own)


def case_list(
    *, user: User, filters: Mapping[str, Any] | None = None, today: dt.date
) -> QuerySet[Case]:
    """Cases the user may see, nearest deadline first; filters: procedure, state, light, q,
    office, due_this_week, mine, open."""
    f = filters or {}
    qs = _visible(Case.objects.all(), user=user)
    if f.get("procedure"):
        qs = qs.filter(procedure=f["procedure"])
    if f.get("state"):
        qs = qs.filter(state=f["state"])
    if f.get("office"):
        qs = qs.filter(office_id=f["office"])
    if f.get("mine"):
        qs = qs.filter(assigned_to=user)
    if f.get("open", True):
        qs = qs.filter(closed_at=None)
    light = f.get("light")
    if light == RED:
        qs = qs.filter(next_due_on__lt=today)
    elif light == AMBER:
        qs = qs.filter(next_due_on__gte=today, next_warn_on__lte=today)
    elif light == GREEN:
        qs = qs.filter(next_due_on__gte=today, next_warn_on__gt=today)
    if f.get("due_this_week"):
        monday = today - dt.timedelta(days=today.weekday())
        qs = qs.filter(next_due_on__gte=today, next_due_on__lte=monday + dt.timedelta(days=6))
    if f.get("q"):
        qs = qs.filter(Q(reference__icontains=f["q"]) | Q(title__icontains=f["q"]))
    return qs.select_related("office", "assigned_to", "establishment").order_by("next_due_on", "id")


def case_get(*, user: User, case_id: int) -> Case | None:
    return (
        _visible(Case.objects.all(), user=user)
        .select_related("office", "assigned_to", "supervisor", "establishment")
        .filter(pk=case_id)
        .first()
    )


def case_overdue_board(*, user: User, today: dt.date) -> QuerySet[Case]:
    return (
        _visible(Case.objects.all(), user=user, action=Action.CASE_SUPERVISE)
        .filter(closed_at=None, next_due_on__lt=today)
        .select_related("office", "assigned_to", "supervisor")
        .order_by("next_due_on", "id")
    )


# Enforcement steps where a decision (impose a fine or not, an appeal's outcome) is awaited.
DECISION_STATES = ("notice_served", "under_appeal")


def case_decisions_waiting(*, user: User) -> QuerySet[Case]:
    """Enforcement cases waiting for a decision ``user`` may take (sanction.decide scope)."""
    return (
        _visible(Case.objects.all(), user=user, action=Action.SANCTION_DECIDE)
        .filter(procedure="enforcement", state__in=DECISION_STATES, closed_at=None)
        .select_related("office")
        .order_by("next_due_on", "id")
    )


def alert_unread_list(*, user: User) -> QuerySet[Alert]:
    """Deadline alerts ``user`` has not opened, newest first."""
    return (
        Alert.objects.filter(recipient=user, read_at=None)
        .select_related("case", "deadline")
        .order_by("-created_at", "-id")
    )


def case_timeline(*, case: Case) -> QuerySet[CaseEvent]:
    return CaseEvent.objects.filter(case=case).select_related("actor").order_by("at", "id")


def case_deadlines(*, case: Case) -> QuerySet[Deadline]:
    return Deadline.objects.filter(case=case).order_by("status", "due_on")


@dataclass(frozen=True)
class NextAction:
    transition: Transition
    allowed: bool


def case_next_actions(*, case: Case, user: User) -> tuple[Procedure | None, list[NextAction]]:
    """The transitions out of the current state and whether ``user`` may take each."""
    proc = procedure_get(case.procedure)
    if proc is None:
        return None, []
    return proc, [
        NextAction(
            t,
            user_can(
                user=user, action=Action(t.action), office=case.office, owner_id=case.assigned_to_id
            ),
        )
        for t in proc.available(case.state)
    ]


def alert_unread_count(*, user: User) -> int:
    """Deadline alerts and safety alerts (child labour, refused entry) not yet seen."""
    from labourhub.inspections.selectors.alerts import inspection_alerts_unread

    # One query for both kinds: the bell is on every page.
    deadline_alerts = Alert.objects.filter(recipient=user, read_at=None).values_list("pk")
    safety_alerts = inspection_alerts_unread(user=user).values_list("pk")
    return deadline_alerts.union(safety_alerts, all=True).count()


def alert_list(*, user: User) -> QuerySet[Alert]:
    return Alert.objects.filter(recipient=user).select_related("case", "deadline")


def national_holiday_declined_list() -> QuerySet[NationalHolidayDeclined]:
    return NationalHolidayDeclined.objects.order_by("date")


def calendar_day_list(*, year: int | None = None) -> QuerySet[CalendarDay]:
    qs = CalendarDay.objects.all()
    if year:
        qs = qs.filter(Q(date__year=year) | Q(yearly=True))
    return qs.order_by("date")


# Holidays of a year that follow a gazette (lunar and religious days) are often published late
# in the year before; from this day administrators are reminded to load next year's list.
GAZETTE_REMINDER_FROM = (10, 1)


def calendar_next_year_missing(*, today: dt.date) -> int | None:
    """Next year, when it is October or later and next year has no dated public holiday yet;
    otherwise None. Days repeating every year do not count: they never cover a gazette."""
    if (today.month, today.day) < GAZETTE_REMINDER_FROM:
        return None
    year = today.year + 1
    holidays = CalendarDay.objects.filter(
        kind=CalendarDay.Kind.HOLIDAY, yearly=False, date__year=year
    )
    return None if holidays.exists() else year
