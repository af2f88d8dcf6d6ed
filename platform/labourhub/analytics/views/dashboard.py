"""The analytics dashboard, drill-down pages and their exports."""

from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.analytics import geo
from labourhub.analytics.exports import csv_response, xlsx_response
from labourhub.analytics.forms import DashboardFilterForm
from labourhub.analytics.indicators import (
    CORE_INDICATORS,
    INDICATOR_BY_CODE,
    OWN_BY_CODE,
    OWN_INDICATORS,
    Indicator,
)
from labourhub.analytics.selectors import (
    Filters,
    Snapshot,
    dashboard_level,
    dashboard_scope,
    dashboard_snapshot,
    drill_rows,
    freshness,
    indicator_series,
    indicator_value,
    map_divisions_current,
    region_totals,
)
from labourhub.analytics.sources import METRIC_SOURCE, metric_dim
from labourhub.extensions import current_hooks, flatten

PAGE = 50
SECTIONS = (
    ("inspection", gettext_lazy("Inspections")),
    ("enforcement", gettext_lazy("Enforcement")),
    ("complaints", gettext_lazy("Complaints")),
    ("safety", gettext_lazy("Safety, accidents and child labour")),
)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _filters(request: HttpRequest) -> tuple[DashboardFilterForm, Filters]:
    form = DashboardFilterForm(request.GET or None)
    return form, dashboard_scope(user=_user(request), filters=form.filters())


def _query(request: HttpRequest, **extra: Any) -> str:
    """The current filters plus ``extra``, as a query string (drill-down and export links)."""
    keep = QueryDict(mutable=True)
    for key in ("start", "end", "region", "office", "sector"):
        if request.GET.get(key):
            keep[key] = request.GET[key]
    for key, value in extra.items():
        if value not in (None, ""):
            keep[key] = str(value)
    return keep.urlencode()


def _indicator(code: str, f: Filters) -> Indicator:
    found = (OWN_BY_CODE if f.inspector_id else INDICATOR_BY_CODE).get(code)
    if found is None:
        raise Http404(_("Unknown indicator."))
    return found


