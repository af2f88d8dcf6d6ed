"""A plugin's versioned fine schedule: the rule in effect on the day of the violation applies."""

import datetime as dt
from decimal import Decimal

import pytest

from labourhub.audit.models import AuditEvent
from labourhub.enforcement.models import FineRule
from labourhub.enforcement.schedules import fine_schedule_apply, fine_suggest
from labourhub.extensions import hookimpl
from labourhub.extensions.country_types import FineRuleVersion, FineSchedule, LegalUnitValue
from tests.extensions.effects import effect_of

D = dt.date.fromisoformat
BASIS_2020 = "Act 9 s. 12 (2020)"
BASIS_2026 = "Act 9 s. 12 as amended (2026)"

SCHEDULE = FineSchedule(
    code="xx-fines",
    label="Fines",
    currency="XCD",
    rules=(
        FineRuleVersion(
            "wages",
            "Unpaid wages",
            D("2020-01-01"),
            BASIS_2020,
            "MW",
            Decimal(1),
            Decimal(10),
            per_worker=Decimal("0.5"),
            repeat_aggravation_pct=Decimal(50),
        ),
        FineRuleVersion(
            "wages",
            "Unpaid wages",
            D("2026-07-01"),
            BASIS_2026,
            "MW",
            Decimal(2),
            Decimal(20),
            per_worker=Decimal(1),
        ),
        FineRuleVersion(
            "osh",
            "Safety",
            D("2020-01-01"),
            "OSH Act s. 3",
            "MW",
            Decimal(5),
            Decimal(50),
            size_band="large",
            confirmed=False,
        ),
    ),
    unit_values=(
        LegalUnitValue("MW", D("2025-01-01"), Decimal("1000.00"), "Order 1/2025"),
        LegalUnitValue("MW", D("2026-01-01"), Decimal("1100.00"), "Order 1/2026"),
    ),
)


class FinesPlugin:
    @hookimpl
    def register_fine_schedules(self, tenant):
        return [SCHEDULE]


@pytest.fixture
def fines_plugin(register_temporary_plugin, ministry):
    return register_temporary_plugin(FinesPlugin(), slug="xx-fines", active_for=(ministry,))


@effect_of("register_fine_schedules")
def test_the_version_in_effect_on_the_day_of_the_violation_applies(
    fines_plugin, ministry, in_ministry
):
    old = fine_suggest(tenant=ministry, provision="wages", on=D("2026-03-10"), workers_affected=4)
    new = fine_suggest(tenant=ministry, provision="wages", on=D("2026-07-01"), workers_affected=4)
    assert old is not None and new is not None
    # Old case, old rule: 1 + 0.5 x 4 = 3 MW at 1,100 (the 2026 value of the unit).
    assert (old.units, old.amount, old.legal_basis) == (Decimal(3), Decimal("3300.00"), BASIS_2020)
    # New case, new rule: 2 + 1 x 4 = 6 MW.
    assert (new.units, new.amount, new.legal_basis) == (Decimal(6), Decimal("6600.00"), BASIS_2026)
    assert new.effective_from == D("2026-07-01") and new.currency == "XCD"
    # Repeat offence +50 %, capped at the maximum; the unit value follows the date.
    repeat = fine_suggest(
        tenant=ministry,
        provision="wages",
        on=D("2025-05-01"),
        workers_affected=30,
        repeat_offence=True,
    )
    assert repeat is not None and (repeat.units, repeat.amount) == (Decimal(10), Decimal(10000))
    # A size-banded rule matches only its band; unconfirmed data says so.
    assert fine_suggest(tenant=ministry, provision="osh", on=D("2026-03-10")) is None
    osh = fine_suggest(tenant=ministry, provision="osh", size_band="large", on=D("2026-03-10"))
    assert osh is not None and osh.units == Decimal(5) and osh.confirmed is False
    # Before any version, nothing; hostile workers count is clamped to 0.
    assert fine_suggest(tenant=ministry, provision="wages", on=D("2019-12-31")) is None
    low = fine_suggest(tenant=ministry, provision="wages", on=D("2026-03-10"), workers_affected=-50)
    assert low is not None and low.units == Decimal(1)


@effect_of("register_fine_schedules")
def test_the_version_in_effect_today_becomes_the_ministry_s_fine_table(
    fines_plugin, ministry, in_ministry
):
    assert fine_schedule_apply(tenant=ministry, on=D("2026-03-10")) == 2
    wages = FineRule.objects.get(provision="Unpaid wages", size_band="")
    assert (wages.base_amount, wages.per_worker_amount, wages.maximum) == (
        Decimal("1100.00"),
        Decimal("550.00"),
        Decimal("11000.00"),
    )
    assert fine_schedule_apply(tenant=ministry, on=D("2026-03-10")) == 0
    assert fine_schedule_apply(tenant=ministry, on=D("2026-07-01")) == 1
    wages.refresh_from_db()
    assert wages.base_amount == Decimal("2200.00")
    assert AuditEvent.objects.filter(action="fine_rule.seeded").count() == 2


def test_no_schedule_where_the_plugin_is_not_active(
    fines_plugin, second_ministry, in_second_ministry
):
    assert fine_suggest(tenant=second_ministry, provision="wages", on=D("2026-03-10")) is None
    assert fine_schedule_apply(tenant=second_ministry, on=D("2026-03-10")) == 0


@pytest.mark.parametrize(
    ("minimum", "maximum", "unit", "basis"),
    [
        (Decimal(5), Decimal(1), "MW", "Act 1"),
        (Decimal(-1), Decimal(1), "MW", "Act 1"),
        (Decimal(1), Decimal(2), "", "Act 1"),
        (Decimal(1), Decimal(2), "MW", ""),
    ],
)
def test_a_pack_cannot_declare_a_nonsensical_rule(minimum, maximum, unit, basis):
    with pytest.raises(ValueError):
        FineRuleVersion("x", "X", D("2026-01-01"), basis, unit, minimum, maximum)
