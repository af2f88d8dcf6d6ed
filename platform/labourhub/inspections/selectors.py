import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action, Role, Scope
from labourhub.accounts.selectors import user_can, user_scope_for
from labourhub.inspections.models import (
    Answer,
    Assignment,
    Campaign,
    Checklist,
    ChecklistQuestion,
    ChecklistSection,
    ChecklistVersion,
    ConflictOfInterest,
    Correction,
    Evidence,
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


def assignment_list(*, inspection: Inspection) -> QuerySet[Assignment]:
    return Assignment.objects.select_related("assignee", "assigned_by", "previous_assignee").filter(
        inspection=inspection
    )


def assignment_replay(*, assignment: Assignment) -> int | None:
    """Re-run a recorded random draw: anyone can check the inspector was not hand-picked."""
    if assignment.method != Assignment.Method.RANDOM or not assignment.candidate_ids:
        return None
    return random_pick(seed=assignment.seed, candidate_ids=list(assignment.candidate_ids))


def random_pick(*, seed: str, candidate_ids: list[int]) -> int:
    # Sorting makes the draw independent of the order the candidates were listed in.
    return random.Random(seed).choice(sorted(candidate_ids))  # noqa: S311 - fairness, not secrecy


@dataclass(frozen=True)
class Candidates:
    users: list[User]
    excluded: dict[str, str]  # user id -> reason, kept on the Assignment


def assignment_candidates(*, inspection: Inspection) -> Candidates:
    """Active inspectors of the inspection's office, minus declared conflicts of interest."""
    pool = list(
        User.objects.filter(
            is_active=True,
            status=User.Status.ACTIVE,
            role_grants__role=Role.INSPECTOR,
            office=inspection.office,
        )
        .distinct()
        .order_by("id")
    )
    conflicted = dict(
        ConflictOfInterest.objects.filter(
            employer_id=inspection.establishment.employer_id, inspector__in=pool
        ).values_list("inspector_id", "reason")
    )
    excluded = {str(uid): f"conflict of interest: {reason}" for uid, reason in conflicted.items()}
    return Candidates([u for u in pool if u.pk not in conflicted], excluded)


def open_workload(*, user_ids: list[int]) -> dict[int, int]:
    return dict(
        Inspection.objects.filter(inspector_id__in=user_ids, status__in=OPEN_STATUSES)
        .values_list("inspector_id")
        .annotate(n=Count("id"))
        .values_list("inspector_id", "n")
    )


# --- checklists ----------------------------------------------------------------------------


def checklist_list() -> QuerySet[Checklist]:
    return Checklist.objects.prefetch_related("versions").order_by("title")


def checklist_current_version(*, checklist: Checklist) -> ChecklistVersion | None:
    return (
        ChecklistVersion.objects.filter(
            checklist=checklist, status=ChecklistVersion.Status.PUBLISHED
        )
        .order_by("-number")
        .first()
    )


def checklist_draft(*, checklist: Checklist) -> ChecklistVersion | None:
    return ChecklistVersion.objects.filter(
        checklist=checklist, status=ChecklistVersion.Status.DRAFT
    ).first()


def checklist_version_sections(*, version: ChecklistVersion) -> list[ChecklistSection]:
    return list(
        ChecklistSection.objects.filter(version=version)
        .prefetch_related(
            Prefetch("questions", queryset=ChecklistQuestion.objects.order_by("order", "id"))
        )
        .order_by("order", "id")
    )


def checklist_version_questions(*, version: ChecklistVersion) -> list[ChecklistQuestion]:
    return list(
        ChecklistQuestion.objects.filter(section__version=version)
        .select_related("section")
        .order_by("section__order", "section_id", "order", "id")
    )


# --- visit ---------------------------------------------------------------------------------


def answers_by_code(*, inspection: Inspection) -> dict[str, Answer]:
    return {
        a.question.code: a
        for a in Answer.objects.filter(inspection=inspection).select_related("question")
    }


def question_visible(*, question: ChecklistQuestion, values: dict[str, Any]) -> bool:
    if not question.condition_code:
        return True
    return str(values.get(question.condition_code) or "") == question.condition_value


def finding_list(*, inspection: Inspection) -> QuerySet[Finding]:
    return Finding.objects.filter(inspection=inspection).select_related("question")


def evidence_list(*, inspection: Inspection) -> QuerySet[Evidence]:
    return Evidence.objects.filter(inspection=inspection).select_related("question")


def correction_list(*, inspection: Inspection) -> QuerySet[Correction]:
    return Correction.objects.filter(inspection=inspection).select_related(
        "question", "requested_by", "decided_by"
    )


# --- planning and supervision ---------------------------------------------------------------


def campaign_list() -> QuerySet[Campaign]:
    return Campaign.objects.select_related("region").order_by("-starts_on", "name")


@dataclass(frozen=True)
class OfficeProgress:
    office: Office
    target: int
    planned: int
    completed: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.completed / self.target)) if self.target else 0


def campaign_progress(*, campaign: Campaign) -> list[OfficeProgress]:
    counts = {
        row["office_id"]: row
        for row in Inspection.objects.filter(campaign=campaign)
        .exclude(status=Inspection.Status.CANCELLED)
        .values("office_id")
        .annotate(
            planned=Count("id"),
            completed=Count("id", filter=Q(status=Inspection.Status.COMPLETED)),
        )
    }
    out = []
    for target in campaign.targets.select_related("office").order_by("office__code"):
        row: Any = counts.get(target.office_id, {})
        out.append(
            OfficeProgress(
                target.office, target.target_count, row.get("planned", 0), row.get("completed", 0)
            )
        )
    return out


@dataclass(frozen=True)
class InspectorLoad:
    inspector: User
    by_status: dict[str, int]
    completed_30d: int

    @property
    def open_total(self) -> int:
        return sum(self.by_status.get(s, 0) for s in OPEN_STATUSES)


def team_workload(*, user: User) -> list[InspectorLoad]:
    """Each inspector the supervisor oversees, with open work by status and recent output."""
    inspectors = User.objects.filter(role_grants__role=Role.INSPECTOR, is_active=True)
    scope = user_scope_for(user=user, action=Action.INSPECTION_ASSIGN)
    if scope != Scope.MINISTRY:
        inspectors = inspectors.filter(office_id=user.office_id or 0)
    inspectors = inspectors.distinct().order_by("last_name", "username")
    people = list(inspectors[:200])
    since = timezone.now() - dt.timedelta(days=30)
    rows = (
        Inspection.objects.filter(inspector__in=people)
        .values("inspector_id", "status")
        .annotate(n=Count("id"))
    )
    by_user: dict[int, dict[str, int]] = {}
    for row in rows:
        by_user.setdefault(row["inspector_id"], {})[row["status"]] = row["n"]
    recent = dict(
        Inspection.objects.filter(
            inspector__in=people, status=Inspection.Status.COMPLETED, submitted_at__gte=since
        )
        .values_list("inspector_id")
        .annotate(n=Count("id"))
        .values_list("inspector_id", "n")
    )
    return [InspectorLoad(p, by_user.get(p.pk, {}), recent.get(p.pk, 0)) for p in people]


def recently_completed(*, user: User, limit: int = 20) -> list[Inspection]:
    qs = (
        Inspection.objects.select_related("establishment", "inspector")
        .filter(status=Inspection.Status.COMPLETED)
        .order_by("-submitted_at")
    )
    return list(inspection_visible_to(user=user, qs=qs)[:limit])
