import uuid
from typing import Any

from django import template

from cms.selectors import SeriesMatrix

register = template.Library()


@register.inclusion_tag("cms/partials/series.html")
def lmi_series(matrix: SeriesMatrix, chart: bool = True, title: str = "") -> dict[str, Any]:
    ind = matrix.indicator
    data = {
        "periods": matrix.periods,
        "unit": str(ind.get_unit_display()),
        "x_label": "",
        "lines": [
            {"name": name, "values": [None if v is None else float(v) for v in values]}
            for name, values in matrix.lines
        ],
    }
    return {
        "matrix": matrix,
        "chart": chart,
        "title": title,
        "matrix_json": data,
        "sid": f"series-{ind.code}-{uuid.uuid4().hex[:8]}",
    }
