"""Bulk import of establishments and historical inspection records from CSV and Excel.

``import_batch_create`` keeps the original file in object storage and reads its header;
``import_batch_check`` (the dry run) validates every row and records each problem in the
uploader's language without writing registry data; ``import_batch_run`` then writes the valid
rows in chunks of ``CHUNK``. Both passes stream a local temporary copy of the file, so memory
stays flat as files grow. Re-running is idempotent: a row whose natural key (registration number,
archive reference) already exists is counted as existing and never written twice.
"""

import csv
import datetime as dt
import hashlib
import io
import re
import tempfile
import unicodedata
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, reset_queries, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from labourhub.accounts.models import Office, User
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.registry.fields import ExtraField, extra_fields
from labourhub.registry.isic import isic_is_valid
from labourhub.registry.models import (
    Employer,
    Establishment,
    HistoricalInspection,
    ImportBatch,
    ImportKind,
    ImportMapping,
    ImportRowError,
    RiskLevel,
    SizeBand,
)
from labourhub.registry.services import MINORS_EXCEED, UNKNOWN_SECTOR, size_band_for

CHUNK = 1000
DEFAULT_MAX_BYTES = 100 * 1024 * 1024

FILE_TOO_LARGE = gettext_noop(
    "The file is %(size)s MB; the limit is %(limit)s MB. Split it and upload the parts."
)
FILE_TYPE = gettext_noop("Only .csv and .xlsx files can be imported.")
FILE_EMPTY = gettext_noop("The file has no header row.")
FILE_UNREADABLE = gettext_noop(
    "The file could not be read as %(format)s. Check that it is not damaged."
)
BAD_ENCODING = gettext_noop("Unknown text encoding.")
MISSING_COLUMN = gettext_noop("The file has no column for “%(field)s”, which is required.")
COLUMN_NOT_IN_FILE = gettext_noop("Column “%(column)s” is not in the file.")
ROW_UNREADABLE = gettext_noop("This row could not be read: %(detail)s")
ROW_ENCODING = gettext_noop(
    "This row contains bytes that are not valid %(encoding)s text. "
    "Save the file as UTF-8 (or choose its encoding) and upload it again."
)
FORMULA = gettext_noop(
    "Cells may not start with =, +, - or @: spreadsheet formulas are refused for safety. "
    "Type the plain value instead."
)
REQUIRED = gettext_noop("A value is required.")
TOO_LONG = gettext_noop("At most %(max)d characters.")
UNKNOWN_OFFICE = gettext_noop("No office has the code or name “%(value)s”.")
NOT_A_COUNT = gettext_noop("Expected a whole number, 0 or more.")
BAD_DATE = gettext_noop("Expected a date such as 2024-03-31 or 31/03/2024.")
FUTURE_DATE = gettext_noop("This date is in the future.")
DUPLICATE_IN_FILE = gettext_noop("The same value already appears in row %(row)d of this file.")
BAD_CHOICE = gettext_noop("Expected one of: %(choices)s.")
BAD_COORDINATE = gettext_noop(
    "Expected a latitude between -90 and 90 or a longitude between -180 and 180."
)
UNKNOWN_ESTABLISHMENT = gettext_noop(
    "No establishment in the registry has registration number “%(value)s”."
)
WRONG_STATUS = gettext_noop("This import is “%(status)s”; that step is not possible now.")
NOTHING_VALID = gettext_noop("No row passed the check, so there is nothing to import.")
UNEXPECTED = gettext_noop(
    "The import stopped because of an internal error. The team has been notified."
)

