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
- The itemised schedule, one rule per kind of violation, each citing the provision the
  checklists write on the finding, so each violation of an inspection gets its own suggested
  per-day fine. The per-item amounts are the working figures of DO 198-18's schedule as the pack
  understands it; none was read in a verified source, so every item is ``confirmed=False`` ("to
  be confirmed by the ministry", load DO 252-25 if in force) and capped by the verified ceiling.
- Restitution (wage differentials and benefits the Compliance Order makes the employer pay the
  workers, Labor Code Art. 128(b)) is not a fine: ``restitution_due`` totals it per worker.

Amounts are in pesos: the legal unit is the peso itself, worth one peso.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import FineRuleVersion, FineSchedule, LegalUnitValue

PHP = "PHP"
DANGER = "ph-ra11058-danger"
GRAVITY = "ph-ra11058-gravity"
SOLIDARY = "ph-ra11058-solidary"
IRR_2019 = dt.date(2019, 1, 25)
TBC = "to be confirmed by the ministry"
CEILING = Decimal(100000)

# (provision, cited on the finding, label, working amount per day in pesos).
_ITEMS: tuple[tuple[str, str, Any, int], ...] = (
    (
        "ph-ra11058-personnel",
        "OSH personnel and committee",
        _("No safety officer or OSH committee"),
        40000,
    ),
    ("ph-ra11058-program", "OSH program", _("No OSH program"), 20000),
    (
        "ph-ra11058-ppe",
        "personal protective equipment",
        _("No free personal protective equipment"),
        40000,
    ),
    ("ph-ra11058-devices", "safety devices", _("Missing safety devices or guards"), 40000),
    ("ph-ra11058-training", "OSH training", _("No OSH training or orientation"), 30000),
)

RULES: tuple[FineRuleVersion, ...] = (
    *tuple(
        FineRuleVersion(
            provision=code,
            label=label,
            effective_from=IRR_2019,
            legal_basis=f"RA 11058; DO 198-18, schedule of administrative fines: {cite}, "
            f"PHP {amount:,} per day until corrected (amount {TBC}; load DO 252-25 if in force)",
            unit=PHP,
            minimum=Decimal(amount),
            maximum=CEILING,
            confirmed=False,
            cites=(f"RA 11058; DO 198-18: {cite}",),
        )
        for code, cite, label, amount in _ITEMS
    ),
    FineRuleVersion(
        provision=DANGER,
        cites=("RA 11058; DO 198-18: maximum administrative fine",),
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


def restitution_due(*, shortfalls: list[tuple[Decimal, int]]) -> Decimal:
    """Wage differentials the Compliance Order makes the employer pay back to the workers
    (Labor Code Art. 128(b)): for each worker, the daily shortfall times the days underpaid.

    Restitution is owed to the workers, not to DOLE, and is never added to the fine.
    """
    total = sum((max(daily, Decimal(0)) * max(days, 0) for daily, days in shortfalls), Decimal(0))
    return total.quantize(Decimal("0.01"))
