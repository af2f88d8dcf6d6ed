"""The read-only open-data API: public on purpose (R16 opt-out), published values only."""

from typing import Any

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.models import Indicator
from cms.selectors import indicator_get, indicator_list, series_points
from labourhub.api.pagination import DefaultPagination, get_paginated_response


class OpenApi(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]


class IndicatorOutput(serializers.ModelSerializer[Indicator]):
    agency = serializers.CharField(source="agency.name")
    dimensions: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "definition",
            "ilo_code",
            "sdg",
            "unit",
            "decimals",
            "periodicity",
            "agency",
            "source",
            "dimensions",
        ]


class IndicatorListApi(OpenApi):
    pagination_class = DefaultPagination

    @extend_schema(
        responses=IndicatorOutput(many=True),
        tags=["open data"],
        summary="Indicators published on this ministry's LMI site",
    )
    def get(self, request: Request) -> Response:
        return get_paginated_response(
            serializer_class=IndicatorOutput, queryset=indicator_list(), request=request, view=self
        )


class IndicatorDetailApi(OpenApi):
    @extend_schema(responses=IndicatorOutput, tags=["open data"])
    def get(self, request: Request, code: str) -> Response:
        indicator = indicator_get(code=code)
        if indicator is None:
            raise Http404
        return Response(IndicatorOutput(indicator).data)


class IndicatorObservationListApi(OpenApi):
    pagination_class = DefaultPagination

    class OutputSerializer(serializers.Serializer[Any]):
        period = serializers.CharField()
        dims = serializers.DictField(child=serializers.CharField())
        value = serializers.DecimalField(
            max_digits=18,
            decimal_places=4,
            allow_null=True,
            help_text="null when suppressed (small count)",
        )
        flag = serializers.CharField(help_text="SDMX OBS_STATUS: A, P, R, B, E; C = suppressed")

    @extend_schema(
        responses=OutputSerializer(many=True),
        tags=["open data"],
        parameters=[
            OpenApiParameter("period", str, description="Only this period, e.g. 2023 or 2023-Q2"),
            OpenApiParameter(
                "dim", str, many=True, description="Dimension filter as code:value, e.g. sex:F"
            ),
        ],
    )
    def get(self, request: Request, code: str) -> Response:
        indicator = indicator_get(code=code)
        if indicator is None:
            raise Http404
        filters: dict[str, str] = {}
        for item in request.query_params.getlist("dim"):
            dim, _sep, value = item.partition(":")
            if dim.isidentifier():
                filters[dim] = value
        points = series_points(indicator=indicator, filters=filters)
        period = request.query_params.get("period")
        if period:
            points = [p for p in points if p.period == period]
        data = [
            {
                "period": p.period,
                "dims": p.dims,
                "value": p.value,
                "flag": "C" if p.value is None else p.flag,
            }
            for p in points
        ]
        paginator = DefaultPagination()
        page = paginator.paginate_queryset(data, request, view=self)
        return paginator.get_paginated_response(self.OutputSerializer(page, many=True).data)
