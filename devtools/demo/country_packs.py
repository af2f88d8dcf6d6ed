"""A few cases on each country pack's own procedure, so the demo case list shows them.

Runs after the packs are activated (``plugins_demo_activate``); idempotent. It names the packs'
procedures and steps as strings and goes through the core's services, never a plugin import.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from labourhub.accounts.models import User
from labourhub.common.exceptions import ApplicationError
from labourhub.extensions import plugin_is_active
from labourhub.extensions.types import StepInput
from labourhub.registry.models import Establishment
from labourhub.workflow.models import Case
from labourhub.workflow.procedures import procedure_get
from labourhub.workflow.services import case_open, ministry_today
from labourhub.workflow.steps import case_step
from tenants.models import Ministry

# The enforcement procedure each demo ministry's generated cases follow (its pack's own).
PACK_PROCEDURES: dict[str, str] = {
    "colombia": "co_sancionatorio",
    "honduras": "hn_inspeccion",
    "paraguay": "py_inspeccion",
    "peru": "pe_inspeccion_sancionador",
    "philippines": "ph_labor_inspection",
    "srilanka": "lk_inspection",
    "vietnam": "vn_thanh_tra_xu_phat",
    "saintlucia": "lc_inspection",
}

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
    # An empty username: the first demo user whose role may take the step takes it.
    "honduras": (
        "hn-pack",
        "hn_inspeccion",
        "denuncia por horas extras no pagadas",
        [
            [],
            [("requerimiento", "")],
            [("requerimiento", ""), ("reinspeccion", "")],
            [("conciliacion", "")],
        ],
    ),
    "peru": (
        "pe-pack",
        "pe_inspeccion_sancionador",
        "presunta infracción sociolaboral",
        [
            [],
            [("actuaciones_inspectivas", "")],
            [("actuaciones_inspectivas", ""), ("medida_requerimiento", "")],
            [("actuaciones_inspectivas", ""), ("acta_infraccion", ""), ("imputacion_cargos", "")],
        ],
    ),
    "philippines": (
        "ph-pack",
        "ph_labor_inspection",
        "routine inspection (labor standards)",
        [
            [],
            [("authority_to_inspect", "")],
            [("authority_to_inspect", ""), ("inspection", ""), ("notice_of_results", "")],
            [
                ("authority_to_inspect", ""),
                ("inspection", ""),
                ("notice_of_results", ""),
                ("mandatory_conference", ""),
            ],
        ],
    ),
    "srilanka": (
        "lk-pack",
        "lk_inspection",
        "routine inspection (Shop and Office Employees Act)",
        [[], [("notice", "")], [("notice", ""), ("compliance", "")]],
    ),
    "vietnam": (
        "vn-pack",
        "vn_thanh_tra_xu_phat",
        "thanh tra việc chấp hành pháp luật lao động",
        [
            [],
            [("tien_hanh_thanh_tra", "")],
            [("tien_hanh_thanh_tra", ""), ("bien_ban_vi_pham", "")],
        ],
    ),
    "saintlucia": (
        "lc-pack",
        "lc_inspection",
        "inspection under the Labour Act",
        [[], [("records_removed", "")], [("order", "")]],
    ),
}
# Who takes a step when the walk names nobody, in this order.
STEP_TAKERS = ("inspector", "supervisor", "officehead", "legal", "director", "minister")


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
    users = {u.username: u for u in User.objects.filter(username__in=STEP_TAKERS)}
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
            moved = _step(case, step, [users[username]] if username else _takers(users))
            if moved is None:
                break  # a step this demo cannot take (a document or a period the law grants)
            case = moved
    _violation_with_suggested_fine(inspector=inspector, supervisor=users.get("supervisor"))
    return len(establishments)


def _takers(users: dict[str, User]) -> list[User]:
    return [users[name] for name in STEP_TAKERS if name in users]


def _step(case: Case, step: str, takers: list[User]) -> Case | None:
    """Take ``step`` as the first of ``takers`` allowed to; None when none may."""
    for user in takers:
        try:
            with transaction.atomic():
                moved: Case = case_step(case=case, transition=step, actor=user, data=StepInput())
                return moved
        except (ApplicationError, ValidationError, PermissionDenied):
            continue
    return None


def _violation_with_suggested_fine(*, inspector: User, supervisor: User | None) -> None:
    """An order on a provision of the pack's fine schedule, so the case's penalty preview
    suggests the pack's fine (in the ministry's currency, with its legal basis)."""
    from labourhub.enforcement.models import ComplianceOrder, FineRule
    from labourhub.enforcement.services import order_issue

    generic = ("Minimum wage", "Occupational safety and health", "Working hours", "Child labour")
    rule = FineRule.objects.exclude(provision__in=generic).order_by("id").first()
    if rule is None or ComplianceOrder.objects.filter(provision=rule.provision).exists():
        return
    site = Establishment.objects.filter(office=inspector.office).order_by("-id").first()
    if site is None or inspector.office is None:
        return
    order_issue(
        establishment=site,
        office=inspector.office,
        provision=rule.provision,
        requirement=rule.provision,
        days=10,
        workers_affected=4,
        assigned_to=inspector,
        supervisor=supervisor,
        actor=None,
        start_on=ministry_today() - dt.timedelta(days=3),
    )
