"""Peru's fine schedule in UIT (unidades impositivas tributarias), versioned.

D.S. 019-2006-TR art. 48, as amended, fines each infraction by three inputs: its severity
(leve, grave, muy grave), the company type (microempresa, pequeña empresa, no MYPE) and the
number of workers affected. ``TABLE`` holds the regulation's cells, in UIT, for the version in
effect from ``DS_008_2020``; a cell missing from it is not in the pack's verified sources and
must be loaded from the official text by the ministry. Verified so far: the microempresa *leve*
row for 1 to 7 workers, the microempresa range (0.045 to 0.68 UIT) and the top no-MYPE cell
(*muy grave*, 1,000 workers and more: 52.53 UIT). The rows of the core schedule carry each
severity and size band's range; the exact cell for a number of workers comes from
``fine_cell``. Rows whose bounds are not all verified are ``confirmed=False``.

``cites`` ties a rule to the provision the checklists write on a finding. The severity the
regulation gives each provision is not in the pack's verified sources either: late pay slips
(D.S. 001-98-TR) as *leve* and child labour (Ley 27337) as *muy grave* are the common reading of
D.S. 019-2006-TR arts. 23 and 25, por confirmar por el ministerio.
"""

import datetime as dt
from decimal import Decimal

from labourhub.plugin_api import FineRuleVersion, FineSchedule, LegalUnitValue

UIT = "UIT"
LEVE, GRAVE, MUY_GRAVE = "pe-rlgit-leve", "pe-rlgit-grave", "pe-rlgit-muy-grave"
DS_008_2020 = dt.date(2020, 3, 26)  # fecha de vigencia por confirmar por el ministerio
BASIS = "D.S. 019-2006-TR art. 48, modificado por el D.S. 008-2020-TR"
PC = "por confirmar por el ministerio"
# Size bands of the core (micro, small, medium, large); no MYPE is medium or large.
NO_MYPE = ("medium", "large")

# (severity, size band) -> ((workers from, workers to or None for "y más", UIT), ...).
Cells = tuple[tuple[int, int | None, Decimal], ...]
MICRO_LEVE = ("0.045", "0.05", "0.07", "0.08", "0.09", "0.11", "0.14")
TABLE: dict[tuple[str, str], Cells] = {
    (LEVE, "micro"): tuple((n, n, Decimal(v)) for n, v in enumerate(MICRO_LEVE, 1)),
    **{(MUY_GRAVE, band): ((1000, None, Decimal("52.53")),) for band in NO_MYPE},
}
# The version of the table: a new table is a new dict with a later date, old cases keep theirs.
TABLES: tuple[tuple[dt.date, dict[tuple[str, str], Cells]], ...] = ((DS_008_2020, TABLE),)


def fine_cell(*, severity: str, size_band: str, workers: int, on: dt.date) -> Decimal | None:
    """The UIT of the table in effect on ``on`` for ``workers`` affected; None if the cell is
    not in the pack's data (to be loaded from the official text)."""
    tables = [(start, t) for start, t in TABLES if start <= on]
    if not tables:
        return None
    cells = max(tables, key=lambda pair: pair[0])[1].get((severity, size_band), ())
    for low, high, uit in cells:
        if low <= workers and (high is None or workers <= high):
            return uit
    return None


RULES: tuple[FineRuleVersion, ...] = (
    FineRuleVersion(
        provision=LEVE,
        label="Infracción leve (microempresa)",
        effective_from=DS_008_2020,
        legal_basis=f"{BASIS}, art. 48.1-A: 0.045 UIT por un trabajador afectado; tope de la "
        f"fila {PC}",
        unit=UIT,
        minimum=Decimal("0.045"),
        maximum=Decimal("0.68"),
        size_band="micro",
        confirmed=False,
        cites=("D.S. 001-98-TR",),
    ),
    FineRuleVersion(
        provision=MUY_GRAVE,
        label="Infracción muy grave (microempresa)",
        effective_from=DS_008_2020,
        legal_basis=f"{BASIS}, art. 48.1-A: desde 0.23 UIT ({PC})",
        unit=UIT,
        minimum=Decimal("0.23"),
        maximum=Decimal("0.68"),
        size_band="micro",
        confirmed=False,
        cites=("Código de los Niños y Adolescentes (Ley 27337)",),
    ),
)

UNIT_VALUES: tuple[LegalUnitValue, ...] = (
    LegalUnitValue(UIT, dt.date(2025, 1, 1), Decimal(5350), f"UIT 2025 (decreto supremo {PC})"),
    LegalUnitValue(UIT, dt.date(2026, 1, 1), Decimal(5500), f"UIT 2026 (decreto supremo {PC})"),
)

SCHEDULE = FineSchedule(
    code="pe-multas",
    label="Multas de SUNAFIL (UIT)",
    currency="PEN",
    rules=RULES,
    unit_values=UNIT_VALUES,
)
