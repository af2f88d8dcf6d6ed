"""Honduras's fine schedule in lempiras, versioned.

- Obstruction of the inspection (Decreto 178-2016 art. 84 defines it): L 250,000 (art. 90
  párrafo 3). Verified (ILO CEACR observation 2019): ``confirmed=True``.
- Anti-union acts: up to L 300,000, seen in press sources only: ``confirmed=False``; the
  suggestion is the ceiling until the ministry gives the graduation.
- Non-payment of the minimum wage: the sources conflict ("25% of the amount owed" against
  "L 5,000 per worker"), so the pack declares no row for it; the full table of Decreto 178-2016
  (severity, size) is not in the pack's verified sources either and must be supplied by the
  ministry as a new version.
The amounts are in lempiras, so the unit is worth one lempira. ``cites`` ties each rule to the
provision the checklists write on a finding, so a finding of obstruction is fined by its rule.
"""

import datetime as dt
from decimal import Decimal

from labourhub.plugin_api import FineRuleVersion, FineSchedule, LegalUnitValue

LEMPIRAS = "lempiras"
OBSTRUCCION = "hn-obstruccion"
ANTISINDICAL = "hn-antisindical"
DECRETO_178 = dt.date(2017, 3, 15)

RULES: tuple[FineRuleVersion, ...] = (
    FineRuleVersion(
        provision=OBSTRUCCION,
        label="Obstrucción de la labor de inspección",
        effective_from=DECRETO_178,
        legal_basis="Decreto 178-2016 (Ley de Inspección del Trabajo) art. 84 y art. 90 párrafo 3",
        unit=LEMPIRAS,
        minimum=Decimal(250000),
        maximum=Decimal(250000),
        cites=(
            "Decreto 178-2016 (Ley de Inspección del Trabajo) art. 84",
            "Decreto 178-2016 art. 84",
        ),
    ),
    FineRuleVersion(
        provision=ANTISINDICAL,
        label="Actos contra la libertad sindical",
        effective_from=DECRETO_178,
        legal_basis="Decreto 178-2016: hasta L 300,000 (artículo y graduación por confirmar "
        "por el ministerio)",
        unit=LEMPIRAS,
        minimum=Decimal(300000),
        maximum=Decimal(300000),
        confirmed=False,
    ),
)

UNIT_VALUES: tuple[LegalUnitValue, ...] = (
    LegalUnitValue(LEMPIRAS, DECRETO_178, Decimal(1), "Importe en moneda nacional (HNL)"),
)

SCHEDULE = FineSchedule(
    code="hn-multas",
    label="Multas de la Secretaría de Trabajo y Seguridad Social (lempiras)",
    currency="HNL",
    rules=RULES,
    unit_values=UNIT_VALUES,
)