_ENCODINGS = {"utf-8": "utf-8-sig", "windows-1252": "cp1252", "latin-1": "latin-1"}
ENCODING_CHOICES = [
    ("utf-8", "UTF-8"),
    ("windows-1252", "Windows-1252 (Excel, Western)"),
    ("latin-1", "ISO-8859-1 (Latin-1)"),
]
# Leading characters that make spreadsheets evaluate a cell (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def max_import_bytes() -> int:
    return int(getattr(settings, "REGISTRY_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str | Promise
    required: bool = False
    max_length: int = 0
    aliases: tuple[str, ...] = ()
    extra: ExtraField | None = None


ESTABLISHMENT_FIELDS = [
    ImportField(
        "registration_number",
        gettext_lazy("Registration number"),
        True,
        64,
        ("registration", "reg_no", "numero_registro", "registro"),
    ),
    ImportField(
        "name", gettext_lazy("Establishment name"), True, 300, ("establishment", "nombre", "site")
    ),
    ImportField(
        "employer_name",
        gettext_lazy("Employer legal name"),
        True,
        300,
        ("employer", "razon_social", "empleador", "company"),
    ),
    ImportField(
        "employer_tax_id",
        gettext_lazy("Employer tax id"),
        False,
        64,
        ("tax_id", "nit", "ruc", "rtn", "tin"),
    ),
    ImportField("address", gettext_lazy("Address"), False, 500, ("direccion",)),
    ImportField("locality", gettext_lazy("Locality"), False, 200, ("city", "municipio", "ciudad")),
    ImportField(
        "office",
        gettext_lazy("Office (code or name)"),
        True,
        200,
        ("office_code", "region", "oficina", "district"),
    ),
    ImportField("isic_code", gettext_lazy("ISIC Rev.4 class"), True, 8, ("isic", "ciiu", "sector")),
    ImportField(
        "workers_female", gettext_lazy("Women workers"), False, 0, ("women", "mujeres", "female")
    ),
    ImportField("workers_male", gettext_lazy("Men workers"), False, 0, ("men", "hombres", "male")),
    ImportField(
        "workers_minors", gettext_lazy("Workers under 18"), False, 0, ("minors", "menores")
    ),
    ImportField("size_band", gettext_lazy("Size band"), False, 16, ("size", "tamano")),
    ImportField("status", gettext_lazy("Status"), False, 16, ("estado",)),
    ImportField("risk_level", gettext_lazy("Risk"), False, 16, ("risk", "riesgo")),
    ImportField("opened_on", gettext_lazy("Opened on"), False, 0, ("opened", "fecha_apertura")),
    ImportField("latitude", gettext_lazy("Latitude"), False, 0, ("lat", "latitud")),
    ImportField("longitude", gettext_lazy("Longitude"), False, 0, ("lon", "lng", "longitud")),
]
INSPECTION_FIELDS = [
    ImportField(
        "source_reference",
        gettext_lazy("Archive reference"),
        True,
        120,
        ("reference", "ref", "expediente", "file_number"),
    ),
    ImportField(
        "registration_number",
        gettext_lazy("Establishment registration number"),
        True,
        64,
        ("establishment", "registro"),
    ),
    ImportField("inspected_on", gettext_lazy("Inspection date"), True, 0, ("date", "fecha")),
    ImportField(
        "inspector_name", gettext_lazy("Inspector"), False, 200, ("inspector", "inspector_name")
    ),
    ImportField(
        "findings_summary", gettext_lazy("Findings"), False, 5000, ("findings", "hallazgos")
    ),
    ImportField("outcome", gettext_lazy("Outcome"), True, 40, ("result", "resultado")),
]


def import_fields(kind: str) -> list[ImportField]:
    if kind == ImportKind.INSPECTIONS:
        return INSPECTION_FIELDS
    plugin = [
        ImportField(f"extra:{f.key}", f.label, f.required, f.max_length, (f.key,), extra=f)
        for f in extra_fields()
    ]
    return ESTABLISHMENT_FIELDS + plugin


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def suggest_columns(*, kind: str, headers: list[str]) -> dict[str, str]:
    """Guess 'field -> header' by key, alias or (translated) label; the user confirms."""
    by_slug = {_slug(h): h for h in headers if h}
    mapping: dict[str, str] = {}
    for f in import_fields(kind):
        for candidate in (f.key.removeprefix("extra:"), str(f.label), *f.aliases):
            header = by_slug.get(_slug(candidate))
            if header is not None:
                mapping[f.key] = header
                break
    return mapping


# --------------------------------------------------------------------------- reading files


@contextmanager
def _local_copy(batch: ImportBatch) -> Iterator[IO[bytes]]:
    # The S3 file object would buffer the whole object in memory; download to disk instead.
    with tempfile.TemporaryFile() as tmp:
        with default_storage.open(str(batch.file.name), "rb") as remote:
            obj = getattr(remote, "obj", None)
            if obj is not None:
                obj.download_fileobj(tmp)
            else:
                for chunk in remote.chunks():
                    tmp.write(chunk)
        tmp.seek(0)
        yield tmp


class FileUnreadableError(Exception):
    pass


def _iter_cells(fh: IO[bytes], file_format: str, encoding: str) -> Iterator[tuple[int, Any]]:
    """Yield (row number, list of cells | Exception) for non-empty rows; header is row 1."""
    if file_format == ImportBatch.Format.XLSX:
        import openpyxl  # local: only Excel imports pay for it
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            book = openpyxl.load_workbook(fh, read_only=True, data_only=False)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
            raise FileUnreadableError from exc
        try:
            sheet = book.worksheets[0]
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                if any(c not in (None, "") for c in row):
                    yield number, list(row)
        finally:
            book.close()
        return
    text = io.TextIOWrapper(fh, encoding=_ENCODINGS[encoding], errors="surrogateescape", newline="")
    first = text.readline()
    delimiter = max([",", ";", "\t"], key=first.count)
    text.seek(0)
    reader = csv.reader(text, delimiter=delimiter)
    try:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield reader.line_num, exc
                continue
            if any(c.strip() for c in row):
                yield reader.line_num, row
    finally:
        # Closing the wrapper would close the caller's file, which it reads again.
        text.detach()


def _count_rows(fh: IO[bytes], file_format: str, encoding: str) -> int:
    count = sum(1 for _n, _cells in _iter_cells(fh, file_format, encoding))
    fh.seek(0)
    return max(0, count - 1)


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


# --------------------------------------------------------------------------- services


def _read_header(fh: IO[bytes], file_format: str, encoding: str) -> list[str]:
    for _number, cells in _iter_cells(fh, file_format, encoding):
        if isinstance(cells, Exception):
            raise FileUnreadableError
        return [str(c).strip() if c is not None else "" for c in cells]
    return []


@transaction.atomic
def import_batch_create(
    *,
    kind: str,
    upload: UploadedFile,  # type: ignore[type-arg]
    encoding: str = "utf-8",
    mapping: ImportMapping | None = None,
    actor: Actor,
    language: str = "",
) -> ImportBatch:
    """Keep the original file in object storage and read its header. Nothing is validated or
    written to the registry yet. Refuses oversized and non-CSV/Excel files before storing."""
    size = upload.size or 0
    limit = max_import_bytes()
    if size > limit:
        raise ApplicationError(
            _(FILE_TOO_LARGE)
            % {"size": f"{size / 1048576:,.0f}", "limit": f"{limit / 1048576:,.0f}"},
            extra={
                "fields": {
                    "file": [
                        _(FILE_TOO_LARGE)
                        % {"size": f"{size / 1048576:,.0f}", "limit": f"{limit / 1048576:,.0f}"}
                    ]
                }
            },
        )
    name = PurePath(upload.name or "upload").name[:200]
    suffix = PurePath(name).suffix.lower()
    formats = {
        ".csv": ImportBatch.Format.CSV,
        ".txt": ImportBatch.Format.CSV,
        ".xlsx": ImportBatch.Format.XLSX,
    }
    if suffix not in formats:
        raise ApplicationError(_(FILE_TYPE), extra={"fields": {"file": [_(FILE_TYPE)]}})
    if encoding not in _ENCODINGS:
        raise ApplicationError(_(BAD_ENCODING), extra={"fields": {"encoding": [_(BAD_ENCODING)]}})
    file_format = formats[suffix]
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    try:
        header = _read_header(upload.file, file_format, encoding)  # type: ignore[arg-type]
    except FileUnreadableError:
        message = _(FILE_UNREADABLE) % {"format": file_format.upper()}
        raise ApplicationError(message, extra={"fields": {"file": [message]}}) from None
    if not any(header):
        raise ApplicationError(_(FILE_EMPTY), extra={"fields": {"file": [_(FILE_EMPTY)]}})
    upload.seek(0)
    # The key is derived from a random id, never from the user's file name (R36); the storage
    # adds the tenants/<schema>/ prefix.
    stored = default_storage.save(f"registry/imports/{uuid.uuid4().hex}{suffix}", upload)
    columns = dict(mapping.columns) if mapping else suggest_columns(kind=kind, headers=header)
    batch = ImportBatch.objects.create(
        kind=kind,
        file_format=file_format,
        encoding=encoding,
        original_name=name,
        file=stored,
        file_size=size,
        sha256=digest.hexdigest(),
        columns={"headers": header, "map": {k: v for k, v in columns.items() if v in header}},
        mapping=mapping,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        created_by=actor if isinstance(actor, User) and actor.is_authenticated else None,
    )
    schema = connection.schema_name  # type: ignore[attr-defined]
    audit_record(
        actor=actor,
        action=AuditAction.IMPORT_UPLOADED,
        subject=batch,
        payload={
            "values": {
                "kind": kind,
                "file": name,
                "size": size,
                "sha256": batch.sha256,
                "storage_key": stored,
                "schema": schema,
            }
        },
    )
    return batch


@transaction.atomic
def import_batch_set_columns(
    *, batch: ImportBatch, columns: dict[str, str], actor: Actor
) -> ImportBatch:
    headers: list[str] = batch.columns.get("headers", [])
    if batch.status not in (ImportBatch.Status.UPLOADED, ImportBatch.Status.CHECKED):
        raise ApplicationError(_(WRONG_STATUS) % {"status": batch.get_status_display()})
    errors = {
        k: [_(COLUMN_NOT_IN_FILE) % {"column": v}]
        for k, v in columns.items()
        if v and v not in headers
    }
    if errors:
        raise ValidationError(errors)
    clean = {k: v for k, v in columns.items() if v}
    batch.columns = {"headers": headers, "map": clean}
    batch.status = ImportBatch.Status.UPLOADED
    batch.save(update_fields=["columns", "status", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.IMPORT_MAPPED,
        subject=batch,
        payload={"values": {"map": clean}},
    )
    return batch


@transaction.atomic
def import_mapping_save(
    *, kind: str, name: str, columns: dict[str, str], actor: Actor
) -> ImportMapping:
    mapping, created = ImportMapping.objects.update_or_create(
        kind=kind, name=name.strip()[:120], defaults={"columns": columns}
    )
    audit_record(
        actor=actor,
        action=AuditAction.IMPORT_MAPPING_SAVED,
        subject=mapping,
        payload={"values": {"columns": columns, "created": created}},
    )
    return mapping


def _set_status(batch: ImportBatch, allowed: tuple[str, ...], new: str) -> ImportBatch:
    # A conditional UPDATE so two workers can never run the same batch at once.
    with transaction.atomic():
        moved = ImportBatch.objects.filter(pk=batch.pk, status__in=allowed).update(
            status=new, updated_at=timezone.now()
        )
    batch.refresh_from_db()
    if not moved:
        raise ApplicationError(_(WRONG_STATUS) % {"status": batch.get_status_display()})
    return batch


def _fail(batch: ImportBatch, message: str, actor: Actor) -> ImportBatch:
    with transaction.atomic():
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.FAILED, failure=message, finished_at=timezone.now()
        )
        batch.refresh_from_db()
        audit_record(
            actor=actor,
            action=AuditAction.IMPORT_FAILED,
            subject=batch,
            payload={"values": {"failure": message}},
        )
    return batch


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


def import_batch_check(*, batch_id: int, actor: Actor = None) -> ImportBatch:
    """Dry run: validate every row, store each problem in the uploader's language, write no
    registry data. Runs chunk by chunk (each chunk commits its progress) when called outside a
    transaction, as the Celery task does."""
    batch = ImportBatch.objects.get(pk=batch_id)
    batch = _set_status(
        batch,
        (ImportBatch.Status.UPLOADED, ImportBatch.Status.CHECKED),
        ImportBatch.Status.CHECKING,
    )
    try:
        with translation.override(batch.language), _local_copy(batch) as fh:
            total = _count_rows(fh, batch.file_format, batch.encoding)
            with transaction.atomic():
                ImportRowError.objects.filter(batch=batch).delete()
                ImportBatch.objects.filter(pk=batch.pk).update(
                    total_rows=total,
                    processed_rows=0,
                    valid_rows=0,
                    error_rows=0,
                    existing_rows=0,
                    created_rows=0,
                    failure="",
                )
            processed = valid_count = error_count = existing_count = 0
            for chunk in _chunks(batch, fh, actor):
                # With DEBUG on, Django keeps every SQL string; in a long task that alone grows
                # with the file (requests reset it, tasks do not).
                reset_queries()
                valid, existing = _resolve(batch, chunk)
                errors = [
                    ImportRowError(
                        batch=batch,
                        row_number=r.number,
                        column=c[:120],
                        code=code,
                        message=msg[:500],
                        value=val,
                    )
                    for r in chunk
                    for (c, code, msg, val) in r.errors
                ]
                processed += sum(1 for r in chunk if r.number > 1)
                error_count += sum(1 for r in chunk if r.errors)
                valid_count += len(valid)
                existing_count += sum(1 for r in valid if _key(batch, r) in existing)
                with transaction.atomic():
                    ImportRowError.objects.bulk_create(errors, batch_size=2000)
                    ImportBatch.objects.filter(pk=batch.pk).update(
                        processed_rows=processed,
                        valid_rows=valid_count,
                        error_rows=error_count,
                        existing_rows=existing_count,
                    )
        with transaction.atomic():
            ImportBatch.objects.filter(pk=batch.pk).update(
                status=ImportBatch.Status.CHECKED,
                checked_at=timezone.now(),
                total_rows=max(total, processed),
            )
            batch.refresh_from_db()
            audit_record(
                actor=actor,
                action=AuditAction.IMPORT_CHECKED,
                subject=batch,
                payload={
                    "values": {
                        "total": batch.total_rows,
                        "valid": valid_count,
                        "errors": error_count,
                        "existing": existing_count,
                    }
                },
            )
    except Exception:
        with translation.override(batch.language):
            _fail(batch, _(UNEXPECTED), actor)
        raise
    return batch


def _employers_for(batch: ImportBatch, rows: list[RowResult]) -> dict[tuple[str, str], int]:
    """Find or create the employer of every row: by tax id when given, else by legal name."""
    wanted = {(r.values.get("employer_tax_id", ""), r.values["employer_name"]) for r in rows}
    tax_ids = {t for t, _n in wanted if t}
    names = {n for t, n in wanted if not t}

    def lookup() -> dict[tuple[str, str], int]:
        found: dict[tuple[str, str], int] = {}
        by_tax = dict(Employer.objects.filter(tax_id__in=tax_ids).values_list("tax_id", "pk"))
        by_name: dict[str, int] = {}
        for name, pk in (
            Employer.objects.filter(tax_id="", legal_name__in=names)
            .order_by("pk")
            .values_list("legal_name", "pk")
        ):
            by_name.setdefault(name, pk)
        for t, n in wanted:
            match = by_tax.get(t) if t else by_name.get(n)
            if match is not None:
                found[(t, n)] = match
        return found

    found = lookup()
    missing = {(t, n) for t, n in wanted if (t, n) not in found}
    if missing:
        new: dict[str, Employer] = {}
        for t, n in sorted(missing):
            new.setdefault(t or f"name:{n}", Employer(legal_name=n, tax_id=t, import_batch=batch))
        Employer.objects.bulk_create(new.values(), ignore_conflicts=True)
        found = lookup()
    return found


def _write(batch: ImportBatch, rows: list[RowResult]) -> int:
    if batch.kind == ImportKind.ESTABLISHMENTS:
        employers = _employers_for(batch, rows)
        objs = []
        for r in rows:
            v = r.values
            female, male = v.get("workers_female", 0), v.get("workers_male", 0)
            objs.append(
                Establishment(
                    employer_id=employers[(v.get("employer_tax_id", ""), v["employer_name"])],
                    registration_number=v["registration_number"],
                    name=v["name"],
                    address=v.get("address", ""),
                    locality=v.get("locality", ""),
                    office_id=v["office_id"],
                    isic_code=v["isic_code"],
                    size_band=v.get("size_band") or size_band_for(female + male),
                    workers_female=female,
                    workers_male=male,
                    workers_minors=v.get("workers_minors", 0),
                    status=v.get("status", Establishment.Status.ACTIVE),
                    risk_level=v.get("risk_level", RiskLevel.MEDIUM),
                    opened_on=v.get("opened_on"),
                    latitude=v.get("latitude"),
                    longitude=v.get("longitude"),
                    import_batch=batch,
                    extra={
                        k.removeprefix("extra:"): val
                        for k, val in v.items()
                        if k.startswith("extra:") and val is not None
                    },
                )
            )
        # ignore_conflicts: a concurrent writer may have added the same key since _resolve.
        return len(Establishment.objects.bulk_create(objs, ignore_conflicts=True))
    hist = [
        HistoricalInspection(
            establishment_id=r.values["establishment_id"],
            inspected_on=r.values["inspected_on"],
            inspector_name=r.values.get("inspector_name", ""),
            findings_summary=r.values.get("findings_summary", ""),
            outcome=r.values["outcome"],
            source_reference=r.values["source_reference"],
            import_batch=batch,
        )
        for r in rows
    ]
    HistoricalInspection.objects.bulk_create(hist, ignore_conflicts=True)
    est_ids = sorted({h.establishment_id for h in hist})
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE registry_establishment e SET last_inspected_on = s.d
            FROM (SELECT establishment_id, max(inspected_on) AS d
                  FROM registry_historicalinspection WHERE establishment_id = ANY(%s)
                  GROUP BY establishment_id) s
            WHERE e.id = s.establishment_id
              AND (e.last_inspected_on IS NULL OR e.last_inspected_on < s.d)
            """,
            [est_ids],
        )
    return len(hist)


def import_batch_run(*, batch_id: int, actor: Actor = None) -> ImportBatch:
    """Write the rows that pass validation, ``CHUNK`` at a time, each chunk in its own
    transaction with its audit event; progress is visible to the polling page as it goes."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status == ImportBatch.Status.CHECKED and batch.valid_rows == 0:
        raise ApplicationError(_(NOTHING_VALID))
    batch = _set_status(batch, (ImportBatch.Status.CHECKED,), ImportBatch.Status.IMPORTING)
    try:
        processed = existing_total = 0
        with translation.override(batch.language), _local_copy(batch) as fh:
            ImportBatch.objects.filter(pk=batch.pk).update(processed_rows=0)
            for chunk in _chunks(batch, fh, actor):
                reset_queries()
                with transaction.atomic():
                    valid, existing = _resolve(batch, chunk)
                    new = [r for r in valid if _key(batch, r) not in existing]
                    written = _write(batch, new) if new else 0
                    processed += sum(1 for r in chunk if r.number > 1)
                    existing_total += len(valid) - len(new)
                    ImportBatch.objects.filter(pk=batch.pk).update(
                        processed_rows=processed, existing_rows=existing_total
                    )
                    if written:
                        audit_record(
                            actor=actor,
                            action=AuditAction.IMPORT_ROWS_WRITTEN,
                            subject=batch,
                            payload={
                                "values": {
                                    "rows": written,
                                    "first_row": chunk[0].number,
                                    "last_row": chunk[-1].number,
                                }
                            },
                        )
        model = Establishment if batch.kind == ImportKind.ESTABLISHMENTS else HistoricalInspection
        with transaction.atomic():
            created = model.objects.filter(import_batch=batch).count()
            ImportBatch.objects.filter(pk=batch.pk).update(
                status=ImportBatch.Status.DONE, created_rows=created, finished_at=timezone.now()
            )
            batch.refresh_from_db()
            audit_record(
                actor=actor,
                action=AuditAction.IMPORT_FINISHED,
                subject=batch,
                payload={
                    "values": {
                        "created": created,
                        "existing": existing_total,
                        "skipped_with_errors": batch.error_rows,
                    }
                },
            )
    except ApplicationError:
        raise
    except Exception:
        with translation.override(batch.language):
            _fail(batch, _(UNEXPECTED), actor)
        raise
    return batch


def import_error_report_rows(*, batch: ImportBatch) -> Iterator[list[str]]:
    """The downloadable report: one line per problem; values are neutralised for Excel."""
    with translation.override(batch.language):
        yield [_("Row"), _("Column"), _("Problem"), _("Value"), _("Code")]
    for err in (
        ImportRowError.objects.filter(batch=batch)
        .order_by("row_number", "id")
        .iterator(chunk_size=2000)
    ):
        yield [
            str(err.row_number),
            _csv_safe(err.column),
            _csv_safe(err.message),
            _csv_safe(err.value),
            err.code,
        ]


def import_template_header(*, kind: str) -> list[str]:
    return [f.key for f in import_fields(kind)]


__all__ = [
    "ENCODING_CHOICES",
    "Q",
    "import_batch_check",
    "import_batch_create",
    "import_batch_run",
    "import_batch_set_columns",
    "import_error_report_rows",
    "import_fields",
    "import_mapping_save",
    "suggest_columns",
]


def _actor_id(actor: Actor) -> int | None:
    return actor.pk if actor is not None and actor.is_authenticated else None


def import_batch_check_start(*, batch: ImportBatch, actor: Actor) -> None:
    """Queue the dry run once the caller's transaction commits (R8)."""
    from labourhub.registry.tasks import import_batch_check_task

    actor_id = _actor_id(actor)
    transaction.on_commit(lambda: import_batch_check_task.delay(batch.pk, actor_id))


def import_batch_run_start(*, batch: ImportBatch, actor: Actor) -> None:
    from labourhub.registry.tasks import import_batch_run_task

    if batch.status != ImportBatch.Status.CHECKED:
        raise ApplicationError(_(WRONG_STATUS) % {"status": batch.get_status_display()})
    if batch.valid_rows == 0:
        raise ApplicationError(_(NOTHING_VALID))
    actor_id = _actor_id(actor)
    transaction.on_commit(lambda: import_batch_run_task.delay(batch.pk, actor_id))
