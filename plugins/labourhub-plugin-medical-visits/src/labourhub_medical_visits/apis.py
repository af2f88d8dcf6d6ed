from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.plugin_api import Action, HasAction, get_paginated_response
from labourhub_medical_visits.models import Examination, MedicalVisit
from labourhub_medical_visits.selectors import examination_list, visit_get, visit_list
from labourhub_medical_visits.services import health_data_read


class VisitOutput(serializers.ModelSerializer[MedicalVisit]):
    establishment = serializers.CharField(source="establishment.registration_number")
    examined = serializers.IntegerField(read_only=True)

    class Meta:
        model = MedicalVisit
        fields = [
            "id",
            "number",
            "establishment",
            "planned_for",
            "visited_on",
            "status",
            "purpose",
            "exposures",
            "workers_present",
            "workplace_notes",
            "examined",
        ]


class ExaminationOutput(serializers.ModelSerializer[Examination]):
    class Meta:
        model = Examination
        fields = [
            "id",
            "certificate_number",
            "worker_name",
            "worker_id_number",
            "sex",
            "birth_year",
            "job_title",
            "exposures",
            "clinical_findings",
            "fitness",
            "restrictions",
        ]


class VisitListApi(APIView):
    """Visits without health data: anyone who sees cases may list them."""

    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    class FilterSerializer(serializers.Serializer[Any]):
        status = serializers.ChoiceField(
            choices=MedicalVisit.Status.choices, required=False, default=""
        )
        q = serializers.CharField(max_length=100, required=False, default="")

    @extend_schema(parameters=[FilterSerializer], responses=VisitOutput(many=True))
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        return get_paginated_response(
            serializer_class=VisitOutput,
            request=request,
            view=self,
            queryset=visit_list(
                status=filters.validated_data["status"], search=filters.validated_data["q"]
            ),
        )


class ExaminationListApi(APIView):
    """Health data: the occupational physician only; every read is audited."""

    permission_classes = [HasAction.of(Action.HEALTH_DATA_VIEW)]

    @extend_schema(responses=ExaminationOutput(many=True))
    def get(self, request: Request, visit_id: int) -> Response:
        visit = visit_get(visit_id=visit_id)
        if visit is None:
            raise NotFound
        health_data_read(visit=visit, actor=request.user)
        return Response(ExaminationOutput(examination_list(visit=visit), many=True).data)
