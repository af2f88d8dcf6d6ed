"""Turning raw rows into clean values or translated errors, a chunk at a time."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from labourhub.accounts.models import Office
from labourhub.audit.services import Actor
from labourhub.registry.imports.fields import ImportField, _slug, import_fields
from labourhub.registry.imports.messages import (
    _FORMULA_START,
    _NUMBER,
    BAD_CHOICE,
    BAD_COORDINATE,
    BAD_DATE,
    CHUNK,
    DUPLICATE_IN_FILE,
    FILE_EMPTY,
    FILE_UNREADABLE,
    FORMULA,
    FUTURE_DATE,
    MISSING_COLUMN,
    NOT_A_COUNT,
    REQUIRED,
    ROW_ENCODING,
    ROW_UNREADABLE,
    TOO_LONG,
    UNKNOWN_ESTABLISHMENT,
    UNKNOWN_OFFICE,
)
from labourhub.registry.imports.reading import FileUnreadableError, _iter_cells
from labourhub.registry.isic import isic_is_valid
from labourhub.registry.models import (
    Establishment,
    HistoricalInspection,
    ImportBatch,
    ImportKind,
    RiskLevel,
    SizeBand,
)
from labourhub.registry.services import MINORS_EXCEED, UNKNOWN_SECTOR

# --------------------------------------------------------------------------- cleaning rows


@dataclass
class RowResult:
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # col, code, msg, val

    def fail(self, column: str, code: str, message: str, value: Any = "") -> None:
        self.errors.append(
            (column, code, message, _csv_safe(str(value if value is not None else ""))[:200])
        )


def _csv_safe(value: str) -> str:
    # Values echoed into the downloadable report must not become live formulas there either.
    return "'" + value if value.startswith(_FORMULA_START) else value


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _parse_date(raw: Any) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    return None


def _choice_lookup(choices: list[tuple[str, Any]]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for key, label in choices:
        lookup[_slug(key)] = key
        lookup[_slug(str(label))] = key
        with translation.override("en"):
            lookup[_slug(str(label))] = key
    return lookup


class Cleaner:
    """Per-batch validation state: office lookup, seen keys, today's date, plugin fields."""

    def __init__(self, batch: ImportBatch, header: list[str]) -> None:
        self.batch = batch
        self.kind = batch.kind
        self.fields = import_fields(batch.kind)
        mapping: dict[str, str] = batch.columns.get("map", {})
        position = {h: i for i, h in enumerate(header) if h}
        self.index = {
            f.key: position[mapping[f.key]]
            for f in self.fields
            if f.key in mapping and mapping[f.key] in position
        }
        self.today = timezone.localdate()
        # Natural key -> first row number; the one structure that grows with the file
        # (about 100 bytes per row: 20 MB at 200,000 rows).
        self.seen: dict[str, int] = {}
        self.offices: dict[str, int] = {}
        if self.kind == ImportKind.ESTABLISHMENTS:
            for office in Office.objects.all():
                self.offices[_slug(office.code)] = office.pk
                self.offices.setdefault(_slug(office.name), office.pk)
        self.choices = {
            "size_band": _choice_lookup(SizeBand.choices),
            "status": _choice_lookup(
                [c for c in Establishment.Status.choices if c[0] != Establishment.Status.MERGED]
            ),
            "risk_level": _choice_lookup(RiskLevel.choices),
            "outcome": _choice_lookup(HistoricalInspection.Outcome.choices),
        }

    def missing_columns(self) -> list[ImportField]:
        return [f for f in self.fields if f.required and f.key not in self.index]

    def clean(self, number: int, cells: list[Any]) -> RowResult:
        result = RowResult(number)
        raw: dict[str, Any] = {}
        for f in self.fields:
            idx = self.index.get(f.key)
            value = cells[idx] if idx is not None and idx < len(cells) else None
            if isinstance(value, str):
                if _has_surrogates(value):
                    result.fail(
                        str(f.label),
                        "encoding",
                        _(ROW_ENCODING) % {"encoding": self.batch.encoding.upper()},
                        value.encode("utf-8", "surrogateescape").decode("latin-1"),
                    )
                    continue
                value = value.strip()
                if value.startswith(_FORMULA_START) and not _NUMBER.match(value):
                    result.fail(str(f.label), "formula", _(FORMULA), value)
                    continue
                if value == "":
                    value = None
            raw[f.key] = value
        if result.errors:
            return result
        for f in self.fields:
            value = raw.get(f.key)
            if value is None:
                if f.required and f.key in self.index:
                    result.fail(str(f.label), "required", _(REQUIRED))
                continue
            if f.extra is not None:
                try:
                    result.values[f.key] = f.extra.clean(value)
                except ValidationError as exc:
                    result.fail(str(f.label), "extra", " ".join(exc.messages), value)
                continue
            if f.max_length and len(str(value)) > f.max_length:
                result.fail(
                    str(f.label), "too_long", _(TOO_LONG) % {"max": f.max_length}, str(value)[:60]
                )
                continue
            getattr(self, f"_clean_{f.key}", self._clean_text)(f, value, result)
        if self.kind == ImportKind.ESTABLISHMENTS and not result.errors:
            v = result.values
            if v.get("workers_minors", 0) > v.get("workers_female", 0) + v.get("workers_male", 0):
                result.fail(
                    str(gettext_lazy("Workers under 18")),
                    "minors",
                    _(MINORS_EXCEED),
                    v.get("workers_minors"),
                )
        key_field = (
            "registration_number"
            if self.kind == ImportKind.ESTABLISHMENTS
            else ("source_reference")
        )
        key = result.values.get(key_field)
        if key is not None:
            first = self.seen.get(key)
            if first is not None:
                label = next(str(f.label) for f in self.fields if f.key == key_field)
                result.fail(label, "duplicate", _(DUPLICATE_IN_FILE) % {"row": first}, key)
            else:
                self.seen[key] = number
        return result

    def _clean_text(self, f: ImportField, value: Any, result: RowResult) -> None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # Excel stores typed ids as floats
        result.values[f.key] = str(value)

    def _count(self, f: ImportField, value: Any, result: RowResult) -> None:
        text = str(value).strip()
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if not text.isdigit() or len(text) > 7:
            result.fail(str(f.label), "number", _(NOT_A_COUNT), value)
            return
        result.values[f.key] = int(text)

    _clean_workers_female = _clean_workers_male = _clean_workers_minors = _count

    def _date(self, f: ImportField, value: Any, result: RowResult) -> None:
        parsed = _parse_date(value)
        if parsed is None:
            result.fail(str(f.label), "date", _(BAD_DATE), value)
        elif parsed > self.today:
            result.fail(str(f.label), "future_date", _(FUTURE_DATE), parsed.isoformat())
        else:
            result.values[f.key] = parsed

    _clean_opened_on = _clean_inspected_on = _date

    def _coordinate(self, f: ImportField, value: Any, result: RowResult) -> None:
        bound = 90 if f.key == "latitude" else 180
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite() or abs(number) > bound:
            result.fail(str(f.label), "coordinate", _(BAD_COORDINATE), value)
            return
        result.values[f.key] = number.quantize(Decimal("0.000001"))

    _clean_latitude = _clean_longitude = _coordinate

    def _clean_isic_code(self, f: ImportField, value: Any, result: RowResult) -> None:
        text = str(int(value)) if isinstance(value, (int, float)) else str(value).strip()
        # Spreadsheets drop the leading zero of agriculture and mining classes (0111 -> 111).
        code = text.zfill(4) if text.isdigit() and len(text) == 3 else text
        if not isic_is_valid(code):
            result.fail(str(f.label), "sector", _(UNKNOWN_SECTOR) % {"code": text}, text)
            return
        result.values[f.key] = code

    def _clean_office(self, f: ImportField, value: Any, result: RowResult) -> None:
        office_id = self.offices.get(_slug(str(value)))
        if office_id is None:
            result.fail(str(f.label), "office", _(UNKNOWN_OFFICE) % {"value": value}, value)
            return
        result.values["office_id"] = office_id

    def _choice(self, f: ImportField, value: Any, result: RowResult) -> None:
        lookup = self.choices[f.key]
        key = lookup.get(_slug(str(value)))
        if key is None:
            allowed = ", ".join(sorted(set(lookup.values())))
            result.fail(str(f.label), "choice", _(BAD_CHOICE) % {"choices": allowed}, value)
            return
        result.values[f.key] = key

    _clean_size_band = _clean_status = _clean_risk_level = _clean_outcome = _choice


