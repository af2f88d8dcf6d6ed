"""CSV and Excel output with spreadsheet formula injection neutralised.

A cell that starts with ``= + - @``, a tab or a carriage return is run as a formula by Excel
and LibreOffice (OWASP "CSV injection"); such text gets a leading apostrophe. Numbers are
written as numbers, so a negative amount stays a number.
"""

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal, date, datetime)):
        return value
    text = str(value)
    return "'" + text if text.startswith(DANGEROUS) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so Excel opens UTF-8 (accents, Sinhala, Vietnamese) correctly
    yield writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        yield writer.writerow([safe_cell(c) for c in row])


def csv_response(
    filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_bytes(
    header: Sequence[Any], rows: Iterable[Sequence[Any]], *, title: str = "Data"
) -> bytes:
    with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as handle:
        _xlsx_write(handle, header, rows, title)
        handle.seek(0)
        return handle.read()


def _xlsx_write(
    handle: Any, header: Sequence[Any], rows: Iterable[Sequence[Any]], title: str
) -> None:
    # write_only keeps memory flat for large results: rows go to disk as they come.
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31] or "Data")
    sheet.append([safe_cell(h) for h in header])
    for row in rows:
        sheet.append([_xlsx_value(c) for c in row])
    book.save(handle)


def _xlsx_value(value: Any) -> Any:
    cell = safe_cell(value)
    if isinstance(cell, datetime) and cell.tzinfo is not None:
        return cell.replace(tzinfo=None)  # Excel has no time zones
    return cell


def xlsx_response(
    filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]], *, title: str = "Data"
) -> FileResponse:
    # FileResponse streams the file and closes it when the response is done.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    _xlsx_write(handle, header, rows, title)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
