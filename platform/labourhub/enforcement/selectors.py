"""Reads for the connected chain: what an inspection led to and came from, a case's court record."""

from typing import Any

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.enforcement.models import CourtProceeding, OrderProposal
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