def _fmt(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"


def _card(request: HttpRequest, indicator: Indicator, f: Filters, snap: Snapshot) -> dict[str, Any]:
    value = indicator_value(indicator, f, snap)
    series = indicator_series(indicator, f, snap)
    drill = reverse("analytics:drill", args=[indicator.code])
    points = []
    for key, label, v in series:
        by_region = indicator.breakdown == "region" or indicator.median or indicator.denominator
        by = {"region": "in_region", "dim": "dim"}.get(
            "region" if by_region else indicator.breakdown
        )
        extra = {by: key} if by else {"sector": key} if indicator.breakdown == "sector" else {}
        if indicator.breakdown == "month":
            extra = {"start": key, "end": key}
        points.append(
            {
                "key": key,
                "label": label,
                "value": float(v),
                "shown": _fmt(v),
                "url": f"{drill}?{_query(request, **extra)}",
            }
        )
    return {
        "indicator": indicator,
        "value": value,
        "shown": _fmt(value),
        "points": points,
        "url": f"{drill}?{_query(request)}",
        "export": reverse("analytics:export", args=[indicator.code]) + "?" + _query(request),
    }


@login_required
def dashboard_view(request: HttpRequest) -> HttpResponse:
    form, f = _filters(request)
    level = dashboard_level(f)
    user = _user(request)
    context: dict[str, Any] = {
        "form": form,
        "filters": f,
        "level": level,
        "refreshed_at": freshness(),
    }
    if level == "own":
        snap = dashboard_snapshot(list(OWN_INDICATORS), f)
        context["cards"] = [_card(request, i, f, snap) for i in OWN_INDICATORS]
        context["sections"] = []
    else:
        snap = dashboard_snapshot(list(CORE_INDICATORS), f)
        cards = [_card(request, i, f, snap) for i in CORE_INDICATORS]
        context["sections"] = [
            (label, [c for c in cards if c["indicator"].group == group])
            for group, label in SECTIONS
        ]
        map_code = request.GET.get("map", "inspections_done")
        map_indicator = INDICATOR_BY_CODE.get(map_code, INDICATOR_BY_CODE["inspections_done"])
        context.update(_map_context(request, map_indicator, f, snap))
        tenant = getattr(connection, "tenant", None)
        context["plugin_indicators"] = [
            (d.label, _plugin_value(d, tenant))
            for d in flatten(current_hooks().register_indicator_definitions(tenant=tenant))
        ]
    # A dict, not a JSON string: the template's json_script does the (safe) encoding.
    all_cards = context.get("cards", []) + [c for _l, cs in context["sections"] for c in cs]
    context["chart_data"] = {
        c["indicator"].code: {
            "labels": [p["label"] for p in c["points"]],
            "values": [p["value"] for p in c["points"]],
            "urls": [p["url"] for p in c["points"]],
        }
        for c in all_cards
    }
    context["can_performance"] = user_can(user=user, action=Action.PERFORMANCE_VIEW)
    return render(request, "analytics/dashboard.html", context)


def _plugin_value(definition: Any, tenant: Any) -> Any:
    try:
        return definition.compute(tenant=tenant)
    except Exception:
        return None


def _map_context(
    request: HttpRequest, indicator: Indicator, f: Filters, snap: Snapshot
) -> dict[str, Any]:
    regions = list(
        Office.objects.filter(level=Office.Level.REGION)
        .order_by("name", "pk")
        .values_list("pk", "code", "name")
    )
    if f.offices is not None:
        allowed = {o.region_id for o in Office.objects.filter(pk__in=f.offices)}
        regions = [r for r in regions if r[0] in allowed]
    values = region_totals(indicator, f, snap)
    divisions, _upload = map_divisions_current(tenant=getattr(connection, "tenant", None))
    drawing = geo.region_map(divisions=divisions, regions=regions, values=values)
    drill = reverse("analytics:drill", args=[indicator.code])
    return {
        "map_indicator": indicator,
        "map_shapes": [
            {
                "shape": s,
                "shown": _fmt(s.value),
                "url": f"{drill}?{_query(request, in_region=s.region_id)}",
            }
            for s in drawing.shapes
        ],
        "map_background": drawing.background,
        "map_legend": [(c, _fmt(b)) for c, b in geo.legend(values)],
        "map_choices": CORE_INDICATORS,
        "map_size": (drawing.width, drawing.height),
        "map_configure": user_can(user=_user(request), action=Action.ANALYTICS_CONFIGURE),
    }


def _drill_context(request: HttpRequest, code: str) -> tuple[Indicator, Any, Filters, str]:
    _form, f = _filters(request)
    indicator = _indicator(code, f)
    region_raw = request.GET.get("in_region", "")
    region_id = int(region_raw) if region_raw.isdigit() else None
    dim = request.GET.get("dim")
    if dim is not None and metric_dim(indicator.numerator) is None:
        dim = None
    if indicator.median:
        dim = None
    rows = drill_rows(metric=indicator.numerator, f=f, dim=dim, region_id=region_id)
    return indicator, rows, f, dim or ""


@login_required
def drill_view(request: HttpRequest, code: str) -> HttpResponse:
    indicator, rows, f, dim = _drill_context(request, code)
    source = METRIC_SOURCE[indicator.numerator]
    page_raw = request.GET.get("page", "1")
    page = int(page_raw) if page_raw.isdigit() and 0 < int(page_raw) < 100_000 else 1
    # No COUNT(*) over a million rows: fetch one row more than a page to know if there is more.
    chunk = list(rows[(page - 1) * PAGE : page * PAGE + 1])
    more = len(chunk) > PAGE
    table = [
        {
            "cells": [_cell(obj, attr) for _label, attr in source.columns],
            "url": source.link.format(pk=obj.pk) if source.link else "",
        }
        for obj in chunk[:PAGE]
    ]
    base = reverse("analytics:drill", args=[code])
    keep = {k: request.GET[k] for k in ("in_region", "dim") if request.GET.get(k)}
    return render(
        request,
        "analytics/drill.html",
        {
            "indicator": indicator,
            "source": source,
            "columns": [c[0] for c in source.columns],
            "table": table,
            "page": page,
            "dim": dim,
            "next_url": f"{base}?{_query(request, page=page + 1, **keep)}" if more else "",
            "prev_url": f"{base}?{_query(request, page=page - 1, **keep)}" if page > 1 else "",
            "export_csv": f"{base}export/?{_query(request, format='csv', **keep)}",
            "export_xlsx": f"{base}export/?{_query(request, format='xlsx', **keep)}",
            "back": reverse("analytics:dashboard") + "?" + _query(request),
            "filters": f,
        },
    )


def _cell(obj: Any, attr: str) -> Any:
    value = getattr(obj, attr, "")
    return value() if callable(value) else value


@login_required
def drill_export_view(request: HttpRequest, code: str) -> HttpResponseBase:
    indicator, rows, _f, _dim = _drill_context(request, code)
    source = METRIC_SOURCE[indicator.numerator]
    header = [str(label) for label, _a in source.columns]
    data = (
        [
            _cell(obj, a) if not hasattr(_cell(obj, a), "pk") else str(_cell(obj, a))
            for _l, a in source.columns
        ]
        for obj in rows.iterator(chunk_size=2000)
    )
    name = f"{indicator.code}-rows"
    if request.GET.get("format") == "xlsx":
        return xlsx_response(name, header, data, title=indicator.code)
    return csv_response(name, header, data)


@login_required
def export_view(request: HttpRequest, code: str) -> HttpResponseBase:
    """The data of one chart (what the dashboard shows), with the filters applied."""
    _form, f = _filters(request)
    indicator = _indicator(code, f)
    header = [_("Breakdown"), str(indicator.label)]
    rows = [[label, value] for _k, label, value in indicator_series(indicator, f)]
    rows.append([_("Total"), indicator_value(indicator, f)])
    if request.GET.get("format") == "xlsx":
        return xlsx_response(indicator.code, header, rows, title=indicator.code)
    return csv_response(indicator.code, header, rows)
