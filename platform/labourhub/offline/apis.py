"""Offline API: assignments to take offline, the batch sync, and resumable evidence uploads."""

from typing import Any

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.permissions import HasAction
from labourhub.accounts.roles import Action
from labourhub.inspections.access import _inspection, _user
from labourhub.offline import selectors as sel
from labourhub.offline import services as svc
from labourhub.offline.models import EvidenceUpload
from labourhub.offline.services.uploads import CHUNK_MAX

MAX_VISITS = 50
MAX_ANSWERS = 500


class OfflineAssignmentListApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    class OutputSerializer(serializers.Serializer[Any]):
        id = serializers.IntegerField()
        reference = serializers.CharField()
        version = serializers.IntegerField()
        establishment = serializers.CharField(source="establishment.name")
        scheduled_for = serializers.DateField()
        status = serializers.CharField(source="get_status_display")
        # Planned within the ministry's "keep the next N days": the app takes it by itself.
        keep = serializers.SerializerMethodField()

        def get_keep(self, row: Any) -> bool:
            return row.scheduled_for is not None

    @extend_schema(responses=OutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = sel.offline_assignment_list(user=_user(request))
        return Response(self.OutputSerializer(rows, many=True).data)


class OfflineAuthorisationPdfApi(APIView):
    """The signed order to inspect, as the PDF the device keeps with the assignment."""

    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    @extend_schema(responses={(200, "application/pdf"): bytes})
    def get(self, request: Request, inspection_id: int) -> HttpResponse:
        inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
        data = sel.authorisation_pdf(inspection=inspection)
        if data is None:
            raise Http404
        response = HttpResponse(data, content_type="application/pdf")
        response["Cache-Control"] = "private, no-store"
        return response


class OfflineAssignmentPackApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    @extend_schema(responses={200: dict})
    def get(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
        return Response(sel.assignment_pack(inspection=inspection))


class _Location(serializers.Serializer[Any]):
    latitude = serializers.FloatField(min_value=-90, max_value=90)
    longitude = serializers.FloatField(min_value=-180, max_value=180)
    accuracy = serializers.FloatField(min_value=0, max_value=100000, required=False)


class _Start(serializers.Serializer[Any]):
    arrived_at = serializers.DateTimeField()
    persons_met = serializers.CharField(max_length=2000, allow_blank=True, default="")
    workers_interviewed_female = serializers.IntegerField(min_value=0, max_value=10000, default=0)
    workers_interviewed_male = serializers.IntegerField(min_value=0, max_value=10000, default=0)
    device_time = serializers.DateTimeField()
    location = _Location(required=False, allow_null=True)


class _Answer(serializers.Serializer[Any]):
    code = serializers.CharField(max_length=64)
    value = serializers.CharField(max_length=5000, allow_blank=True, allow_null=True)
    note = serializers.CharField(max_length=2000, allow_blank=True, required=False)
    base = serializers.CharField(max_length=5000, allow_blank=True, allow_null=True)
    device_time = serializers.DateTimeField()
    resolution = serializers.ChoiceField(choices=["", "mine"], required=False, default="")


class _Step(serializers.Serializer[Any]):
    note = serializers.CharField(max_length=2000, allow_blank=True, required=False)
    signed_by = serializers.CharField(max_length=200, allow_blank=True, required=False)
    minutes = serializers.CharField(max_length=5000, allow_blank=True, required=False)
    signature_sha256 = serializers.RegexField(r"^[0-9a-f]{64}$", required=False)
    device_time = serializers.DateTimeField()


class _Visit(serializers.Serializer[Any]):
    inspection = serializers.IntegerField(min_value=1)
    base_version = serializers.IntegerField(min_value=0)
    start = _Start(required=False, allow_null=True)
    answers = serializers.ListField(child=_Answer(), required=False, max_length=MAX_ANSWERS)
    refuse_entry = _Step(required=False, allow_null=True)
    submit = _Step(required=False, allow_null=True)


class OfflineSyncApi(APIView):
    """Apply a batch of offline work; posting the same ``key`` again applies nothing twice."""

    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    class InputSerializer(serializers.Serializer[Any]):
        key = serializers.RegexField(r"^[A-Za-z0-9_-]{8,64}$")
        device_id = serializers.RegexField(r"^[A-Za-z0-9_-]{0,64}$", required=False, default="")
        visits = serializers.ListField(child=_Visit(), max_length=MAX_VISITS)

    @extend_schema(request=InputSerializer, responses={200: dict})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = svc.offline_batch_apply_checked(user=_user(request), **data.validated_data)
        return Response(result)


class EvidenceUploadOutput(serializers.ModelSerializer[EvidenceUpload]):
    class Meta:
        model = EvidenceUpload
        fields = ["id", "sha256", "size", "received", "status", "evidence"]


class OfflineUploadStartApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    class InputSerializer(serializers.Serializer[Any]):
        inspection = serializers.IntegerField(min_value=1)
        sha256 = serializers.CharField(max_length=64)
        size = serializers.IntegerField(min_value=0)
        name = serializers.CharField(max_length=300)
        question = serializers.CharField(max_length=64, allow_blank=True, default="")
        caption = serializers.CharField(max_length=300, allow_blank=True, default="")
        device_time = serializers.DateTimeField(required=False, allow_null=True, default=None)

    @extend_schema(request=InputSerializer, responses={200: EvidenceUploadOutput})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = dict(data.validated_data)
        inspection = _inspection(request, d.pop("inspection"), Action.CASE_EDIT)
        upload = svc.evidence_upload_start(
            inspection=inspection, question_code=d.pop("question"), actor=_user(request), **d
        )
        return Response(EvidenceUploadOutput(upload).data)


class _Bytes(BaseParser):
    media_type = "application/octet-stream"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        return stream.read(CHUNK_MAX + 1) if stream is not None else b""


class OfflineUploadChunkApi(APIView):
    """One piece of the file, at ``?offset=``; the last piece stores the evidence."""

    permission_classes = [HasAction.of(Action.CASE_VIEW)]
    parser_classes = [_Bytes]

    @extend_schema(request={"application/octet-stream": bytes}, responses=EvidenceUploadOutput)
    def put(self, request: Request, upload_id: int) -> Response:
        upload = sel.upload_get(upload_id=upload_id)
        if upload is None:
            raise Http404
        _inspection(request, upload.inspection_id, Action.CASE_EDIT)
        try:
            offset = int(request.query_params.get("offset", ""))
        except ValueError:
            raise serializers.ValidationError({"offset": _("Give the offset in bytes.")}) from None
        body: Any = request.data
        data = body if isinstance(body, bytes) else b""
        upload = svc.evidence_upload_chunk(upload=upload, offset=offset, data=data)
        if upload.received == upload.size:
            upload = svc.evidence_upload_finish(upload=upload, actor=_user(request))
        return Response(EvidenceUploadOutput(upload).data, status=status.HTTP_200_OK)


class OfflineSettingsApi(APIView):
    """The ministry's offline settings; changing them needs the right to edit procedures."""

    permission_classes = [HasAction.of(Action.CASE_VIEW, put=Action.CALENDAR_MANAGE)]

    class Serializer(serializers.Serializer[Any]):
        record_location = serializers.BooleanField()
        keep_days = serializers.IntegerField(min_value=1, max_value=60)

    @extend_schema(responses=Serializer)
    def get(self, request: Request) -> Response:
        return Response(self.Serializer(sel.offline_settings_get()).data)

    @extend_schema(request=Serializer, responses=Serializer)
    def put(self, request: Request) -> Response:
        data = self.Serializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = svc.offline_settings_update(actor=_user(request), **data.validated_data)
        return Response(self.Serializer(row).data)
