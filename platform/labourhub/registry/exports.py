"""Export of any filtered establishment list to CSV or Excel, streamed row by row."""

import tempfile
from collections.abc import Iterator
from typing import IO, Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from labourhub.registry.imports import _csv_safe
from labourhub.registry.models import Establishment
from labourhub.registry.selectors import (
    EstablishmentFilters,
    establishment_filter,
    establishment_search,
)

EXPORT_LIMIT = 250_000


def _columns() -> list[tuple[str, str]]:
    return [
        ("registration_number", _("Registration number")),
        ("name", _("Establishment name")),
        ("employer", _("Employer legal name")),
        ("tax_id", _("Employer tax id")),
        ("address", _("Address")),
        ("locality", _("Locality")),
        ("office", _("Office")),
        ("isic_code", _("ISIC Rev.4 class")),
        ("size_band", _("Size band")),
        ("workers_female", _("Women workers")),
        ("workers_male", _("Men workers")),
        ("workers_minors", _("Workers under 18")),
        ("status", _("Status")),
        ("risk_level", _("Risk")),
        ("last_inspected_on", _("Last inspected")),
    ]


def _queryset(filters: EstablishmentFilters) -> QuerySet[Establishment] | list[Establishment]:
    if (filters.get("q") or "").strip():
        return establishment_search(filters=filters, limit=200).items
    return establishment_filter(filters=filters).order_by("name", "id")


def _values(e: Establishment) -> list[Any]:
    return [
        e.registration_number,
        e.name,
        e.employer.legal_name,
        e.employer.tax_id,
        e.address,
        e.locality,
        e.office.code,
        e.isic_code,
        e.get_size_band_display(),
        e.workers_female,
        e.workers_male,
        e.workers_minors,
        e.get_status_display(),
        e.get_risk_level_display(),
        e.last_inspected_on.isoformat() if e.last_inspected_on else "",
    ]


def establishment_export_rows(*, filters: EstablishmentFilters) -> Iterator[list[Any]]:
    yield [label for _key, label in _columns()]
    rows = _queryset(filters)
    iterable = rows.iterator(chunk_size=2000) if isinstance(rows, QuerySet) else rows
    for n, est in enumerate(iterable):
        if n >= EXPORT_LIMIT:
            break
        yield [_csv_safe(v) if isinstance(v, str) else v for v in _values(est)]


def establishment_export_xlsx(*, filters: EstablishmentFilters) -> IO[bytes]:
    """Write-only workbook in a temporary file: memory stays flat for large lists."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(_("Establishments"))
    for row in establishment_export_rows(filters=filters):
        sheet.append(row)
    out = tempfile.TemporaryFile()  # noqa: SIM115 - the response streams and closes it
    book.save(out)
    out.seek(0)
    return out
