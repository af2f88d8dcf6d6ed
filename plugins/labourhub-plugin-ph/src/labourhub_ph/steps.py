"""Taking the Work Stoppage Order step issues the order itself, numbered, from the case."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.plugin_api import ApplicationError, StepInput, case_transition, document_issue
from labourhub_ph.documents import WORK_STOPPAGE_ORDER
from labourhub_ph.procedure import WORK_STOPPAGE_STEP

DANGER_NEEDED = gettext_noop(
    "Describe the imminent danger in the note: the Work Stoppage Order states it."
)


def inspection_step(case: Any, transition: str, actor: Any, data: StepInput) -> Any:
    """Take ``transition``; a work stoppage also issues the Work Stoppage Order, in the same
    transaction, so there is never a stoppage on the case without its order (or the reverse)."""
    if transition != WORK_STOPPAGE_STEP:
        return case_transition(
            case=case,
            transition=transition,
            actor=actor,
            note=data.note,
            documents=data.documents,
            override_reason=data.override_reason,
        )
    danger = data.note.strip()
    if not danger:
        raise ApplicationError(_(DANGER_NEEDED))
    with transaction.atomic():
        case = case_transition(
            case=case,
            transition=transition,
            actor=actor,
            note=danger,
            documents=data.documents,
        )
        establishment = getattr(case, "establishment", None)
        document_issue(
            kind=WORK_STOPPAGE_ORDER,
            officer=actor,
            subject=case,
            office=case.office,
            extra={
                "case_reference": case.reference,
                "establishment": establishment.name if establishment else case.title,
                "inspected_on": timezone.localdate().isoformat(),
                "danger": danger,
                "area": data.choice or (establishment.name if establishment else case.title),
                "signatory_title": "Regional Director",
            },
            actor=actor,
        )
    return case
