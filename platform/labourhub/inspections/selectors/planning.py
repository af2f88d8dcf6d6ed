"""Reading assignments, campaigns and the team's workload."""

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action, Role, Scope
from labourhub.accounts.selectors import user_scope_for
from labourhub.inspections.models import (
    Assignment,
    Campaign,
    ConflictOfInterest,
    Inspection,
)
from labourhub.inspections.selectors.inspections import OPEN_STATUSES, inspection_visible_to


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
