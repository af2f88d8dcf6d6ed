"""CSV, Excel and SDMX-JSON renderings of a published (already suppressed) series."""

import csv
import io
from decimal import Decimal
from typing import Any

from django.utils import timezone

from cms.models import Indicator
from cms.selectors import Point

SUPPRESSED_FLAG = "C"  # SDMX OBS_STATUS "confidential"


def _safe(text: str) -> str:
    # Labels are typed by editors; never let a spreadsheet execute one.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _rows(indicator: Indicator, points: list[Point]) -> tuple[list[str], list[list[Any]]]:
    dims = sorted(indicator.dimensions.values_list("code", flat=True))
    header = ["indicator", "period", *dims, "value", "flag", "unit"]
    rows = [
        [
            indicator.code,
            p.period,
            *[p.dims.get(d, "") for d in dims],
            "" if p.value is None else p.value,
            SUPPRESSED_FLAG if p.value is None else p.flag,
            indicator.unit,
        ]
        for p in points
    ]
    return header, rows


def series_csv(*, indicator: Indicator, points: list[Point]) -> str:
    header, rows = _rows(indicator, points)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(str(c)) if isinstance(c, str) else c for c in row])
    return out.getvalue()


def series_xlsx(*, indicator: Indicator, points: list[Point]) -> bytes:
    from openpyxl import Workbook

    header, rows = _rows(indicator, points)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(indicator.code[:31])
    ws.append([_safe(indicator.name)])
    ws.append([_safe(indicator.definition[:1000])])
    ws.append(header)
    for row in rows:
        ws.append([float(c) if isinstance(c, Decimal) else _safe(str(c)) for c in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def series_sdmx_json(
    *, indicator: Indicator, points: list[Point], agency_id: str
) -> dict[str, Any]:
    """An SDMX-JSON 1.0 data message with one flat dataset (dimension positions as keys)."""
    dims = sorted(indicator.dimensions.values_list("code", flat=True))
    dim_ids = ["TIME_PERIOD", *[d.upper() for d in dims]]
    values: dict[str, list[str]] = {d: [] for d in dim_ids}
    observations: dict[str, list[Any]] = {}
    statuses = sorted({SUPPRESSED_FLAG if p.value is None else p.flag for p in points})
    for p in points:
        coords = [p.period, *[p.dims.get(d, "") for d in dims]]
        idx = []
        for dim_id, code in zip(dim_ids, coords, strict=True):
            if code not in values[dim_id]:
                values[dim_id].append(code)
            idx.append(str(values[dim_id].index(code)))
        status = SUPPRESSED_FLAG if p.value is None else p.flag
        observations[":".join(idx)] = [
            None if p.value is None else float(p.value),
            statuses.index(status),
        ]
    return {
        "header": {
            "id": f"{indicator.code}-{timezone.now():%Y%m%d%H%M%S}",
            "prepared": timezone.now().isoformat(),
            "sender": {"id": agency_id},
        },
        "dataSets": [{"action": "Information", "observations": observations}],
        "structure": {
            "name": indicator.name,
            "description": indicator.definition,
            "dimensions": {
                "observation": [
                    {"id": d, "keyPosition": n, "values": [{"id": v} for v in values[d]]}
                    for n, d in enumerate(dim_ids)
                ]
            },
            "attributes": {
                "observation": [{"id": "OBS_STATUS", "values": [{"id": s} for s in statuses]}]
            },
            "annotations": [
                {"id": "UNIT", "text": indicator.unit},
                {"id": "ILOSTAT", "text": indicator.ilo_code},
            ],
        },
    }
