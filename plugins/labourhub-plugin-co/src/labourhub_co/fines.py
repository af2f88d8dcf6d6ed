"""Colombia's fine schedule in SMMLV (salarios mínimos mensuales legales vigentes), versioned.

- General labour law: 1 to 5,000 SMMLV for each infraction (CST art. 486 as amended by Ley 1610
  de 2013 art. 7), graduated by the criteria of Ley 1610 art. 12.
- Occupational safety and health (SG-SST): by company size (Decreto 472 de 2015 art. 5, compiled
  in Decreto 1072 de 2015 art. 2.2.4.11.5).

Both are seen in secondary sources only, and the yearly SMMLV values are not in the pack's
verified sources, so every row is ``confirmed=False`` ("por confirmar por el ministerio") until
the ministry's legal office confirms it. Ley 1955 de 2019 art. 49 is reported to express these
fines in UVT from 2020 (also to be confirmed). The suggested fine is the minimum of the range in
effect; the official graduates it within the range under Ley 1610 art. 12.
"""

import datetime as dt
from decimal import Decimal

from labourhub.plugin_api import FineRuleVersion, FineSchedule, LegalUnitValue

SMMLV = "SMMLV"
GENERAL = "co-cst-486"
SST = "co-sst-decreto-472"
LEY_1610 = dt.date(2013, 1, 2)
DECRETO_472 = dt.date(2015, 3, 17)
SST_BASIS = "Decreto 472 de 2015 art. 5 (Decreto 1072 de 2015 art. 2.2.4.11.5)"

RULES: tuple[FineRuleVersion, ...] = (
    FineRuleVersion(
        provision=GENERAL,
        label="Infracción a las normas laborales (CST art. 486)",
        effective_from=LEY_1610,
        legal_basis="Código Sustantivo del Trabajo art. 486, modificado por la Ley 1610 de 2013 "
        "art. 7; graduación: Ley 1610 de 2013 art. 12",
        unit=SMMLV,
        minimum=Decimal(1),
        maximum=Decimal(5000),
        confirmed=False,
    ),
    *(
        FineRuleVersion(
            provision=SST,
            label="Incumplimiento de las normas de seguridad y salud en el trabajo (SG-SST)",
            effective_from=DECRETO_472,
            legal_basis=SST_BASIS,
            unit=SMMLV,
            minimum=Decimal(low),
            maximum=Decimal(high),
            size_band=band,
            confirmed=False,
        )
        for band, low, high in (
            ("micro", 1, 5),
            ("small", 6, 20),
            ("medium", 21, 100),
            ("large", 101, 500),
        )
    ),
)

# The SMMLV is fixed by decree every December for the next year.
UNIT_VALUES: tuple[LegalUnitValue, ...] = (
    LegalUnitValue(SMMLV, dt.date(2024, 1, 1), Decimal(1300000), "Decreto 2292 de 2023", False),
    LegalUnitValue(SMMLV, dt.date(2025, 1, 1), Decimal(1423500), "Decreto 1572 de 2024", False),
    LegalUnitValue(
        SMMLV,
        dt.date(2026, 1, 1),
        Decimal(1750905),
        "Decreto del salario mínimo 2026 (número por confirmar por el ministerio)",
        False,
    ),
)

SCHEDULE = FineSchedule(
    code="co-multas",
    label="Multas del Ministerio del Trabajo (SMMLV)",
    currency="COP",
    rules=RULES,
    unit_values=UNIT_VALUES,
)
