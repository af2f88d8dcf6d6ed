"""The suggested penalty per violation picks the country pack's fine rule by the legal provision
the finding cites, and falls back to the ministry's own schedule when no pack rule cites it."""

import datetime as dt
from decimal import Decimal

from labourhub.enforcement.models import ComplianceOrder
from labourhub.enforcement.schedules import fine_suggest, rule_code_for
from labourhub.enforcement.services import penalty_preview
from labourhub.extensions import hookimpl
from labourhub.extensions.country_types import FineRuleVersion, FineSchedule, LegalUnitValue
from tests.enforcement.test_case_chain import _sanctionable
from tests.inspections.conftest import build_world

PACK_BASIS = "Labour Inspection Act s. 90"


def _schedule(cites: tuple[str, ...]) -> FineSchedule:
    return FineSchedule(
        code="zz-fines",
        label="Fines",
        currency="XCD",
        rules=(
            FineRuleVersion(
                "zz-contracts",
                "Contracts not in writing",
                dt.date(2000, 1, 1),
                PACK_BASIS,
                "MW",
                Decimal(2),
                Decimal(6),
                cites=cites,
            ),
        ),
        unit_values=(LegalUnitValue("MW", dt.date(2000, 1, 1), Decimal(500), "Order 1/2000"),),
    )


class _Pack:
    def __init__(self, schedule: FineSchedule) -> None:
        self.schedule = schedule

    @hookimpl
    def register_fine_schedules(self, tenant):
        return [self.schedule]


def test_a_citation_matches_the_provision_and_its_detail_but_not_another_article():
    schedule = _schedule(("Decreto 178-2016 (Ley de Inspección del Trabajo) art. 84",))
    assert (
        rule_code_for(
            schedule=schedule,
            provision="decreto 178-2016  (Ley de Inspeccion del Trabajo) ART. 84 párrafo 2",
        )
        == "zz-contracts"
    )
    assert rule_code_for(schedule=schedule, provision="zz-contracts") == "zz-contracts"
    for other in (
        "Decreto 178-2016 (Ley de Inspección del Trabajo) art. 845",
        "Decreto 178-2016 (Ley de Inspección del Trabajo) art. 8",
        "",
    ):
        assert rule_code_for(schedule=schedule, provision=other) is None


def test_each_violation_gets_the_pack_rule_its_provision_cites_else_the_core_default(
    in_ministry, user_with_role, register_temporary_plugin, ministry
):
    world = build_world(user_with_role)
    case, _legal = _sanctionable(world, user_with_role)
    orders = list(ComplianceOrder.objects.filter(case=case).order_by("id"))
    assert len(orders) >= 2 and orders[0].provision != orders[1].provision
    cited, other = orders[0], orders[1]
    # The pack cites the first violation's provision (written differently) and an article whose
    # number is a prefix of the second one's ("Art. 1" for "Art. 14, ..."): only the first
    # takes the pack's rule.
    prefix = other.provision.split(",")[0][:-1]
    assert other.provision.startswith(prefix) and other.provision[len(prefix)].isdigit()
    register_temporary_plugin(
        _Pack(_schedule((cited.provision.upper(), prefix))),
        slug="zz-fines",
        active_for=(ministry,),
    )
    suggestions, missing = penalty_preview(case=case)
    assert not missing
    by_order = {s.order.pk: s for s in suggestions}
    pack = by_order[cited.pk]
    assert pack.legal_basis == PACK_BASIS
    assert (pack.minimum, pack.maximum) == (Decimal("1000.00"), Decimal("3000.00"))
    assert pack.suggested == Decimal("1000.00")
    core = by_order[other.pk]
    assert core.legal_basis == other.provision
    assert core.maximum == Decimal(2000)
    assert fine_suggest(tenant=ministry, provision=other.provision, on=dt.date(2026, 6, 1)) is None
