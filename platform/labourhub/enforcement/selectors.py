"""Reads for the connected chain: what an inspection led to and came from, a case's court record."""

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action, Scope
from labourhub.accounts.selectors import user_can, user_scope_for
from labourhub.enforcement.models import CourtProceeding, Hearing, OrderProposal
from labourhub.workflow.models import Case


def inspection_chain(*, inspection: Any, user: User) -> dict[str, Any]:
    """Where the inspection came from (complaint or accident case) and what its findings led
    to (the order proposal and the enforcement case), with what ``user`` may do next."""
    from labourhub.complaints.models import AccidentNotification, Complaint

    source = (
        Complaint.objects.filter(inspection=inspection).select_related("case").first()
        or AccidentNotification.objects.filter(inspection=inspection).select_related("case").first()
    )
    proposal = OrderProposal.objects.filter(inspection=inspection).select_related("case").first()
    open_findings = inspection.findings.filter(withdrawn_by__isnull=True).count()
    return {
        "source_case": source.case if source is not None else None,
        "proposal": proposal,
        "enforcement_case": proposal.case if proposal is not None else None,
        "can_send": proposal is None
        and open_findings > 0
        and inspection.status == "completed"
        and user_can(
            user=user,
            action=Action.CASE_EDIT,
            office=inspection.office,
            owner_id=inspection.inspector_id,
        ),
        "can_decide": proposal is not None
        and proposal.status == OrderProposal.Status.PROPOSED
        and user_can(user=user, action=Action.CASE_SUPERVISE, office=inspection.office),
    }


def case_court(*, case: Case) -> CourtProceeding | None:
    return (
        CourtProceeding.objects.filter(case=case)
        .prefetch_related("hearings")
        .order_by("-id")
        .first()
    )


def order_proposal_queue(*, user: User) -> QuerySet[OrderProposal]:
    """Proposed orders waiting for ``user``'s confirmation: those of the offices they supervise."""
    qs = (
        OrderProposal.objects.filter(status=OrderProposal.Status.PROPOSED)
        .select_related("inspection__establishment", "proposed_by")
        .order_by("created_at", "id")
    )
    # The same office rule as order_proposal_confirm, so every row listed can be decided.
    scope = user_scope_for(user=user, action=Action.CASE_SUPERVISE)
    if scope in (None, Scope.OWN) or (scope != Scope.MINISTRY and user.office is None):
        return qs.none()
    if scope == Scope.MINISTRY:
        return qs
    if scope == Scope.REGION:
        region = user.office.region_id  # type: ignore[union-attr]
        return qs.filter(Q(inspection__office_id=region) | Q(inspection__office__parent_id=region))
    return qs.filter(inspection__office_id=user.office_id or 0)


def hearing_upcoming(*, user: User, since: dt.datetime, days: int = 14) -> QuerySet[Hearing]:
    """Scheduled hearings in the next ``days`` that ``user`` conducts or whose case they see."""
    from labourhub.workflow.selectors import case_list

    visible = case_list(user=user, filters={"open": False}, today=since.date()).values("pk")
    return (
        Hearing.objects.filter(
            status=Hearing.Status.SCHEDULED,
            starts_at__gte=since,
            starts_at__lt=since + dt.timedelta(days=days),
        )
        .filter(case__in=visible)
        .select_related("case")
        .order_by("starts_at", "id")
    )
