"""The Philippines' administrative fines under RA 11058, in pesos, versioned.

- RA 11058 (approved 17 August 2018) and its IRR, DO 198-18 (effective 25 January 2019): an
  administrative fine of up to PHP 100,000 per day until the violation is corrected, counted from
  the notification of the violation or the service of the Compliance Order. The maximum applies
  only where workers are exposed to a risk of death, serious injury or serious illness (verified:
  this row is ``confirmed=True``).
- Other violations: graduated by gravity up to the same ceiling; the itemised amounts of DO
  198-18 (or its revision, DO 252-25) are not in the pack's verified sources, so the row keeps
  the ceiling with a floor of zero and is ``confirmed=False`` ("to be confirmed by the ministry").
- A separate fine of up to PHP 100,000, the employer and contractor solidarily liable, for
  listed acts such as repeated obstruction (secondary source only: ``confirmed=False``).

Amounts are in pesos: the legal unit is the peso itself, worth one peso.
"""

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import FineRuleVersion, FineSchedule, LegalUnitValue

PHP = "PHP"
DANGER = "ph-ra11058-danger"
GRAVITY = "ph-ra11058-gravity"
SOLIDARY = "ph-ra11058-solidary"
IRR_2019 = dt.date(2019, 1, 25)
TBC = "to be confirmed by the ministry"
CEILING = Decimal(100000)

RULES: tuple[FineRuleVersion, ...] = (
    FineRuleVersion(
        provision=DANGER,
        label=_(
            "OSH violation exposing workers to risk of death, serious injury or illness "
            "(per day until corrected)"
        ),
        effective_from=IRR_2019,
        legal_basis="RA 11058 (2018) and its IRR, DO 198-18: PHP 100,000 per day from "
        "notification of the violation or service of the Compliance Order",
        unit=PHP,
        minimum=CEILING,
        maximum=CEILING,
    ),
    FineRuleVersion(
        provision=GRAVITY,
        label=_("Other OSH violation, by gravity (per day until corrected)"),
        effective_from=IRR_2019,
        legal_basis=f"RA 11058; DO 198-18 itemised schedule ({TBC}; load DO 252-25 if in force)",
        unit=PHP,
        minimum=Decimal(0),
        maximum=CEILING,
        confirmed=False,
    ),
    FineRuleVersion(
        provision=SOLIDARY,
        label=_(
            "Listed acts such as repeated obstruction (employer and contractor solidarily liable)"
        ),
        effective_from=IRR_2019,
        legal_basis=f"RA 11058, administrative fine up to PHP 100,000 ({TBC})",
        unit=PHP,
        minimum=Decimal(0),
        maximum=CEILING,
        confirmed=False,
    ),
)

UNIT_VALUES: tuple[LegalUnitValue, ...] = (
    LegalUnitValue(PHP, IRR_2019, Decimal(1), "Amounts stated in pesos by RA 11058"),
)

SCHEDULE = FineSchedule(
    code="ph-osh-fines",
    label=_("DOLE administrative fines under RA 11058 (PHP)"),
    currency="PHP",
    rules=RULES,
    unit_values=UNIT_VALUES,
)


def accrued_fine(*, daily: Decimal, served_on: dt.date, corrected_on: dt.date) -> Decimal:
    """A per-day fine owed from service of the order until the day the violation is corrected.

    Both days count (the day type of "per day" is to be confirmed by the ministry); nothing is
    owed when the violation was corrected before the order was served.
    """
    days = (corrected_on - served_on).days + 1
    return daily * max(days, 0)
