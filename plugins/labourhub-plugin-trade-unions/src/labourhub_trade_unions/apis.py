from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.plugin_api import Action, HasAction, get_paginated_response
from labourhub_trade_unions.models import TradeUnion
from labourhub_trade_unions.selectors import union_list
from labourhub_trade_unions.services import union_file


class UnionOutput(serializers.ModelSerializer[TradeUnion]):
    officers = serializers.SerializerMethodField()

    class Meta:
        model = TradeUnion
        fields = [
            "id",
            "file_number",
            "name",
            "acronym",
            "kind",
            "employer_name",
            "municipality",
            "members_count",
            "status",
            "certificate_number",
            "created_at",
            "decided_at",
            "officers",
        ]

    def get_officers(self, obj: TradeUnion) -> list[dict[str, str]]:
        return [{"full_name": o.full_name, "position": o.position} for o in obj.officers.all()]


class UnionListApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    class FilterSerializer(serializers.Serializer[Any]):
        status = serializers.ChoiceField(
            choices=TradeUnion.Status.choices, required=False, default=""
        )
        q = serializers.CharField(max_length=100, required=False, default="")

    @extend_schema(parameters=[FilterSerializer], responses=UnionOutput(many=True))
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        return get_paginated_response(
            serializer_class=UnionOutput,
            request=request,
            view=self,
            queryset=union_list(
                status=filters.validated_data["status"], search=filters.validated_data["q"]
            ),
        )


class UnionFileApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_EDIT)]

    class InputSerializer(serializers.Serializer[Any]):
        class OfficerSerializer(serializers.Serializer[Any]):
            full_name = serializers.CharField(max_length=200)
            position = serializers.CharField(max_length=100)

        name = serializers.CharField(max_length=200)
        acronym = serializers.CharField(max_length=30, required=False, default="")
        kind = serializers.ChoiceField(choices=TradeUnion.Kind.choices)
        employer_name = serializers.CharField(max_length=200, required=False, default="")
        municipality = serializers.CharField(max_length=100)
        members_count = serializers.IntegerField(min_value=0, max_value=10**6)
        officers = OfficerSerializer(many=True, allow_empty=False, max_length=100)  # type: ignore[call-arg]

    @extend_schema(request=InputSerializer, responses={201: UnionOutput})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["officers"] = [(o["full_name"], o["position"]) for o in values["officers"]]
        union = union_file(**values, actor=request.user)
        return Response(UnionOutput(union).data, status=status.HTTP_201_CREATED)
