"""Peru's monthly payroll declaration (PLAME, with the worker data of the T-Registro).

The file is named ``0601AAAAMM<RUC>.tra`` like SUNAT's import files (form 0601, the period, the
employer's RUC) and holds one worker a line, fields separated by ``|`` with a closing ``|``:

    tipo doc | número doc | apellido paterno | apellido materno | nombres | fecha de nacimiento
    (dd/mm/aaaa) | sexo (1 masculino, 2 femenino) | tipo de contrato (tabla 12) | remuneración |
    código del establecimiento (its registration number in the ministry's registry)

Document types follow SUNAT's table 3 (01 DNI, 04 carné de extranjería, 07 pasaporte, 09 carné
de solicitante de refugio); contract types follow table 12, grouped into the core's kinds.
"""

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from labourhub.plugin_api import (
    ConnectorKind,
    DeclaredWorkerRow,
    RowProblem,
    connector_age_band,
    connector_cell,
)

FILE_NAME = re.compile(r"^0601(?P<year>\d{4})(?P<month>0[1-9]|1[0-2])(?P<ruc>\d{11})\.tra$", re.I)
BAD_FILE_NAME = gettext_noop(
    "The file name must follow SUNAT's form 0601AAAAMM<RUC>.tra (received: %(value)s)."
)
BAD_DOCUMENT_TYPE = gettext_noop("Unknown document type %(value)s (SUNAT table 3: 01, 04, 07, 09).")
BAD_CONTRACT = gettext_noop("Unknown contract type %(value)s (SUNAT table 12).")
BAD_SEX = gettext_noop("Sex must be 1 (male) or 2 (female), not %(value)s.")
BAD_DATE = gettext_noop("%(field)s is not a date dd/mm/aaaa (%(value)s).")
BAD_NUMBER = gettext_noop("%(field)s is not an amount (%(value)s).")
WRONG_FIELD_COUNT = gettext_noop("The record has %(found)s fields; %(expected)s were expected.")

DOCUMENT_TYPES = {"01": "DNI", "04": "CE", "07": "PAS", "09": "CSR"}
# SUNAT table 12 (tipo de contrato de trabajo) -> the core's contract kinds.
CONTRACTS = {
    "01": "permanent",
    "02": "part_time",
    **{f"{n:02d}": "fixed_term" for n in range(3, 13)},
    "13": "other",
}
FIELDS = 10


def _date(line: int, value: str) -> dt.date | RowProblem:
    day, _sep, rest = value.partition("/")
    month, _sep, year = rest.partition("/")
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return RowProblem(
            line, "birth_date", BAD_DATE, {"field": "birth_date", "value": value[:20]}
        )


def _wage(line: int, value: str) -> Decimal | RowProblem:
    try:
        amount = Decimal(value)
    except InvalidOperation:
        amount = Decimal(-1)
    if not amount.is_finite() or amount < 0 or amount >= Decimal("1e10"):
        return RowProblem(line, "wage", BAD_NUMBER, {"field": "wage", "value": value[:20]})
    return amount.quantize(Decimal("0.01"))


def _record(line: int, raw: str, period: str, first_day: dt.date) -> DeclaredWorkerRow | RowProblem:
    parts = raw.split("|")
    if parts and parts[-1] == "":
        parts = parts[:-1]
    if len(parts) != FIELDS:
        return RowProblem(line, "", WRONG_FIELD_COUNT, {"found": len(parts), "expected": FIELDS})
    names = (
        "id_type",
        "id_number",
        "surname1",
        "surname2",
        "given",
        "birth_date",
        "sex",
        "contract_type",
        "wage",
        "establishment",
    )
    cells: dict[str, Any] = {}
    for name, value in zip(names, parts, strict=True):
        cell = connector_cell(
            line=line,
            name=name if name not in ("surname1", "surname2", "given") else "name",
            value=value,
        )
        if isinstance(cell, RowProblem):
            return cell
        cells[name] = cell
    if cells["id_type"] not in DOCUMENT_TYPES:
        return RowProblem(line, "id_type", BAD_DOCUMENT_TYPE, {"value": cells["id_type"][:10]})
    for name in ("id_number", "given", "establishment"):
        if not cells[name]:
            shown = "name" if name == "given" else name
            return RowProblem(line, shown, gettext_noop("%(field)s is required."), {"field": shown})
    if cells["sex"] not in ("1", "2"):
        return RowProblem(line, "sex", BAD_SEX, {"value": cells["sex"][:10]})
    if cells["contract_type"] not in CONTRACTS:
        return RowProblem(
            line, "contract_type", BAD_CONTRACT, {"value": cells["contract_type"][:10]}
        )
    born = _date(line, cells["birth_date"])
    if isinstance(born, RowProblem):
        return born
    wage = _wage(line, cells["wage"])
    if isinstance(wage, RowProblem):
        return wage
    full_name = " ".join(p for p in (cells["given"], cells["surname1"], cells["surname2"]) if p)
    return DeclaredWorkerRow(
        line=line,
        establishment=cells["establishment"],
        id_number=cells["id_number"].upper(),
        id_type=DOCUMENT_TYPES[cells["id_type"]],
        full_name=full_name,
        sex="M" if cells["sex"] == "1" else "F",
        age_band=connector_age_band(born_on=born, on=first_day),
        contract_type=CONTRACTS[cells["contract_type"]],
        wage=wage,
        period=period,
    )


def parse_plame(text: str, name: str) -> Iterator[DeclaredWorkerRow | RowProblem]:
    match = FILE_NAME.match(name or "")
    if match is None:
        yield RowProblem(0, "", BAD_FILE_NAME, {"value": (name or "")[:80]})
        return
    period = f"{match['year']}-{match['month']}"
    first_day = dt.date(int(match["year"]), int(match["month"]), 1)
    for line, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            yield _record(line, raw.strip(), period, first_day)


PLAME = ConnectorKind(
    "pe-plame",
    _("Peru: monthly payroll declaration (PLAME / T-Registro)"),
    "payroll",
    parse_plame,
    _(
        "SUNAT-style file 0601AAAAMM<RUC>.tra, one worker a line separated by |: document type, "
        "number, surnames, names, date of birth, sex (1/2), contract type (table 12), wage, "
        "establishment code."
    ),
)
