"""Saint Lucia's penalties under the Labour Act, in Eastern Caribbean dollars, versioned.

Penalties are imposed by a Magistrate on summary conviction, not by the Department of Labour: the
schedule records the maximum the Act sets for each offence, which the prosecution cites and the
Magistrate may not exceed, so each row's range is that ceiling. Verified rows only:

- s.178(2): employing a young person against a medical inspector's notice: a fine not exceeding
  $5,000, or imprisonment not exceeding one year, or both.
- s.422(2): refusing a summons or a request for documents of the Labour Commissioner, or
  obstructing them: a fine not exceeding $10,000.

The amounts of s.16 (false particulars and contraventions on employment contracts) and of the
obstruction of a labour officer are not in the pack's verified sources and are left out until
the ministry confirms them. Amounts are in dollars: the legal unit is worth one EC$.
"""

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import FineRuleVersion, FineSchedule, LegalUnitValue

XCD = "XCD"
YOUNG_PERSON = "lc-s178-young-person"
COMMISSIONER = "lc-s422-commissioner"
IN_FORCE = dt.date(2012, 8, 1)
ACT = "Labour Act (No. 37 of 2006)"

RULES: tuple[FineRuleVersion, ...] = (
    FineRuleVersion(
        provision=YOUNG_PERSON,
        label=_("Employing a young person against a medical inspector's notice (maximum fine)"),
        effective_from=IN_FORCE,
        legal_basis=f"{ACT} s.178(2): on summary conviction, a fine not exceeding $5,000 or "
        "imprisonment not exceeding one year, or both",
        unit=XCD,
        minimum=Decimal(5000),
        maximum=Decimal(5000),
    ),
    FineRuleVersion(
        provision=COMMISSIONER,
        label=_(
            "Refusing a summons or document request of the Labour Commissioner, or obstructing "
            "the Commissioner (maximum fine)"
        ),
        effective_from=IN_FORCE,
        legal_basis=f"{ACT} s.422(2): on summary conviction, a fine not exceeding $10,000",
        unit=XCD,
        minimum=Decimal(10000),
        maximum=Decimal(10000),
    ),
)

UNIT_VALUES: tuple[LegalUnitValue, ...] = (
    LegalUnitValue(XCD, IN_FORCE, Decimal(1), f"Amounts stated in dollars by the {ACT}"),
)

SCHEDULE = FineSchedule(
    code="lc-labour-act-penalties",
    label=_("Labour Act penalties on summary conviction (XCD)"),
    currency="XCD",
    rules=RULES,
    unit_values=UNIT_VALUES,
)


def ec_dollars(amount: Decimal) -> str:
    """An amount as Saint Lucian documents write it: "EC$5,000.00" (the dollar sign alone is
    ambiguous next to the US dollar, which also circulates)."""
    value = Decimal(amount).quantize(Decimal("0.01"))
    sign = "-" if value < 0 else ""
    return f"{sign}EC${abs(value):,.2f}"
