"""Checks for files outsiders send: PDF, Excel (.xlsx) or CSV only, judged by their content.

Everything is read and checked in memory before a byte is stored; a file that merely carries an
allowed name is refused. "Malware-shaped" means: programs, archives, PDFs with active content
(scripts, launch actions, embedded files), workbooks with macros or a zip bomb's ratio, and CSV
cells that a spreadsheet would run as a formula.
"""

import csv
import hashlib
import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.inspections.services.evidence import (
    ARCHIVE,
    BAD_NAME,
    EXECUTABLE,
    TOO_BIG,
    _check_name,
    _read_limited,
    sniff,
)

MAX_BYTES = 25 * 1024 * 1024
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 100

NOT_ALLOWED_TYPE = gettext_noop("“%(name)s” is not a PDF, an Excel workbook (.xlsx) or a CSV file.")
WRONG_EXTENSION = gettext_noop(
    "“%(name)s” is really a %(detected)s file; rename it with the right extension and try again."
)
PDF_BROKEN = gettext_noop("“%(name)s” is not a complete PDF document.")
PDF_ACTIVE = gettext_noop(
    "“%(name)s” contains scripts, launch actions or embedded files. Print it to a plain PDF "
    "and upload that instead."
)
XLSX_BROKEN = gettext_noop("“%(name)s” is not a readable Excel workbook.")
XLSX_MACROS = gettext_noop(
    "“%(name)s” contains macros. Save it as a plain workbook (.xlsx) without macros."
)
XLSX_BOMB = gettext_noop(
    "“%(name)s” unpacks to far more data than a workbook holds. It was refused."
)
CSV_BROKEN = gettext_noop("“%(name)s” is not a readable text CSV file (UTF-8 or Latin-1).")
CSV_FORMULA = gettext_noop(
    "“%(name)s”, line %(line)s, has a cell that a spreadsheet would run as a formula "
    "(“%(cell)s”). Remove the formula and upload the values only."
)
NO_FILE = gettext_noop("Choose at least one file.")
TOO_MANY = gettext_noop("Upload at most %(n)s files at a time.")
MAX_FILES = 10

__all__ = ["ARCHIVE", "BAD_NAME", "EXECUTABLE", "TOO_BIG", "CheckedFile", "upload_check"]

_PDF_ACTIVE = re.compile(
    rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|OpenAction\s*<<[^>]*/JS)\b"
)
_FORMULA = re.compile(r"^\s*(=|@|[+\-](?![\d.,\s]*$)|\t|\r)")


@dataclass(frozen=True)
class CheckedFile:
    name: str
    data: bytes
    content_type: str
    extension: str
    sha256: str


def _check_pdf(name: str, data: bytes) -> None:
    if b"%%EOF" not in data[-2048:]:
        raise ValidationError({"file": _(PDF_BROKEN) % {"name": name}})
    if _PDF_ACTIVE.search(data):
        raise ValidationError({"file": _(PDF_ACTIVE) % {"name": name}})


def _check_xlsx(name: str, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            unpacked = sum(info.file_size for info in infos)
            packed = max(1, sum(info.compress_size for info in infos))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ValidationError({"file": _(XLSX_BROKEN) % {"name": name}}) from None
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise ValidationError({"file": _(XLSX_BROKEN) % {"name": name}})
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise ValidationError({"file": _(XLSX_MACROS) % {"name": name}})
    if unpacked > MAX_UNZIPPED or unpacked / packed > MAX_RATIO:
        raise ValidationError({"file": _(XLSX_BOMB) % {"name": name}})


def _check_csv(name: str, data: bytes) -> None:
    if b"\x00" in data:
        raise ValidationError({"file": _(CSV_BROKEN) % {"name": name}})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    try:
        for line, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            for cell in row:
                if _FORMULA.match(cell):
                    shown = cell.strip()[:40]
                    raise ValidationError(
                        {"file": _(CSV_FORMULA) % {"name": name, "line": line, "cell": shown}}
                    )
    except csv.Error:
        raise ValidationError({"file": _(CSV_BROKEN) % {"name": name}}) from None


def upload_check(*, name: str, file: IO[bytes] | Any) -> CheckedFile:
    """Validate one upload completely, in memory; raise a translated ``ValidationError``."""
    name = _check_name(name)
    data = _read_limited(file)
    head = data[:16]
    given = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    detected = sniff(head)
    if detected == "executable":
        raise ValidationError({"file": _(EXECUTABLE) % {"name": name}})
    if head.startswith(b"PK\x03\x04"):
        if given != "xlsx":
            raise ValidationError({"file": _(ARCHIVE) % {"name": name}})
        _check_xlsx(name, data)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        extension = ".xlsx"
    elif detected == "archive":
        raise ValidationError({"file": _(ARCHIVE) % {"name": name}})
    elif detected == "application/pdf":
        if given != "pdf":
            raise ValidationError({"file": _(WRONG_EXTENSION) % {"name": name, "detected": "PDF"}})
        _check_pdf(name, data)
        content_type, extension = "application/pdf", ".pdf"
    elif detected == "unknown" and given == "csv":
        _check_csv(name, data)
        content_type, extension = "text/csv", ".csv"
    else:
        raise ValidationError({"file": _(NOT_ALLOWED_TYPE) % {"name": name}})
    return CheckedFile(
        name=name,
        data=data,
        content_type=content_type,
        extension=extension,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def upload_check_many(*, files: list[Any]) -> list[CheckedFile]:
    if not files:
        raise ValidationError({"file": _(NO_FILE)})
    if len(files) > MAX_FILES:
        raise ValidationError({"file": _(TOO_MANY) % {"n": MAX_FILES}})
    return [upload_check(name=f.name, file=f) for f in files]


def upload_store(*, folder: str, checked: CheckedFile) -> str:
    """Write a checked file under the ministry's key prefix; the caller deletes it on failure."""
    return default_storage.save(
        f"portal/{folder}/{uuid.uuid4().hex}{checked.extension}", ContentFile(checked.data)
    )


def upload_discard(*, keys: list[str]) -> None:
    for key in keys:
        default_storage.delete(key)
