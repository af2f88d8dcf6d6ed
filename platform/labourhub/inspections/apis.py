"""Inspections over HTTP (R14): one APIView per operation. Writes carry ``version``; a stale
one gets 409 with ``extra.current_version`` (the offline app re-fetches and merges)."""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.models import User
from labourhub.accounts.permissions import HasAction, request_user
from labourhub.accounts.roles import Action
from labourhub.api.pagination import get_paginated_response
from labourhub.inspections import selectors as sel
from labourhub.inspections import services as svc
from labourhub.inspections.access import _inspection, _user
from labourhub.inspections.models import (
    Answer,
    Assignment,
    Checklist,
    ChecklistQuestion,
    ChecklistVersion,
    Correction,
    Evidence,
    Finding,
    Inspection,
    InspectionAuthorisation,
)
from labourhub.registry.models import Establishment


class InspectionOutput(serializers.ModelSerializer[Inspection]):
    establishment_name = serializers.CharField(source="establishment.name", read_only=True)
    office = serializers.CharField(source="office.code", read_only=True)

    class Meta:
        model = Inspection
        fields = [
            "id",
            "reference",
            "establishment",
            "establishment_name",
            "office",
            "campaign",
            "origin",
            "origin_reference",
            "status",
            "version",
            "scheduled_for",
            "inspector",
            "checklist_version",
            "arrived_at",
            "persons_met",
            "workers_interviewed_female",
            "workers_interviewed_male",
            "outcome",
            "submitted_at",
            "minutes",
            "cancelled_reason",
        ]


class AnswerOutput(serializers.ModelSerializer[Answer]):
    code = serializers.CharField(source="question.code")

    class Meta:
        model = Answer
        fields = ["code", "value", "note", "amended"]


class FindingOutput(serializers.ModelSerializer[Finding]):
    class Meta:
        model = Finding
        fields = [
            "id",
            "question",
            "provision",
            "description",
            "workers_affected_female",
            "workers_affected_male",
            "severity",
            "corrective_measure",
            "penalty_min",
            "penalty_max",
            "child_labour",
            "withdrawn_by",
        ]


class EvidenceOutput(serializers.ModelSerializer[Evidence]):
    class Meta:
        model = Evidence
        fields = [
            "id",
            "question",
            "original_name",
            "sha256",
            "size",
            "content_type",
            "caption",
            "created_at",
        ]


class AuthorisationOutput(serializers.ModelSerializer[InspectionAuthorisation]):
    class Meta:
        model = InspectionAuthorisation
        fields = [
            "id",
            "number",
            "signer",
            "signer_role",
            "signed_at",
            "sha256",
            "valid_until",
            "status",
            "document",
        ]


class AssignmentOutput(serializers.ModelSerializer[Assignment]):
    class Meta:
        model = Assignment
        fields = [
            "id",
            "method",
            "assignee",
            "team_ids",
            "previous_assignee",
            "seed",
            "candidate_ids",
            "excluded",
            "rule",
            "reason",
            "assigned_by",
            "created_at",
        ]


class CorrectionOutput(serializers.ModelSerializer[Correction]):
    class Meta:
        model = Correction
        fields = [
            "id",
            "question",
            "original_value",
            "new_value",
            "reason",
            "status",
            "requested_by",
            "decided_by",
            "decided_at",
            "decision_note",
        ]


class InspectionDetailOutput(InspectionOutput):
    answers = AnswerOutput(many=True, read_only=True)
    findings = FindingOutput(many=True, read_only=True)
    evidence = EvidenceOutput(many=True, read_only=True)
    authorisations = AuthorisationOutput(many=True, read_only=True)
    assignments = AssignmentOutput(many=True, read_only=True)
    corrections = CorrectionOutput(many=True, read_only=True)

    class Meta(InspectionOutput.Meta):
        fields = [
            *InspectionOutput.Meta.fields,
            "answers",
            "findings",
            "evidence",
            "authorisations",
            "assignments",
            "corrections",
        ]


def _detail(inspection: Inspection, code: int = status.HTTP_200_OK) -> Response:
    fresh = sel.inspection_get(inspection_id=inspection.pk)
    return Response(InspectionDetailOutput(fresh).data, status=code)


class VersionInput(serializers.Serializer[Any]):
    version = serializers.IntegerField(min_value=1)


class InspectionListApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    class FilterSerializer(serializers.Serializer[Any]):
        status = serializers.ChoiceField(choices=Inspection.Status.choices, required=False)
        origin = serializers.ChoiceField(choices=Inspection.Origin.choices, required=False)
        establishment_id = serializers.IntegerField(required=False)
        inspector_id = serializers.IntegerField(required=False)
        campaign_id = serializers.IntegerField(required=False)
        search = serializers.CharField(required=False, max_length=100)

    @extend_schema(parameters=[FilterSerializer], responses=InspectionOutput(many=True))
    def get(self, request: Request) -> Response:
        user = request_user(request)
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        return get_paginated_response(
            serializer_class=InspectionOutput,
            request=request,
            view=self,
            queryset=sel.inspection_list(user=user, filters=filters.validated_data),
        )


class InspectionMineApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    @extend_schema(responses=dict)
    def get(self, request: Request) -> Response:
        user = request_user(request)
        mine = sel.inspection_list_mine(user=user)
        return Response(
            {
                part: InspectionOutput(getattr(mine, part), many=True).data
                for part in ("today", "week", "overdue")
            }
        )


