from typing import Any

from labourhub.complaints.models import Complaint, Dispute
from labourhub.complaints.services import complaint_triage, dispute_settle
from labourhub.extensions.types import StepInput
from labourhub.workflow.models import Case
from labourhub.workflow.services import Actor, case_transition

_TRIAGE = {
    "triage_inspection": Complaint.Triage.INSPECTION,
    "triage_conciliation": Complaint.Triage.CONCILIATION,
    "triage_inadmissible": Complaint.Triage.INADMISSIBLE,
}


def complaint_step(case: Case, transition: str, actor: Actor, data: StepInput) -> Any:
    complaint = Complaint.objects.filter(case=case).first()
    # Cases opened on the complaint procedure without a Complaint row (imports, plugins) still
    # move through the plain transition.
    if transition in _TRIAGE and complaint is not None:
        return complaint_triage(
            complaint=complaint, outcome=_TRIAGE[transition], reason=data.note, actor=actor
        )
    return case_transition(
        case=case, transition=transition, actor=actor, note=data.note, documents=data.documents
    )


def dispute_step(case: Case, transition: str, actor: Actor, data: StepInput) -> Any:
    dispute = Dispute.objects.filter(case=case).first()
    # Settling records the agreement and closes the complaint the dispute came from.
    if transition == "settle" and dispute is not None:
        return dispute_settle(dispute=dispute, settlement=data.note, actor=actor)
    return case_transition(
        case=case, transition=transition, actor=actor, note=data.note, documents=data.documents
    )


def links_panel(case: Case, user: Any) -> dict[str, Any]:
    """What this complaint, accident or dispute is linked to (shown on its case page)."""
    from labourhub.complaints.selectors import case_links

    return {"links": case_links(case=case, user=user)}
