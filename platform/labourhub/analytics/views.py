"""Staff pages under /app/analytics/: dashboards, drill-down lists, performance, reports."""

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from labourhub.accounts.models import Office, User
from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action, Scope
from labourhub.accounts.selectors import user_can, user_scope_for
from labourhub.analytics import geo
from labourhub.analytics.exports import csv_response, xlsx_response
from labourhub.analytics.forms import DashboardFilterForm, ScheduleForm, SettingsForm
from labourhub.analytics.indicators import (
    CORE_INDICATORS,
    INDICATOR_BY_CODE,
    OWN_BY_CODE,
    OWN_INDICATORS,
    Indicator,
)
from labourhub.analytics.models import ReportSchedule
from labourhub.analytics.reports import REPORTS, plugin_reports, report_build, report_render
from labourhub.analytics.selectors import (
    NOT_ALLOWED,
    PERFORMANCE_REFUSED,
    Filters,
    Snapshot,
    analytics_settings_get,
    dashboard_level,
    dashboard_scope,
    dashboard_snapshot,
    drill_rows,
    freshness,
    indicator_series,
    indicator_value,
    office_ranking,
    offices_in,
    performance_allowed,
    performance_get,
    region_totals,
)
from labourhub.analytics.services import (
    analytics_settings_update,
    performance_view_record,
    report_schedule_create,
)
from labourhub.analytics.sources import METRIC_SOURCE, metric_dim
from labourhub.common.db import current_schema
from labourhub.common.forms import form_apply_errors
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
        Office.objects.filter(level=Office.Level.REGION).values_list("pk", "code", "name")
    )
    if f.offices is not None:
        allowed = {o.region_id for o in Office.objects.filter(pk__in=f.offices)}
        regions = [r for r in regions if r[0] in allowed]
    values = region_totals(indicator, f, snap)
    shapes = geo.region_shapes(schema=current_schema(), regions=regions, values=values)
    drill = reverse("analytics:drill", args=[indicator.code])
    return {
        "map_indicator": indicator,
        "map_shapes": [
            {
                "shape": s,
                "shown": _fmt(s.value),
                "url": f"{drill}?{_query(request, in_region=s.region_id)}",
            }
            for s in shapes
        ],
        "map_legend": [(c, _fmt(b)) for c, b in geo.legend(values)],
        "map_choices": CORE_INDICATORS,
        "map_size": (geo.WIDTH, geo.HEIGHT),
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


# -- fairness: individual performance --------------------------------------------------------


@login_required
def performance_view(request: HttpRequest, user_id: int) -> HttpResponse:
    viewer = _user(request)
    inspector = get_object_or_404(User.objects.select_related("office"), pk=user_id)
    if not performance_allowed(viewer=viewer, inspector=inspector):
        raise PermissionDenied(_(PERFORMANCE_REFUSED))
    form = DashboardFilterForm(request.GET or None)
    f = form.filters()
    performance_view_record(
        viewer=viewer,
        inspector=inspector,
        what="individual",
        period=f"{f.start:%Y-%m}..{f.end:%Y-%m}",
    )
    return render(
        request,
        "analytics/performance.html",
        {
            "inspector": inspector,
            "data": performance_get(inspector=inspector, f=f),
            "form": form,
            "filters": f,
        },
    )


@login_required
def team_view(request: HttpRequest) -> HttpResponse:
    viewer = _user(request)
    scope = user_scope_for(user=viewer, action=Action.PERFORMANCE_VIEW)
    if scope is None or viewer.office is None:
        raise PermissionDenied(_(PERFORMANCE_REFUSED))
    form = DashboardFilterForm(request.GET or None)
    f = form.filters()
    settings_obj = analytics_settings_get()
    is_supervisor = (
        user_can(user=viewer, action=Action.PERFORMANCE_VIEW, office=viewer.office)
        and scope > Scope.OWN
    )
    ranking = None
    if is_supervisor and settings_obj.ranking_enabled:
        ranking = office_ranking(office=viewer.office, f=f)
        performance_view_record(
            viewer=viewer,
            inspector=None,
            what="office_ranking",
            period=f"{f.start:%Y-%m}..{f.end:%Y-%m}",
        )
    return render(
        request,
        "analytics/team.html",
        {
            "ranking": ranking,
            "ranking_enabled": settings_obj.ranking_enabled,
            "is_supervisor": is_supervisor,
            "form": form,
            "filters": f,
        },
    )


@staff_page(Action.ANALYTICS_CONFIGURE, message=NOT_ALLOWED)
@require_http_methods(["GET", "POST"])
def settings_view(request: StaffRequest) -> HttpResponse:
    current = analytics_settings_get()
    form = SettingsForm(
        request.POST or None,
        initial={
            "ranking_enabled": current.ranking_enabled,
            "min_wage_patterns": "\n".join(current.min_wage_patterns),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            analytics_settings_update(
                actor=request.user,
                ranking_enabled=form.cleaned_data["ranking_enabled"],
                min_wage_patterns=form.patterns(),
            )
        except ValidationError as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("Settings saved."))
            return HttpResponseRedirect(reverse("analytics:settings"))
    return render(
        request,
        "analytics/settings.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


# -- reports -------------------------------------------------------------------------------


def _report_choices() -> list[tuple[str, str]]:
    return [(c, str(s.label)) for c, s in REPORTS.items()] + [
        (c, str(d.label)) for c, d in plugin_reports().items()
    ]


def _report_scope(request: HttpRequest) -> frozenset[int] | None:
    user = _user(request)
    scope = user_scope_for(user=user, action=Action.REPORT_VIEW)
    if scope is None:
        raise PermissionDenied(_(NOT_ALLOWED))
    if scope == Scope.MINISTRY:
        return None
    if user.office is None:
        return frozenset()
    office = (
        user.office.parent
        if scope == Scope.REGION and user.office.parent is not None
        else user.office
    )
    return offices_in(office)


@login_required
def report_list_view(request: HttpRequest) -> HttpResponse:
    _report_scope(request)
    return render(
        request,
        "analytics/reports.html",
        {
            "reports": _report_choices(),
            "schedules": ReportSchedule.objects.select_related("office")
            if user_can(user=request.user, action=Action.ANALYTICS_CONFIGURE)
            else None,
        },
    )


@login_required
def report_view(request: HttpRequest, code: str) -> HttpResponse:
    offices = _report_scope(request)
    if code not in dict(_report_choices()):
        raise Http404(_("Unknown report."))
    spec = REPORTS.get(code)
    period = request.GET.get("period", "")
    office_raw = request.GET.get("office", "")
    office = Office.objects.filter(pk=int(office_raw)).first() if office_raw.isdigit() else None
    if spec is not None and not period:
        from django.utils import timezone

        today = timezone.localdate()
        period = str(today.year) if spec.period == "year" else f"{today:%Y-%m}"
    error = ""
    report = None
    try:
        report = report_build(code=code, period=period, office=office, offices=offices)
    except ValidationError as exc:
        error = "; ".join(m for msgs in exc.message_dict.values() for m in msgs)
    fmt = request.GET.get("format", "html")
    if report is not None and fmt in ("pdf", "xlsx", "csv"):
        content, mime, ext = report_render(report=report, file_format=fmt)
        response = HttpResponse(content, content_type=mime)
        response["Content-Disposition"] = f'attachment; filename="{code}-{period or "now"}.{ext}"'
        return response
    query = urlencode({k: v for k, v in (("period", period), ("office", office_raw)) if v})
    return render(
        request,
        "analytics/report.html",
        {
            "code": code,
            "spec": spec,
            "report": report,
            "period": period,
            "error": error,
            "offices": Office.objects.order_by("name")
            if offices is None
            else Office.objects.filter(pk__in=offices).order_by("name"),
            "office_id": office.pk if office else None,
            "query": query,
        },
        status=400 if error else 200,
    )


@staff_page(Action.ANALYTICS_CONFIGURE, message=NOT_ALLOWED)
@require_http_methods(["GET", "POST"])
def schedule_view(request: StaffRequest) -> HttpResponse:
    form = ScheduleForm(
        request.POST or None, report_choices=[(c, str(s.label)) for c, s in REPORTS.items()]
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report_schedule_create(
                actor=request.user,
                report=data["report"],
                frequency=data["frequency"],
                file_format=data["file_format"],
                office=data["office"],
                recipients=data["recipients"].replace(",", "\n").splitlines(),
            )
        except ValidationError as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("The report is scheduled."))
            return HttpResponseRedirect(reverse("analytics:reports"))
    return render(
        request,
        "analytics/schedule.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
