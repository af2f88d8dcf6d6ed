"""A few cases on each country pack's own procedure, so the demo case list shows them.

Runs after the packs are activated (``plugins_demo_activate``); idempotent. It names the packs'
procedures and steps as strings and goes through the core's services, never a plugin import.
"""

from django.db import transaction

from labourhub.accounts.models import User
from labourhub.extensions import plugin_is_active
from labourhub.extensions.types import StepInput
from labourhub.registry.models import Establishment
from labourhub.workflow.models import Case
from labourhub.workflow.procedures import procedure_get
from labourhub.workflow.services import case_open
from labourhub.workflow.steps import case_step
from tenants.models import Ministry

# slug -> (pack, procedure, case title suffix, [(step, username of who takes it), ...] per case)
PACK_CASES: dict[str, tuple[str, str, str, list[list[tuple[str, str]]]]] = {
    "colombia": (
        "co-pack",
        "co_sancionatorio",
        "presunto incumplimiento de normas laborales",
        [
            [],
            [("formulacion_cargos", "inspector")],
            [("formulacion_cargos", "inspector"), ("alegatos", "inspector")],
        ],
    ),
    "paraguay": (
        "py-pack",
        "py_inspeccion",
        "denuncia por salarios atrasados",
        [[], [("autorizada", "minister")], [("autorizada", "minister"), ("visita", "inspector")]],
    ),
}


@transaction.atomic
def country_pack_demo_seed(*, slug: str, ministry: Ministry) -> int:
    """Open the demo cases of ``slug``'s pack procedure; returns how many were opened."""
    found = PACK_CASES.get(slug)
    if found is None:
        return 0
    pack, procedure, suffix, walks = found
    if not plugin_is_active(ministry, pack) or procedure_get(procedure) is None:
        return 0
    if Case.objects.filter(procedure=procedure).exists():
        return 0
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["inspector", "minister", "supervisor"])
    }
    inspector = users.get("inspector")
    if inspector is None or inspector.office is None:
        return 0
    establishments = list(Establishment.objects.order_by("id")[: len(walks)])
    for establishment, walk in zip(establishments, walks, strict=False):
        case = case_open(
            procedure=procedure,
            title=f"{establishment.name}: {suffix}",
            office=inspector.office,
            establishment=establishment,
            assigned_to=inspector,
            supervisor=users.get("supervisor"),
            actor=None,  # the system opens the demo cases
        )
        for step, username in walk:
            case = case_step(case=case, transition=step, actor=users[username], data=StepInput())
    return len(establishments)
