from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.models import Office
from labourhub.accounts.permissions import HasAction
from labourhub.accounts.roles import Action
from labourhub.api.pagination import get_paginated_response
from labourhub.registry.imports import (
    ENCODING_CHOICES,
    import_batch_check_start,
    import_batch_create,
    import_batch_run_start,
    import_batch_set_columns,
)
from labourhub.registry.models import (
    Employer,
    Establishment,
    EstablishmentMerge,
    ImportBatch,
    ImportKind,
    ImportMapping,
    ImportRowError,
    RiskLevel,
    SizeBand,
)
from labourhub.registry.selectors import (
    EstablishmentFilters,
    establishment_duplicate_candidates,
    establishment_get,
    establishment_search,
    import_batch_get,
    import_row_errors,
)
from labourhub.registry.services import (
    employer_create,
    establishment_create,
    establishment_merge,
    establishment_merge_undo,
    establishment_update,
)


def _get(establishment_id: int) -> Establishment:
    est = establishment_get(establishment_id=establishment_id)
    if est is None:
        raise Http404
    return est


class EstablishmentOutput(serializers.ModelSerializer[Establishment]):
    employer = serializers.SerializerMethodField()
    office: serializers.SlugRelatedField[Office] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = Establishment
        fields = [
            "id",
            "registration_number",
            "name",
            "employer",
            "address",
            "locality",
            "office",
            "latitude",
            "longitude",
            "isic_code",
            "size_band",
            "workers_female",
            "workers_male",
            "workers_minors",
            "hours_pattern",
            "licences",
            "status",
            "risk_level",
            "last_inspected_on",
            "opened_on",
            "extra",
            "merged_into",
            "created_at",
            "updated_at",
        ]

    def get_employer(self, obj: Establishment) -> dict[str, Any]:
        return {
            "id": obj.employer_id,
            "legal_name": obj.employer.legal_name,
            "tax_id": obj.employer.tax_id,
        }


class FilterSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(required=False, max_length=200, allow_blank=True)
    sector = serializers.RegexField(r"^([A-Ua-u]|\d{2,4})$", required=False)
    office = serializers.IntegerField(required=False, min_value=1)
    size_band = serializers.ChoiceField(choices=SizeBand.choices, required=False)
    risk_level = serializers.ChoiceField(choices=RiskLevel.choices, required=False)
    status = serializers.ChoiceField(choices=Establishment.Status.choices, required=False)
    inspected_before = serializers.DateField(required=False)
    inspected_after = serializers.DateField(required=False)
    never_inspected = serializers.BooleanField(required=False)


class EstablishmentListApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_VIEW)]

    @extend_schema(parameters=[FilterSerializer], responses=EstablishmentOutput(many=True))
    def get(self, request: Request) -> Response:
        filters = FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        try:
            limit = int(request.query_params.get("limit", 50))
        except ValueError:
            limit = 50
        page = establishment_search(
            filters=EstablishmentFilters(**filters.validated_data),  # type: ignore[typeddict-item]
            cursor=request.query_params.get("cursor", "")[:500],
            limit=limit,
        )
        return Response(
            {
                "results": EstablishmentOutput(page.items, many=True).data,
                "next_cursor": page.next_cursor,
            }
        )


class EstablishmentDetailApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_VIEW)]

    @extend_schema(responses=EstablishmentOutput)
    def get(self, request: Request, establishment_id: int) -> Response:
        return Response(EstablishmentOutput(_get(establishment_id)).data)


class EstablishmentInput(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=300)
    office = serializers.SlugRelatedField(slug_field="code", queryset=Office.objects.all())
    isic_code = serializers.RegexField(r"^\d{4}$")
    address = serializers.CharField(max_length=500, required=False, allow_blank=True)
    locality = serializers.CharField(max_length=200, required=False, allow_blank=True)
    workers_female = serializers.IntegerField(min_value=0, max_value=10_000_000, required=False)
    workers_male = serializers.IntegerField(min_value=0, max_value=10_000_000, required=False)
    workers_minors = serializers.IntegerField(min_value=0, max_value=10_000_000, required=False)
    size_band = serializers.ChoiceField(choices=SizeBand.choices, required=False)
    hours_pattern = serializers.ChoiceField(
        choices=Establishment.HoursPattern.choices, required=False
    )
    status = serializers.ChoiceField(
        choices=[c for c in Establishment.Status.choices if c[0] != "merged"], required=False
    )
    risk_level = serializers.ChoiceField(choices=RiskLevel.choices, required=False)
    latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=-90, max_value=90, required=False, allow_null=True
    )
    longitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        min_value=-180,
        max_value=180,
        required=False,
        allow_null=True,
    )
    opened_on = serializers.DateField(required=False, allow_null=True)
    extra = serializers.DictField(required=False)


class EstablishmentCreateApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_EDIT)]

    class InputSerializer(EstablishmentInput):
        registration_number = serializers.CharField(max_length=64, required=False, allow_blank=True)
        employer_id = serializers.PrimaryKeyRelatedField(
            queryset=Employer.objects.all(), required=False, source="employer"
        )
        employer_legal_name = serializers.CharField(max_length=300, required=False)
        employer_tax_id = serializers.CharField(max_length=64, required=False, allow_blank=True)

        def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
            if "employer" not in attrs and not attrs.get("employer_legal_name"):
                raise serializers.ValidationError(
                    {"employer_id": _("Give an existing employer or a new employer's name.")}
                )
            return attrs

    @extend_schema(request=InputSerializer, responses={201: EstablishmentOutput})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        employer = values.pop("employer", None)
        legal_name = values.pop("employer_legal_name", "")
        tax_id = values.pop("employer_tax_id", "")
        from django.db import transaction

        with transaction.atomic():
            if employer is None:
                employer = employer_create(legal_name=legal_name, tax_id=tax_id, actor=request.user)
            est = establishment_create(employer=employer, actor=request.user, **values)
        return Response(EstablishmentOutput(est).data, status=status.HTTP_201_CREATED)


class EstablishmentUpdateApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_EDIT)]

    class InputSerializer(EstablishmentInput):
        pass

    @extend_schema(request=InputSerializer, responses=EstablishmentOutput)
    def post(self, request: Request, establishment_id: int) -> Response:
        est = _get(establishment_id)
        data = self.InputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        est = establishment_update(
            establishment=est, data=dict(data.validated_data), actor=request.user
        )
        return Response(EstablishmentOutput(est).data)


class EstablishmentDuplicatesApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_VIEW)]

    def get(self, request: Request, establishment_id: int) -> Response:
        est = _get(establishment_id)
        return Response(
            [
                {
                    "establishment": EstablishmentOutput(c.establishment).data,
                    "score": c.score,
                    "reasons": c.reasons,
                }
                for c in establishment_duplicate_candidates(establishment=est)
            ]
        )


class EstablishmentMergeApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_MERGE)]

    class InputSerializer(serializers.Serializer[Any]):
        duplicate_id = serializers.IntegerField(min_value=1)
        reason = serializers.CharField(max_length=500, required=False, allow_blank=True)

    @extend_schema(request=InputSerializer, responses={200: dict})
    def post(self, request: Request, establishment_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        survivor = _get(establishment_id)
        duplicate = _get(data.validated_data["duplicate_id"])
        merge = establishment_merge(
            survivor=survivor,
            duplicate=duplicate,
            reason=data.validated_data.get("reason", ""),
            actor=request.user,
        )
        return Response({"merge_id": merge.pk, "moved": merge.moved})


class EstablishmentMergeUndoApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_MERGE)]

    def post(self, request: Request, merge_id: int) -> Response:
        merge = EstablishmentMerge.objects.filter(pk=merge_id).first()
        if merge is None:
            raise Http404
        establishment_merge_undo(merge=merge, actor=request.user)
        return Response({"merge_id": merge.pk, "undone": True})


class ImportBatchOutput(serializers.ModelSerializer[ImportBatch]):
    class Meta:
        model = ImportBatch
        fields = [
            "id",
            "kind",
            "status",
            "original_name",
            "file_size",
            "sha256",
            "columns",
            "total_rows",
            "processed_rows",
            "valid_rows",
            "error_rows",
            "existing_rows",
            "created_rows",
            "failure",
            "percent",
            "created_at",
            "checked_at",
            "finished_at",
        ]


def _batch(batch_id: int) -> ImportBatch:
    batch = import_batch_get(batch_id=batch_id)
    if batch is None:
        raise Http404
    return batch


class ImportBatchCreateApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_IMPORT)]
    parser_classes = [MultiPartParser]

    class InputSerializer(serializers.Serializer[Any]):
        kind = serializers.ChoiceField(choices=ImportKind.choices)
        file = serializers.FileField(allow_empty_file=False, max_length=255)
        encoding = serializers.ChoiceField(
            choices=ENCODING_CHOICES, required=False, default="utf-8"
        )
        mapping = serializers.SlugRelatedField(
            slug_field="name", queryset=ImportMapping.objects.all(), required=False, allow_null=True
        )

    @extend_schema(request=InputSerializer, responses={201: ImportBatchOutput})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        batch = import_batch_create(
            kind=v["kind"],
            upload=v["file"],
            encoding=v["encoding"],
            mapping=v.get("mapping"),
            actor=request.user,
            language=request.LANGUAGE_CODE,
        )
        return Response(ImportBatchOutput(batch).data, status=status.HTTP_201_CREATED)


class ImportBatchDetailApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_IMPORT)]

    @extend_schema(responses=ImportBatchOutput)
    def get(self, request: Request, batch_id: int) -> Response:
        return Response(ImportBatchOutput(_batch(batch_id)).data)


class ImportBatchCheckApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_IMPORT)]

    class InputSerializer(serializers.Serializer[Any]):
        columns = serializers.DictField(
            child=serializers.CharField(max_length=200, allow_blank=True), required=False
        )

    @extend_schema(request=InputSerializer, responses=ImportBatchOutput)
    def post(self, request: Request, batch_id: int) -> Response:
        batch = _batch(batch_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if "columns" in data.validated_data:
            batch = import_batch_set_columns(
                batch=batch, columns=data.validated_data["columns"], actor=request.user
            )
        import_batch_check_start(batch=batch, actor=request.user)
        return Response(ImportBatchOutput(batch).data, status=status.HTTP_202_ACCEPTED)


class ImportBatchRunApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_IMPORT)]

    @extend_schema(request=None, responses=ImportBatchOutput)
    def post(self, request: Request, batch_id: int) -> Response:
        batch = _batch(batch_id)
        import_batch_run_start(batch=batch, actor=request.user)
        return Response(ImportBatchOutput(batch).data, status=status.HTTP_202_ACCEPTED)


class ImportRowErrorOutput(serializers.ModelSerializer[ImportRowError]):
    class Meta:
        model = ImportRowError
        fields = ["row_number", "column", "code", "message", "value"]


class ImportBatchErrorsApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_IMPORT)]

    @extend_schema(responses=ImportRowErrorOutput(many=True))
    def get(self, request: Request, batch_id: int) -> Response:
        return get_paginated_response(
            serializer_class=ImportRowErrorOutput,
            queryset=import_row_errors(batch=_batch(batch_id)),
            request=request,
            view=self,
        )


__all__ = ["ValidationError"]
