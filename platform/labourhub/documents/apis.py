from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.models import User
from labourhub.accounts.permissions import HasAction, request_user
from labourhub.accounts.roles import Action
from labourhub.api.pagination import get_paginated_response
from labourhub.documents.contexts import subject_kinds
from labourhub.documents.forms import MAX_UPLOAD_BYTES
from labourhub.documents.kinds import kind_choices, kind_get
from labourhub.documents.models import Document, DocumentKind, Layout
from labourhub.documents.selectors import (
    document_get,
    document_list,
    document_public_verification,
    subject_resolve,
)
from labourhub.documents.services import (
    document_issue,
    document_matches,
    document_pdf_bytes,
    document_sign,
    document_template_save,
)


def _document_or_404(document_id: int, user: User) -> Document:
    document = document_get(document_id=document_id, user=user)
    if document is None:
        raise NotFound(_("No such document."))
    return document


class DocumentOutput(serializers.ModelSerializer[Document]):
    template_version = serializers.IntegerField(source="template_version.number")
    signed_sha256 = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "number",
            "kind",
            "status",
            "title",
            "subject_label",
            "template_version",
            "pdf_sha256",
            "signed_sha256",
            "verification_code",
            "created_at",
        ]

    def get_signed_sha256(self, obj: Document) -> str | None:
        signature = getattr(obj, "signature", None)
        return signature.sha256 if signature is not None else None


class DocumentListApi(APIView):
    permission_classes = [HasAction.of(Action.DOCUMENT_VIEW)]

    class FilterSerializer(serializers.Serializer[Any]):
        kind = serializers.ChoiceField(choices=DocumentKind.choices, required=False)
        q = serializers.CharField(max_length=100, required=False, default="")

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["kind"].choices = kind_choices()  # type: ignore[attr-defined]

    @extend_schema(parameters=[FilterSerializer], responses=DocumentOutput(many=True))
    def get(self, request: Request) -> Response:
        user = request_user(request)
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        return get_paginated_response(
            serializer_class=DocumentOutput,
            queryset=document_list(
                user=user,
                kind=filters.validated_data.get("kind", ""),
                search=filters.validated_data["q"],
            ),
            request=request,
            view=self,
        )


class DocumentIssueApi(APIView):
    permission_classes = [HasAction.of(Action.DOCUMENT_ISSUE)]

    class InputSerializer(serializers.Serializer[Any]):
        kind = serializers.ChoiceField(choices=DocumentKind.choices)
        subject_type = serializers.ChoiceField(
            choices=(), required=False, allow_blank=True, default=""
        )
        subject_id = serializers.CharField(
            max_length=64, required=False, allow_blank=True, default=""
        )
        extra = serializers.DictField(
            child=serializers.CharField(max_length=500), required=False, default=dict
        )

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["subject_type"].choices = [k.label for k in subject_kinds()]  # type: ignore[attr-defined]
            self.fields["kind"].choices = kind_choices()  # type: ignore[attr-defined]

        def validate_extra(self, value: dict[str, str]) -> dict[str, str]:
            if len(value) > 20:
                raise serializers.ValidationError(_("At most 20 extra fields."))
            return value

        def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
            label, subject_id = attrs.get("subject_type"), attrs.get("subject_id")
            if bool(label) != bool(subject_id):
                raise serializers.ValidationError(
                    {"subject_id": _("Give both subject_type and subject_id, or neither.")}
                )
            if label:
                attrs["subject"] = subject_resolve(label=label, subject_id=subject_id or "")
                if attrs["subject"] is None:
                    raise serializers.ValidationError(
                        {"subject_id": _("No record of that type has this id.")}
                    )
            return attrs

    @extend_schema(request=InputSerializer, responses={201: DocumentOutput})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = document_issue(
            kind=data.validated_data["kind"],
            officer=user,
            subject=data.validated_data.get("subject"),
            extra=data.validated_data["extra"],
            actor=user,
        )
        return Response(DocumentOutput(document).data, status=status.HTTP_201_CREATED)


class DocumentSignApi(APIView):
    permission_classes = [HasAction.of(Action.DOCUMENT_SIGN)]

    @extend_schema(request=None, responses=DocumentOutput)
    def post(self, request: Request, document_id: int) -> Response:
        user = request_user(request)
        document = _document_or_404(document_id, user)
        document_sign(document=document, signer=user, actor=user)
        return Response(DocumentOutput(_document_or_404(document_id, user)).data)


class DocumentPdfApi(APIView):
    permission_classes = [HasAction.of(Action.DOCUMENT_VIEW)]

    @extend_schema(responses={(200, "application/pdf"): bytes})
    def get(self, request: Request, document_id: int) -> HttpResponse:
        user = request_user(request)
        document = _document_or_404(document_id, user)
        response = HttpResponse(
            document_pdf_bytes(document=document), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'inline; filename="{document.number}.pdf"'
        return response


class DocumentTemplateSaveApi(APIView):
    permission_classes = [HasAction.of(Action.DOCUMENT_TEMPLATE_MANAGE)]

    class TextSerializer(serializers.Serializer[Any]):
        title = serializers.CharField(max_length=2000)
        body = serializers.CharField(max_length=60_000)

    class InputSerializer(serializers.Serializer[Any]):
        layout = serializers.ChoiceField(choices=Layout.choices)
        languages = serializers.ListField(
            child=serializers.CharField(max_length=8), min_length=1, max_length=2
        )
        texts = serializers.DictField(
            child=serializers.DictField(child=serializers.CharField(max_length=60_000))
        )
        note = serializers.CharField(max_length=300, required=False, default="")

    class OutputSerializer(serializers.Serializer[Any]):
        kind = serializers.CharField(source="template.kind")
        number = serializers.IntegerField()
        layout = serializers.CharField()
        languages = serializers.ListField(child=serializers.CharField())

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def post(self, request: Request, kind: str) -> Response:
        user = request_user(request)
        if kind_get(kind) is None:
            raise NotFound(_("No such document kind."))
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        version = document_template_save(kind=kind, actor=user, **data.validated_data)
        return Response(self.OutputSerializer(version).data, status=status.HTTP_201_CREATED)


class DocumentVerifyApi(APIView):
    """Public: what the verification page shows, plus an optional byte-for-byte check."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    parser_classes = [MultiPartParser]

    class OutputSerializer(serializers.Serializer[Any]):
        number = serializers.CharField()
        kind_label = serializers.CharField()
        issued_on = serializers.CharField()
        signed = serializers.BooleanField()
        signer_role = serializers.CharField()
        signed_at = serializers.DateTimeField(allow_null=True)
        sha256 = serializers.CharField()

    def _info(self, code: str) -> Any:
        info = document_public_verification(code=code[:64])
        if info is None:
            raise NotFound(_("No document has this verification code."))
        return info

    @extend_schema(responses=OutputSerializer)
    def get(self, request: Request, code: str) -> Response:
        return Response(self.OutputSerializer(self._info(code)).data)

    @extend_schema(
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
            }
        },
        responses=dict,
    )
    def post(self, request: Request, code: str) -> Response:
        self._info(code)
        upload = request.FILES.get("file")
        if upload is None:
            raise serializers.ValidationError({"file": [_("Attach the PDF to check.")]})
        if upload.size is None or upload.size > MAX_UPLOAD_BYTES:
            raise serializers.ValidationError({"file": [_("The file is larger than 20 MB.")]})
        return Response({"matches": bool(document_matches(code=code, data=upload.read()))})
