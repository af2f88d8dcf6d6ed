from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.models import User
from labourhub.analytics.forms import DashboardFilterForm
from labourhub.analytics.indicators import (
    CORE_INDICATORS,
    INDICATOR_BY_CODE,
    OWN_BY_CODE,
    OWN_INDICATORS,
)
from labourhub.analytics.reports import report_build
from labourhub.analytics.selectors import (
    PERFORMANCE_REFUSED,
    Filters,
    dashboard_scope,
    dashboard_snapshot,
    indicator_series,
    indicator_value,
    performance_allowed,
    performance_get,
)
from labourhub.analytics.services import performance_view_record
from labourhub.analytics.views import _report_scope


def _filters(request: Request) -> Filters:
    form = DashboardFilterForm(request.query_params or None)
    if request.query_params and not form.is_valid():
        raise serializers.ValidationError(form.errors.get_json_data())
    user = request.user
    assert isinstance(user, User)
    return dashboard_scope(user=user, filters=form.filters())


class IndicatorOutput(serializers.Serializer[Any]):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    description = serializers.CharField()
    unit = serializers.CharField()
    value = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)


class IndicatorListApi(APIView):
    """Every indicator the caller's role may see, with the filters applied."""

    @extend_schema(responses={200: IndicatorOutput(many=True)})
    def get(self, request: Request) -> Response:
        f = _filters(request)
        indicators = list(OWN_INDICATORS if f.inspector_id else CORE_INDICATORS)
        snap = dashboard_snapshot(indicators, f)
        data = [
            {
                "code": i.code,
                "label": str(i.label),
                "description": str(i.description),
                "unit": i.unit,
                "value": indicator_value(i, f, snap),
            }
            for i in indicators
        ]
        return Response(IndicatorOutput(data, many=True).data)


class IndicatorGetApi(APIView):
    class OutputSerializer(IndicatorOutput):
        breakdown = serializers.ListField(child=serializers.DictField())

    @extend_schema(responses={200: OutputSerializer})
    def get(self, request: Request, code: str) -> Response:
        f = _filters(request)
        indicator = (OWN_BY_CODE if f.inspector_id else INDICATOR_BY_CODE).get(code)
        if indicator is None:
            raise NotFound(_("Unknown indicator."))
        data = {
            "code": indicator.code,
            "label": str(indicator.label),
            "description": str(indicator.description),
            "unit": indicator.unit,
            "value": indicator_value(indicator, f),
            "breakdown": [
                {"key": k, "label": label, "value": str(v)}
                for k, label, v in indicator_series(indicator, f)
            ],
        }
        return Response(self.OutputSerializer(data).data)


class PerformanceGetApi(APIView):
    """One inspector's figures: only for that inspector and their supervisor; audited."""

    def get(self, request: Request, user_id: int) -> Response:
        viewer = request.user
        assert isinstance(viewer, User)
        inspector = get_object_or_404(User.objects.select_related("office"), pk=user_id)
        if not performance_allowed(viewer=viewer, inspector=inspector):
            raise PermissionDenied(_(PERFORMANCE_REFUSED))
        form = DashboardFilterForm(request.query_params or None)
        f = form.filters()
        performance_view_record(
            viewer=viewer,
            inspector=inspector,
            what="individual_api",
            period=f"{f.start:%Y-%m}..{f.end:%Y-%m}",
        )
        data = performance_get(inspector=inspector, f=f)
        return Response(
            {
                "inspector": inspector.pk,
                "inspections": str(data["inspections"]),
                "by_origin": {d: str(v) for d, v in data["by_origin"]},
                "open_cases": str(data["open_cases"]),
                "open_by_age": {d: str(v) for d, v in data["open_by_age"]},
            }
        )


class ReportGetApi(APIView):
    def get(self, request: Request, code: str) -> Response:
        offices = _report_scope(request._request)
        report = report_build(
            code=code, period=request.query_params.get("period", ""), offices=offices
        )
        return Response(
            {
                "code": report.code,
                "title": report.title,
                "subtitle": report.subtitle,
                "columns": report.columns,
                "rows": [[str(c) for c in r] for r in report.rows],
            }
        )
