"""Reading uploaded CSV and XLSX files from object storage, row by row."""

import csv
import io
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from django.core.files.storage import default_storage

from labourhub.registry.imports.messages import _ENCODINGS
from labourhub.registry.models import (
    ImportBatch,
)

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


# --------------------------------------------------------------------------- services


def _read_header(fh: IO[bytes], file_format: str, encoding: str) -> list[str]:
    for _number, cells in _iter_cells(fh, file_format, encoding):
        if isinstance(cells, Exception):
            raise FileUnreadableError
        return [str(c).strip() if c is not None else "" for c in cells]
    return []
