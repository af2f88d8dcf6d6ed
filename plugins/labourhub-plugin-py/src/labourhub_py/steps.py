"""Only the Minister authorises an inspection (the authorising official's role)."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.plugin_api import ApplicationError, Role, StepInput, case_transition
from labourhub_py.procedure import AUTHORISE_STEP

MINISTER_ONLY = gettext_noop("Only the Minister may authorise an inspection.")


def inspection_step(case: Any, transition: str, actor: Any, data: StepInput) -> Any:
    """Take ``transition``; authorising needs the Minister's role, not only the permission."""
    if transition == AUTHORISE_STEP:
        grants = getattr(actor, "role_grants", None)
        if grants is None or not grants.filter(role=Role.AUTHORISING_OFFICIAL).exists():
            raise ApplicationError(_(MINISTER_ONLY))
    return case_transition(
        case=case,
        transition=transition,
        actor=actor,
        note=data.note,
        documents=data.documents,
    )
