"""The core's own connector formats: a generic payroll roster (CSV or JSON) and accident CSV.

CSV files have a header row naming the columns (any order; extra columns are ignored). Plugins
add national formats through ``register_connector_kinds``.
"""

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from labourhub.extensions.connector_types import (
    ACCIDENT_KINDS,
    AGE_BANDS,
    BAD_CHOICE,
    BAD_DATE,
    BAD_NUMBER,
    CONTRACT_TYPES,
    REQUIRED,
    SEVERITIES,
    SEXES,
    AccidentRow,
    ConnectorKind,
    ConnectorRow,
    DeclaredWorkerRow,
    RowProblem,
    connector_age_band,
    connector_cell,
)

MISSING_COLUMNS = gettext_noop("The header lacks the columns: %(columns)s.")
NOT_JSON = gettext_noop("The file is not valid JSON (%(detail)s).")
NOT_A_RECORD = gettext_noop("The record is not an object with named fields.")
PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

PAYROLL_COLUMNS = ("establishment", "id_number", "name", "sex", "contract_type", "period")
ACCIDENT_COLUMNS = (
    "reference",
    "establishment",
    "worker_id",
    "occurred_on",
    "kind",
    "severity",
    "sex",
    "description",
)


def _text(line: int, record: dict[str, Any], name: str, limit: int = 200) -> str | RowProblem:
    raw = record.get(name)
    return connector_cell(line=line, name=name, value="" if raw is None else str(raw), limit=limit)


def _decimal(line: int, name: str, value: str) -> Decimal | RowProblem | None:
    if not value:
        return None
    try:
        amount = Decimal(value.replace(",", ""))
    except InvalidOperation:
        return RowProblem(line, name, BAD_NUMBER, {"field": name, "value": value[:40]})
    if not amount.is_finite() or amount < 0 or amount >= Decimal("1e10"):
        return RowProblem(line, name, BAD_NUMBER, {"field": name, "value": value[:40]})
    return amount.quantize(Decimal("0.01"))


def _date(line: int, name: str, value: str) -> dt.date | RowProblem:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return RowProblem(line, name, BAD_DATE, {"field": name, "value": value[:40]})


def _choice(line: int, name: str, value: str, allowed: Iterable[str]) -> str | RowProblem:
    if value in allowed:
        return value
    return RowProblem(line, name, BAD_CHOICE, {"field": name, "value": value[:40]})


def payroll_record(line: int, record: dict[str, Any]) -> ConnectorRow:
    """One generic payroll record (a CSV row or a JSON object) as a row or its first problem."""
    cells: dict[str, Any] = {}
    for name in (*PAYROLL_COLUMNS, "id_type", "wage", "age_band", "birth_date"):
        value = _text(line, record, name)
        if isinstance(value, RowProblem):
            return value
        cells[name] = value
    for name in PAYROLL_COLUMNS:
        if not cells[name]:
            return RowProblem(line, name, REQUIRED, {"field": name})
    checks: list[tuple[str, Any]] = [
        ("sex", _choice(line, "sex", cells["sex"].upper(), SEXES)),
        ("contract_type", _choice(line, "contract_type", cells["contract_type"], CONTRACT_TYPES)),
        ("wage", _decimal(line, "wage", cells["wage"])),
    ]
    if not PERIOD.match(cells["period"]):
        checks.append(
            (
                "period",
                RowProblem(
                    line, "period", BAD_DATE, {"field": "period", "value": cells["period"][:40]}
                ),
            )
        )
    if cells["birth_date"]:
        born: Any = _date(line, "birth_date", cells["birth_date"])
        if isinstance(born, dt.date):
            year, month = (
                (int(p) for p in cells["period"].split("-"))
                if PERIOD.match(cells["period"])
                else (2000, 1)
            )
            born = connector_age_band(born_on=born, on=dt.date(year, month, 1))
        checks.append(("age_band", born))
    else:
        checks.append(("age_band", _choice(line, "age_band", cells["age_band"], AGE_BANDS)))
    for name, value in checks:
        if isinstance(value, RowProblem):
            return value
        cells[name] = value
    return DeclaredWorkerRow(
        line=line,
        establishment=cells["establishment"],
        id_number=cells["id_number"].upper(),
        id_type=cells["id_type"],
        full_name=cells["name"],
        sex=cells["sex"],
        age_band=cells["age_band"],
        contract_type=cells["contract_type"],
        wage=cells["wage"],
        period=cells["period"],
    )


