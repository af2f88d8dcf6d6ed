"""Inspection API: lists, creation, authorisation, assignment, history and checklists."""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
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
from labourhub.inspections.apis.serializers import (
    ChecklistVersionOutput,
    InspectionDetailOutput,
    InspectionOutput,
    VersionInput,
    _detail,
)
from labourhub.inspections.models import (
    Assignment,
    Checklist,
    ChecklistVersion,
    Inspection,
)
from labourhub.registry.models import Establishment


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


class EstablishmentInspectionHistoryApi(APIView):
    permission_classes = [HasAction.of(Action.ESTABLISHMENT_VIEW)]

    @extend_schema(responses=InspectionOutput(many=True))
    def get(self, request: Request, establishment_id: int) -> Response:
        establishment = Establishment.objects.filter(pk=establishment_id).first()
        if establishment is None:
            raise Http404
        history = sel.establishment_inspection_history(establishment=establishment)
        return Response(InspectionOutput(history.inspections, many=True).data)


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
