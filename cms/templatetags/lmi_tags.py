import uuid
from typing import Any

from django import template

from cms.models import Indicator
from cms.selectors import SeriesMatrix, dims_label, indicator_definition, indicator_name

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


@register.filter
def lmi_name(indicator: Indicator) -> str:
    """The indicator's name in the page's language (its translation, else the source text)."""
    return indicator_name(indicator)


@register.filter
def lmi_definition(indicator: Indicator) -> str:
    return indicator_definition(indicator)


@register.filter
def lmi_dims(dims_key: str) -> str:
    """``age=_T|sex=F`` as people read it, in the page's language."""
    return dims_label(dims_key)
