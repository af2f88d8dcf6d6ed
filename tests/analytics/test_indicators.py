import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from labourhub.analytics.indicators import CORE_INDICATORS, INDICATOR_BY_CODE
from labourhub.analytics.selectors import Filters, indicator_series, indicator_value
from tests.analytics.conftest import EXPECTED, Y

YEAR = Filters(start=dt.date(Y, 1, 1), end=dt.date(Y, 12, 1))


def value(code: str, f: Filters = YEAR) -> Decimal | None:
    return indicator_value(INDICATOR_BY_CODE[code], f)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_indicator_matches_hand_computed_value(refreshed, code):
    assert value(code) == EXPECTED[code]


def test_every_core_indicator_has_a_hand_computed_check():
    # violations_by_sector shares the "violations" numerator; checked by sector below.
    assert {i.code for i in CORE_INDICATORS} - set(EXPECTED) == {"violations_by_sector"}


def test_breakdowns_by_origin_provision_sector_and_region(refreshed):
    origins = {k: v for k, _l, v in indicator_series(INDICATOR_BY_CODE["inspections_done"], YEAR)}
    assert origins == {"planned": 2, "follow_up": 1, "complaint": 1}
    provisions = {k: v for k, _l, v in indicator_series(INDICATOR_BY_CODE["violations"], YEAR)}
    assert provisions == {
        "Art. 10 minimum wage": 2,
        "Art. 20 working hours": 1,
        "Art. 30 child labour": 1,
    }
    sectors = {
        k: v for k, _l, v in indicator_series(INDICATOR_BY_CODE["violations_by_sector"], YEAR)
    }
    assert sectors == {"C": 2, "G": 1, "A": 1}
    region_a = refreshed["offices"]["reg_a"].pk
    assert value("inspections_done", replace(YEAR, region_id=region_a)) == 3
    assert value("coverage", replace(YEAR, region_id=region_a)) == Decimal(
        "66.67"
    )  # E1 E2 / E1 E2 E5
    workers = {k: v for k, _l, v in indicator_series(INDICATOR_BY_CODE["workers_covered"], YEAR)}
    assert workers == {"female": 35, "male": 65}


def test_period_and_sector_filters(refreshed):
    feb = Filters(start=dt.date(Y, 2, 1), end=dt.date(Y, 2, 1))
    assert value("inspections_done", feb) == 2  # I3, I4
    assert value("violations", replace(YEAR, sector="C")) == 2
    assert (
        value("inspections_done", Filters(start=dt.date(Y - 1, 12, 1), end=dt.date(Y - 1, 12, 1)))
        == 1
    )  # I7


def test_empty_period_gives_zero_or_nothing_not_an_error(refreshed):
    empty = Filters(start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 1))
    assert value("inspections_done", empty) == 0
    assert value("days_to_sanction", empty) is None
    assert value("compliance_at_follow_up", empty) is None
