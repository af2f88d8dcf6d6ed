"""Paraguay's fine schedule in jornales mínimos (minimum daily wages), versioned.

The unit and ranges are believed to be those of the Código del Trabajo (Ley 213/93, Libro IV)
but are not in the pack's verified sources: every row is ``confirmed=False`` ("por confirmar por
el ministerio") and the ministry's legal office must confirm the articles and the ranges before
they are relied on. The suggested fine is the minimum of the range; the *sumario administrativo*
graduates it.
"""

import datetime as dt
from decimal import Decimal

from labourhub.plugin_api import FineRuleVersion, FineSchedule, LegalUnitValue

JORNAL = "jornales mínimos"
GENERAL = "py-ct-sanciones"
CODIGO = dt.date(1993, 10, 29)
PC = "por confirmar por el ministerio"

RULES: tuple[FineRuleVersion, ...] = (
    FineRuleVersion(
        provision=GENERAL,
        label="Infracción a las disposiciones del Código del Trabajo",
        effective_from=CODIGO,
        legal_basis=f"Ley 213/93 (Código del Trabajo), Libro IV, sanciones (artículo y rango {PC})",
        unit=JORNAL,
        minimum=Decimal(10),
        maximum=Decimal(30),
        confirmed=False,
    ),
)

# The jornal mínimo for unspecified activities: the monthly minimum wage divided by 26.
UNIT_VALUES: tuple[LegalUnitValue, ...] = (
    LegalUnitValue(
        JORNAL,
        dt.date(2025, 7, 1),
        Decimal(111502),
        f"Decreto de reajuste del salario mínimo de julio de 2025 (número y valor {PC})",
        False,
    ),
)

SCHEDULE = FineSchedule(
    code="py-multas",
    label="Multas del MTESS (jornales mínimos)",
    currency="PYG",
    rules=RULES,
    unit_values=UNIT_VALUES,
)
