"""The regional LMI portal at the apex domain: consented headline figures, side by side.

Each ministry's figures are read inside its own schema (only ``tenants`` may switch, R34) through
``cms.selectors.shared_figure_list``, which returns published, suppressed values of indicators the
ministry marked for regional sharing, and nothing else.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from cms.selectors import SharedFigure, shared_figure_list
from tenants.context import ministry_context
from tenants.models import Ministry
from tenants.selectors import ministry_list, ministry_url

CACHE_KEY = "lmi:regional"
CACHE_SECONDS = 300


@dataclass
class Comparison:
    concept: str
    name: str
    unit: str
    entries: list[tuple[Ministry, str, SharedFigure]] = field(default_factory=list)

    @property
    def max_value(self) -> Decimal:
        values = [f.value for _m, _u, f in self.entries if f.value is not None]
        return max(values) if values else Decimal(1)


def regional_comparisons() -> list[Comparison]:
    by_concept: dict[str, Comparison] = {}
    for ministry in ministry_list().filter(status=Ministry.Status.ACTIVE):
        with ministry_context(ministry):
            figures = shared_figure_list()
        for fig in figures:
            comp = by_concept.setdefault(fig.concept, Comparison(fig.concept, fig.name, fig.unit))
            comp.entries.append((ministry, ministry_url(ministry=ministry), fig))
    return sorted(by_concept.values(), key=lambda c: (-len(c.entries), c.name))


def _cached() -> list[Comparison]:
    data = cache.get(CACHE_KEY)
    if data is None:
        data = regional_comparisons()
        cache.set(CACHE_KEY, data, CACHE_SECONDS)
    return data


def regional_portal(request: HttpRequest) -> HttpResponse:
    return render(request, "tenants/lmi_portal.html", {"comparisons": _cached()})


def regional_csv(request: HttpRequest) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["concept", "indicator", "ministry", "country", "period", "value", "flag", "unit"]
    )
    for comp in _cached():
        for ministry, _url, fig in comp.entries:
            writer.writerow(
                [
                    comp.concept,
                    fig.name,
                    ministry.name,
                    str(ministry.country),
                    fig.period,
                    "" if fig.value is None else fig.value,
                    "C" if fig.value is None else fig.flag,
                    fig.unit,
                ]
            )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="regional-lmi.csv"'
    return response


urlpatterns = [
    path("", regional_portal, name="lmi-portal"),
    path("regional.csv", regional_csv, name="lmi-portal-csv"),
]
