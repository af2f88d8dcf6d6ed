"""Reading a partner agency's CSV or Excel upload into checked rows, with row-level errors.

Row numbers are spreadsheet line numbers (the header is line 1), so the agency can find them.
"""

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from cms.models import DimensionValue, Flag, Indicator
from labourhub.common.exceptions import ApplicationError

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
PERIOD_PATTERNS = {
    Indicator.Periodicity.ANNUAL: re.compile(r"^(19|20)\d\d$"),
    Indicator.Periodicity.QUARTERLY: re.compile(r"^(19|20)\d\d-Q[1-4]$"),
    Indicator.Periodicity.MONTHLY: re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])$"),
}
# Cells a spreadsheet would execute (CSV injection); a leading minus is allowed only before a digit.
FORMULA = re.compile(r"^(=|\+|@|\t|\r|-(?![\d.]))")


@dataclass(frozen=True)
class ParsedRow:
    line: int
    period: str
    dims: dict[str, str]
    value: Decimal
    flag: str


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.line, "column": self.column, "message": self.message}


class DatasetInvalidError(ApplicationError):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(
            _("The file was not accepted: %(count)d problem(s). Nothing was saved.")
            % {"count": len(errors)},
            {"errors": [e.as_dict() for e in errors]},
        )
        self.errors = errors


def dims_key(dims: dict[str, str]) -> str:
    return "|".join(f"{k}={dims[k]}" for k in sorted(dims))


def _read_table(*, name: str, data: bytes) -> list[list[str]]:
    if len(data) > MAX_BYTES:
        raise DatasetInvalidError([RowError(0, "", _("The file is larger than 5 MB."))])
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return _read_xlsx(data)
    if not lower.endswith(".csv"):
        raise DatasetInvalidError([RowError(0, "", _("Upload a .csv or .xlsx file."))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DatasetInvalidError(
            [RowError(0, "", _("The CSV file must be UTF-8 encoded."))]
        ) from None
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise DatasetInvalidError(
            [RowError(0, "", _("The CSV file is malformed: %s") % exc)]
        ) from None


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many unrelated types for a damaged file
        raise DatasetInvalidError(
            [RowError(0, "", _("The Excel file could not be read."))]
        ) from None
    rows: list[list[str]] = []
    for cells in wb.worksheets[0].iter_rows():
        row = []
        for cell in cells:
            v = cell.value
            if cell.data_type == "f":
                row.append("=" + str(v).lstrip("="))
            else:
                row.append("" if v is None else str(v))
        rows.append(row)
        if len(rows) > MAX_ROWS + 1:
            break
    wb.close()
    return rows


def parse_upload(*, indicator: Indicator, name: str, data: bytes) -> list[ParsedRow]:
    table = [r for r in _read_table(name=name, data=data) if any(c.strip() for c in r)]
    if not table:
        raise DatasetInvalidError([RowError(1, "", _("The file is empty."))])
    if len(table) > MAX_ROWS + 1:
        raise DatasetInvalidError([RowError(0, "", _("The file has more than 50,000 rows."))])
    dim_codes = sorted(indicator.dimensions.values_list("code", flat=True))
    header = [h.strip().lower() for h in table[0]]
    expected = ["period", *dim_codes, "value"]
    missing = [c for c in expected if c not in header]
    unknown = [c for c in header if c not in [*expected, "flag"]]
    errors: list[RowError] = []
    if missing:
        errors.append(RowError(1, ", ".join(missing), _("Missing column(s).")))
    if unknown:
        errors.append(RowError(1, ", ".join(unknown), _("Unknown column(s) for this indicator.")))
    if errors:
        raise DatasetInvalidError(errors)
    allowed: dict[str, set[str]] = {d: set() for d in dim_codes}
    for dim, code in DimensionValue.objects.filter(dimension__code__in=dim_codes).values_list(
        "dimension__code", "code"
    ):
        allowed[dim].add(code)
    col = {h: i for i, h in enumerate(header)}
    pattern = PERIOD_PATTERNS[Indicator.Periodicity(indicator.periodicity)]
    seen: dict[tuple[str, str], int] = {}
    rows: list[ParsedRow] = []
    for line, raw in enumerate(table[1:], start=2):
        cells = [*raw, *[""] * (len(header) - len(raw))]
        for h, i in col.items():
            if FORMULA.match(cells[i]):
                errors.append(RowError(line, h, _("Formulas are not accepted; enter the value.")))
        if errors and errors[-1].line == line:
            continue
        period = cells[col["period"]].strip()
        if not pattern.match(period):
            errors.append(
                RowError(
                    line,
                    "period",
                    _("“%(v)s” is not a period of this indicator's periodicity.") % {"v": period},
                )
            )
        dims: dict[str, str] = {}
        for d in dim_codes:
            code = cells[col[d]].strip()
            if code not in allowed[d]:
                errors.append(RowError(line, d, _("Unknown code “%(v)s”.") % {"v": code}))
            dims[d] = code
        raw_value = cells[col["value"]].strip().replace(",", "")
        value: Decimal | None = None
        try:
            value = Decimal(raw_value)
            if not value.is_finite() or abs(value) >= Decimal("1e13"):
                raise InvalidOperation
        except InvalidOperation:
            errors.append(RowError(line, "value", _("“%(v)s” is not a number.") % {"v": raw_value}))
        flag = cells[col["flag"]].strip().upper() if "flag" in col else ""
        flag = flag or Flag.NORMAL
        if flag not in Flag.values:
            errors.append(RowError(line, "flag", _("Unknown status flag “%(v)s”.") % {"v": flag}))
        key = (period, dims_key(dims))
        if key in seen:
            errors.append(
                RowError(
                    line,
                    "",
                    _("Duplicates row %(n)d (same period and dimensions).") % {"n": seen[key]},
                )
            )
        else:
            seen[key] = line
        if value is not None:
            rows.append(ParsedRow(line, period, dims, value, flag))
    if errors:
        raise DatasetInvalidError(errors)
    if not rows:
        raise DatasetInvalidError([RowError(2, "", _("The file has a header but no data rows."))])
    return rows
