"""Inspection API for the visit: start, answers, evidence, refusal, submission, corrections."""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.roles import Action
from labourhub.inspections import services as svc
from labourhub.inspections.access import _inspection, _user
from labourhub.inspections.apis.serializers import (
    CorrectionOutput,
    EvidenceOutput,
    InspectionDetailOutput,
    VersionInput,
    _detail,
)
from labourhub.inspections.models import (
    ChecklistQuestion,
    Correction,
)


class InspectionVisitStartApi(APIView):
    class InputSerializer(VersionInput):
        arrived_at = serializers.DateTimeField()
        persons_met = serializers.CharField(max_length=2000)
        workers_interviewed_female = serializers.IntegerField(min_value=0, max_value=10000)
        workers_interviewed_male = serializers.IntegerField(min_value=0, max_value=10000)

    @extend_schema(request=InputSerializer, responses=InspectionDetailOutput)
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = dict(data.validated_data)
        svc.visit_start(
            inspection=inspection, expected_version=d.pop("version"), actor=_user(request), **d
        )
        return _detail(inspection)


class InspectionAnswersSaveApi(APIView):
    class InputSerializer(VersionInput):
        values = serializers.DictField(
            child=serializers.CharField(allow_blank=True, allow_null=True, max_length=5000),
        )
        notes = serializers.DictField(
            child=serializers.CharField(allow_blank=True, max_length=2000), required=False
        )

    @extend_schema(request=InputSerializer, responses=InspectionDetailOutput)
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        svc.answers_save(
            inspection=inspection,
            values=data.validated_data["values"],
            notes=data.validated_data.get("notes"),
            expected_version=data.validated_data["version"],
            actor=_user(request),
        )
        return _detail(inspection)


class InspectionEvidenceUploadApi(APIView):
    parser_classes = [MultiPartParser, FormParser]

    class InputSerializer(serializers.Serializer[Any]):
        file = serializers.FileField()
        question = serializers.CharField(required=False, max_length=64, allow_blank=True)
        caption = serializers.CharField(
            required=False, default="", max_length=300, allow_blank=True
        )

    @extend_schema(request=InputSerializer, responses={201: EvidenceOutput})
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = None
        if code := data.validated_data.get("question"):
            question = ChecklistQuestion.objects.filter(
                section__version=inspection.checklist_version, code=code
            ).first()
            if question is None:
                raise serializers.ValidationError({"question": _("No such question.")})
        upload = data.validated_data["file"]
        evidence = svc.evidence_upload(
            inspection=inspection,
            name=upload.name,
            file=upload,
            question=question,
            caption=data.validated_data["caption"],
            actor=_user(request),
        )
        return Response(EvidenceOutput(evidence).data, status=status.HTTP_201_CREATED)


class InspectionRefuseEntryApi(APIView):
    class InputSerializer(VersionInput):
        note = serializers.CharField(max_length=2000)

    @extend_schema(request=InputSerializer, responses=InspectionDetailOutput)
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        svc.visit_refuse_entry(
            inspection=inspection,
            note=data.validated_data["note"],
            expected_version=data.validated_data["version"],
            actor=_user(request),
        )
        return _detail(inspection)


class InspectionSubmitApi(APIView):
    @extend_schema(request=VersionInput, responses=InspectionDetailOutput)
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
        data = VersionInput(data=request.data)
        data.is_valid(raise_exception=True)
        svc.inspection_submit(
            inspection=inspection,
            expected_version=data.validated_data["version"],
            actor=_user(request),
        )
        return _detail(inspection)


class InspectionCancelApi(APIView):
    class InputSerializer(VersionInput):
        reason = serializers.CharField(max_length=1000)

    @extend_schema(request=InputSerializer, responses=InspectionDetailOutput)
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id, Action.INSPECTION_PLAN)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        svc.inspection_cancel(
            inspection=inspection,
            reason=data.validated_data["reason"],
            expected_version=data.validated_data["version"],
            actor=_user(request),
        )
        return _detail(inspection)


class CorrectionRequestApi(APIView):
    class InputSerializer(serializers.Serializer[Any]):
        question = serializers.CharField(max_length=64)
        new_value = serializers.CharField(max_length=5000)
        reason = serializers.CharField(max_length=2000)

    @extend_schema(request=InputSerializer, responses={201: CorrectionOutput})
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = ChecklistQuestion.objects.filter(
            section__version=inspection.checklist_version, code=data.validated_data["question"]
        ).first()
        if question is None:
            raise serializers.ValidationError({"question": _("No such question.")})
        correction = svc.correction_request(
            inspection=inspection,
            question=question,
            new_value=data.validated_data["new_value"],
            reason=data.validated_data["reason"],
            actor=_user(request),
        )
        return Response(CorrectionOutput(correction).data, status=status.HTTP_201_CREATED)


class CorrectionDecideApi(APIView):
    class InputSerializer(serializers.Serializer[Any]):
        approve = serializers.BooleanField()
        note = serializers.CharField(required=False, default="", max_length=2000, allow_blank=True)

    @extend_schema(request=InputSerializer, responses=CorrectionOutput)
    def post(self, request: Request, inspection_id: int, correction_id: int) -> Response:
        inspection = _inspection(request, inspection_id)
        correction = Correction.objects.filter(inspection=inspection, pk=correction_id).first()
        if correction is None:
            raise Http404
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        correction = svc.correction_decide(
            correction=correction, actor=_user(request), **data.validated_data
        )
        return Response(CorrectionOutput(correction).data)