def _chunks(batch: ImportBatch, fh: IO[bytes], actor: Actor) -> Iterator[list[RowResult]]:
    """Yield validated rows in chunks; file-level problems become row-1 errors."""
    cells_iter = _iter_cells(fh, batch.file_format, batch.encoding)
    try:
        first = next(cells_iter, None)
    except FileUnreadableError:
        header_error = RowResult(1)
        header_error.fail("", "file", _(FILE_UNREADABLE) % {"format": batch.file_format.upper()})
        yield [header_error]
        return
    if first is None or isinstance(first[1], Exception):
        header_error = RowResult(1)
        header_error.fail("", "file", _(FILE_EMPTY))
        yield [header_error]
        return
    header = [str(c).strip() if c is not None else "" for c in first[1]]
    cleaner = Cleaner(batch, header)
    missing = cleaner.missing_columns()
    if missing:
        header_error = RowResult(1)
        for f in missing:
            header_error.fail(
                str(f.label), "missing_column", _(MISSING_COLUMN) % {"field": f.label}
            )
        yield [header_error]
        return
    chunk: list[RowResult] = []
    for number, cells in cells_iter:
        if isinstance(cells, Exception):
            row = RowResult(number)
            row.fail("", "unreadable", _(ROW_UNREADABLE) % {"detail": str(cells)[:200]})
        else:
            row = cleaner.clean(number, cells)
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _resolve(batch: ImportBatch, chunk: list[RowResult]) -> tuple[list[RowResult], set[str]]:
    """Database checks for one chunk: returns the valid rows and the keys already stored."""
    valid = [r for r in chunk if not r.errors]
    if batch.kind == ImportKind.ESTABLISHMENTS:
        keys = [r.values["registration_number"] for r in valid]
        existing = set(
            Establishment.objects.filter(registration_number__in=keys).values_list(
                "registration_number", flat=True
            )
        )
        return valid, existing
    refs = [r.values["source_reference"] for r in valid]
    existing = set(
        HistoricalInspection.objects.filter(source_reference__in=refs).values_list(
            "source_reference", flat=True
        )
    )
    regs = {r.values["registration_number"] for r in valid}
    found = dict(
        Establishment.objects.filter(registration_number__in=regs).values_list(
            "registration_number", "pk"
        )
    )
    still_valid = []
    for r in valid:
        reg = r.values["registration_number"]
        if reg not in found:
            r.fail(
                str(gettext_lazy("Establishment registration number")),
                "unknown_establishment",
                _(UNKNOWN_ESTABLISHMENT) % {"value": reg},
                reg,
            )
        else:
            r.values["establishment_id"] = found[reg]
            still_valid.append(r)
    return still_valid, existing


def _key(batch: ImportBatch, row: RowResult) -> str:
    return str(
        row.values[
            "registration_number" if batch.kind == ImportKind.ESTABLISHMENTS else "source_reference"
        ]
    )