class InspectionCreateApi(APIView):
    permission_classes = [HasAction.of(Action.INSPECTION_PLAN)]

    class InputSerializer(serializers.Serializer[Any]):
        establishment = serializers.IntegerField()
        origin = serializers.ChoiceField(choices=Inspection.Origin.choices)
        origin_reference = serializers.CharField(
            required=False, default="", max_length=64, allow_blank=True
        )
        checklist = serializers.IntegerField(required=False)
        scheduled_for = serializers.DateField(required=False)

    @extend_schema(request=InputSerializer, responses={201: InspectionDetailOutput})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        establishment = Establishment.objects.filter(pk=d["establishment"]).first()
        if establishment is None:
            raise serializers.ValidationError({"establishment": _("No such establishment.")})
        checklist = None
        if d.get("checklist"):
            checklist = Checklist.objects.filter(pk=d["checklist"]).first()
            if checklist is None:
                raise serializers.ValidationError({"checklist": _("No such checklist.")})
        inspection = svc.inspection_create(
            establishment=establishment,
            origin=d["origin"],
            checklist=checklist,
            origin_reference=d["origin_reference"],
            scheduled_for=d.get("scheduled_for"),
            actor=user,
        )
        return _detail(inspection, status.HTTP_201_CREATED)


class InspectionDetailApi(APIView):
    @extend_schema(responses=InspectionDetailOutput)
    def get(self, request: Request, inspection_id: int) -> Response:
        return _detail(_inspection(request, inspection_id))


class InspectionAuthoriseApi(APIView):
    @extend_schema(request=VersionInput, responses=InspectionDetailOutput)
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id)
        data = VersionInput(data=request.data)
        data.is_valid(raise_exception=True)
        svc.authorisation_issue(
            inspection=inspection,
            signer=_user(request),
            expected_version=data.validated_data["version"],
            actor=_user(request),
        )
        return _detail(inspection)


class InspectionAssignApi(APIView):
    class InputSerializer(VersionInput):
        method = serializers.ChoiceField(choices=Assignment.Method.choices)
        reason = serializers.CharField(max_length=500)
        assignee = serializers.IntegerField(required=False)
        team = serializers.ListField(
            child=serializers.IntegerField(), required=False, max_length=20
        )
        rule = serializers.CharField(required=False, default="", max_length=64, allow_blank=True)

    @extend_schema(request=InputSerializer, responses=InspectionDetailOutput)
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        ids = [*(d.get("team") or []), *([d["assignee"]] if d.get("assignee") else [])]
        people = {u.pk: u for u in User.objects.filter(pk__in=ids)}
        if len(people) != len(set(ids)):
            raise serializers.ValidationError({"assignee": _("Unknown user.")})
        svc.inspection_assign(
            inspection=inspection,
            method=d["method"],
            reason=d["reason"],
            assignee=people.get(d.get("assignee") or 0),
            team=[people[i] for i in d.get("team") or []],
            rule=d["rule"],
            expected_version=d["version"],
            actor=_user(request),
        )
        return _detail(inspection)


class AssignmentReplayApi(APIView):
    @extend_schema(responses=dict)
    def get(self, request: Request, inspection_id: int, assignment_id: int) -> Response:
        inspection = _inspection(request, inspection_id)
        assignment = sel.assignment_list(inspection=inspection).filter(pk=assignment_id).first()
        if assignment is None:
            raise Http404
        replayed = sel.assignment_replay(assignment=assignment)
        return Response(
            {
                "seed": assignment.seed,
                "candidate_ids": assignment.candidate_ids,
                "recorded_assignee": assignment.assignee_id,
                "replayed_assignee": replayed,
                "matches": replayed == assignment.assignee_id,
            }
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


class EstablishmentInspectionHistoryApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_VIEW)]

    @extend_schema(responses=InspectionOutput(many=True))
    def get(self, request: Request, establishment_id: int) -> Response:
        establishment = Establishment.objects.filter(pk=establishment_id).first()
        if establishment is None:
            raise Http404
        history = sel.establishment_inspection_history(establishment=establishment)
        return Response(InspectionOutput(history.inspections, many=True).data)


class ChecklistVersionOutput(serializers.ModelSerializer[ChecklistVersion]):
    checklist_code = serializers.CharField(source="checklist.code")
    questions = serializers.SerializerMethodField()

    class Meta:
        model = ChecklistVersion
        fields = [
            "id",
            "checklist",
            "checklist_code",
            "number",
            "status",
            "published_at",
            "questions",
        ]

    def get_questions(self, obj: ChecklistVersion) -> list[dict[str, Any]]:
        return [
            {
                "code": q.code,
                "section": q.section.title,
                "text": q.text,
                "kind": q.kind,
                "choices": q.choices,
                "required": q.required,
                "condition_code": q.condition_code,
                "condition_value": q.condition_value,
                "noncompliant_value": q.noncompliant_value,
                "provision": q.provision,
                "corrective_measure": q.corrective_measure,
                "penalty_min": q.penalty_min,
                "penalty_max": q.penalty_max,
                "penalty_unit": q.penalty_unit,
                "severity": q.severity,
                "child_labour": q.child_labour,
            }
            for q in sel.checklist_version_questions(version=obj)
        ]


class ChecklistVersionListApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    @extend_schema(responses=ChecklistVersionOutput(many=True))
    def get(self, request: Request) -> Response:
        qs = (
            ChecklistVersion.objects.select_related("checklist")
            .exclude(status=ChecklistVersion.Status.DRAFT)
            .order_by("checklist__code", "number")
        )
        return get_paginated_response(
            serializer_class=ChecklistVersionOutput, queryset=qs, request=request, view=self
        )