def _csv_records(text: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        yield (
            1,
            {"__problem__": RowProblem(1, "", MISSING_COLUMNS, {"columns": ", ".join(missing)})},
        )
        return
    reader.fieldnames = header
    for record in reader:
        yield reader.line_num, record


def parse_payroll_csv(text: str, name: str) -> Iterator[ConnectorRow]:
    for line, record in _csv_records(text, PAYROLL_COLUMNS):
        problem = record.get("__problem__")
        yield problem if isinstance(problem, RowProblem) else payroll_record(line, record)


def parse_payroll_json(text: str, name: str) -> Iterator[ConnectorRow]:
    """``{"period": "YYYY-MM", "workers": [{...}, ...]}`` or a bare list of workers."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield RowProblem(1, "", NOT_JSON, {"detail": str(exc)[:120]})
        return
    period = data.get("period", "") if isinstance(data, dict) else ""
    workers = data.get("workers", []) if isinstance(data, dict) else data
    if not isinstance(workers, list):
        yield RowProblem(1, "workers", NOT_A_RECORD)
        return
    for index, record in enumerate(workers, start=1):
        if not isinstance(record, dict):
            yield RowProblem(index, "", NOT_A_RECORD)
            continue
        yield payroll_record(index, {"period": period, **record})


def accident_record(line: int, record: dict[str, Any]) -> ConnectorRow:
    cells: dict[str, Any] = {}
    for name in (*ACCIDENT_COLUMNS, "fatalities"):
        value = _text(line, record, name, limit=2000 if name == "description" else 200)
        if isinstance(value, RowProblem):
            return value
        cells[name] = value
        if name in ACCIDENT_COLUMNS and not value:
            return RowProblem(line, name, REQUIRED, {"field": name})
    checks: dict[str, Any] = {
        "occurred_on": _date(line, "occurred_on", cells["occurred_on"]),
        "kind": _choice(line, "kind", cells["kind"], ACCIDENT_KINDS),
        "severity": _choice(line, "severity", cells["severity"], SEVERITIES),
        "sex": _choice(line, "sex", cells["sex"].upper(), SEXES),
        "fatalities": _choice(
            line, "fatalities", cells["fatalities"] or "0", [str(n) for n in range(100)]
        ),
    }
    for name, value in checks.items():
        if isinstance(value, RowProblem):
            return value
        cells[name] = value
    return AccidentRow(
        line=line,
        reference=cells["reference"],
        establishment=cells["establishment"],
        worker_id=cells["worker_id"].upper(),
        occurred_on=cells["occurred_on"],
        kind=cells["kind"],
        severity=cells["severity"],
        sex=cells["sex"],
        description=cells["description"],
        fatalities=int(cells["fatalities"]),
    )


def parse_accidents_csv(text: str, name: str) -> Iterator[ConnectorRow]:
    for line, record in _csv_records(text, ACCIDENT_COLUMNS):
        problem = record.get("__problem__")
        yield problem if isinstance(problem, RowProblem) else accident_record(line, record)


CORE_KINDS = [
    ConnectorKind(
        "payroll-csv",
        _("Payroll roster (CSV)"),
        "payroll",
        parse_payroll_csv,
        _(
            "Header: establishment, id_number, name, sex, contract_type, period, and optionally id_type, wage, age_band or birth_date."
        ),
        "text/csv",
    ),
    ConnectorKind(
        "payroll-json",
        _("Payroll roster (JSON)"),
        "payroll",
        parse_payroll_json,
        _('{"period": "YYYY-MM", "workers": [...]} with the same fields as the CSV format.'),
        "application/json",
    ),
    ConnectorKind(
        "accidents-csv",
        _("Accident notifications (CSV)"),
        "accidents",
        parse_accidents_csv,
        _(
            "Header: reference, establishment, worker_id, occurred_on, kind, severity, sex, description, and optionally fatalities."
        ),
        "text/csv",
    ),
]
