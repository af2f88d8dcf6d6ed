"""Reading inspections: who may see which, lists, one inspection, history, authorisations."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action, Scope
from labourhub.accounts.selectors import user_can, user_scope_for
from labourhub.inspections.models import (
    Finding,
    Inspection,
    InspectionAuthorisation,
    InspectionProcedure,
)
from labourhub.registry.models import Establishment, HistoricalInspection

OPEN_STATUSES = (
    Inspection.Status.PLANNED,
    Inspection.Status.AUTHORISED,
    Inspection.Status.ASSIGNED,
    Inspection.Status.IN_PROGRESS,
)


def procedure_get() -> InspectionProcedure:
    """The ministry's procedure; an unsaved default when the ministry never changed it."""
    return InspectionProcedure.objects.filter(pk=1).first() or InspectionProcedure(pk=1)


# --- permissions on one inspection ---------------------------------------------------------


def inspection_can(*, user: Any, action: Action, inspection: Inspection) -> bool:
    """Office-scoped roles see their office's inspections; an inspector sees the ones assigned
    to them or their team."""
    if not isinstance(user, User):
        return False
    owner = inspection.inspector_id
    if owner != user.pk and user.pk in _team_ids(inspection):
        owner = user.pk
    return user_can(user=user, action=action, office=inspection.office, owner_id=owner)


def inspection_is_assignee(*, user: Any, inspection: Inspection) -> bool:
    """Only the assigned inspector and the team fill in the visit; supervisors read it."""
    return isinstance(user, User) and (
        inspection.inspector_id == user.pk or user.pk in _team_ids(inspection)
    )


def _team_ids(inspection: Inspection) -> set[int]:
    cached: set[int] | None = getattr(inspection, "_lh_team", None)
    if cached is None:
        cached = set(inspection.team.values_list("id", flat=True)) if inspection.pk else set()
        inspection._lh_team = cached  # type: ignore[attr-defined]
    return cached


def inspection_visible_to(*, user: User, qs: QuerySet[Inspection]) -> QuerySet[Inspection]:
    scope = user_scope_for(user=user, action=Action.CASE_VIEW)
    if scope is None:
        return qs.none()
    if scope == Scope.MINISTRY:
        return qs
    own = Q(inspector=user) | Q(team=user)
    if scope == Scope.REGION and user.office is not None:
        region = user.office.region_id
        return qs.filter(own | Q(office_id=region) | Q(office__parent_id=region)).distinct()
    if scope in (Scope.OFFICE, Scope.TEAM) and user.office_id is not None:
        return qs.filter(own | Q(office_id=user.office_id)).distinct()
    return qs.filter(own).distinct()


# --- inspections ---------------------------------------------------------------------------


class InspectionFilters(TypedDict, total=False):
    status: str
    origin: str
    office_id: int
    inspector_id: int
    campaign_id: int
    establishment_id: int
    search: str


def inspection_list(
    *, user: User, filters: InspectionFilters | None = None
) -> QuerySet[Inspection]:
    filters = filters or {}
    qs = Inspection.objects.select_related("establishment", "office", "inspector").order_by(
        "-scheduled_for", "-id"
    )
    for key in ("status", "origin", "office_id", "inspector_id", "campaign_id", "establishment_id"):
        if value := filters.get(key):
            qs = qs.filter(**{key: value})
    if search := filters.get("search"):
        qs = qs.filter(Q(reference__icontains=search) | Q(establishment__name__icontains=search))
    return inspection_visible_to(user=user, qs=qs)


def inspection_get(*, inspection_id: int) -> Inspection | None:
    return (
        Inspection.objects.select_related(
            "establishment",
            "establishment__employer",
            "office",
            "inspector",
            "campaign",
            "checklist_version",
            "checklist_version__checklist",
            "minutes",
        )
        .filter(pk=inspection_id)
        .first()
    )


@dataclass(frozen=True)
class MyInspections:
    today: list[Inspection]
    week: list[Inspection]
    overdue: list[Inspection]


def inspection_list_mine(*, user: User, today: dt.date | None = None) -> MyInspections:
    """The inspector's day and week. Served by the (inspector, scheduled_for) index: each part is
    one short index range scan, whatever the ministry's size."""
    today = today or timezone.localdate()
    week_end = today + dt.timedelta(days=6 - today.weekday())
    base = Inspection.objects.select_related("establishment", "office").filter(
        inspector=user, status__in=OPEN_STATUSES
    )
    rows = list(
        base.filter(scheduled_for__gte=today, scheduled_for__lte=week_end).order_by(
            "scheduled_for", "id"
        )[:200]
    )
    overdue = list(
        base.filter(
            scheduled_for__lt=today, scheduled_for__gte=today - dt.timedelta(days=90)
        ).order_by("scheduled_for", "id")[:50]
    )
    return MyInspections(
        today=[r for r in rows if r.scheduled_for == today],
        week=[r for r in rows if r.scheduled_for != today],
        overdue=overdue,
    )


@dataclass(frozen=True)
class EstablishmentHistory:
    establishment: Establishment
    inspections: Sequence[Inspection]
    paper_records: list[HistoricalInspection]


def establishment_inspection_history(
    *, establishment: Establishment, limit: int = 50
) -> EstablishmentHistory:
    """Newest first from the (establishment, -scheduled_for, -id) index; the findings count is a
    correlated subquery so only the rows shown are counted, however long the history."""
    open_findings = (
        Finding.objects.filter(inspection=OuterRef("pk"), withdrawn_by=None)
        .order_by()
        .values("inspection")
        .annotate(n=Count("id"))
        .values("n")
    )
    inspections = list(
        Inspection.objects.select_related("inspector")
        .filter(establishment=establishment)
        .annotate(findings_open=Coalesce(Subquery(open_findings), 0))
        .order_by("-scheduled_for", "-id")[:limit]
    )
    paper = list(
        HistoricalInspection.objects.filter(establishment=establishment).order_by(
            "-inspected_on", "-id"
        )[:limit]
    )
    return EstablishmentHistory(establishment, inspections, paper)


def authorisation_valid(
    *, inspection: Inspection, on: dt.date | None = None
) -> InspectionAuthorisation | None:
    on = on or timezone.localdate()
    return (
        InspectionAuthorisation.objects.filter(
            inspection=inspection, status=InspectionAuthorisation.Status.VALID, valid_until__gte=on
        )
        .order_by("-signed_at")
        .first()
    )


def authorisation_by_number(*, number: str) -> InspectionAuthorisation | None:
    return (
        InspectionAuthorisation.objects.select_related("inspection", "signer")
        .filter(number=number)
        .first()
    )
