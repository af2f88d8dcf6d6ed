from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.permissions import HasAction, request_user
from labourhub.accounts.roles import Action
from labourhub.api.pagination import get_paginated_response
from labourhub.workflow.models import Alert, Case, CaseEvent, Deadline
from labourhub.workflow.selectors import (
    alert_list,
    calendar_day_list,
    case_deadlines,
    case_get,
    case_list,
    case_timeline,
    traffic_light,
)
from labourhub.workflow.services import alert_mark_read, calendar_day_add, ministry_today
from labourhub.workflow.steps import StepInput, case_step


class CaseOutput(serializers.ModelSerializer[Case]):
    light = serializers.SerializerMethodField()
    office = serializers.CharField(source="office.code")

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "procedure",
            "title",
            "state",
            "office",
            "assigned_to_id",
            "next_due_on",
            "light",
            "closed_at",
            "extra",
        ]

    def get_light(self, obj: Case) -> str:
        return traffic_light(
            next_due_on=obj.next_due_on,
            next_warn_on=obj.next_warn_on,
            today=self.context.get("today") or ministry_today(),
        )


class DeadlineOutput(serializers.ModelSerializer[Deadline]):
    class Meta:
        model = Deadline
        fields = [
            "code",
            "label",
            "amount",
            "unit",
            "start_on",
            "warn_on",
            "due_on",
            "status",
            "outcome",
            "closed_at",
        ]


class EventOutput(serializers.ModelSerializer[CaseEvent]):
    class Meta:
        model = CaseEvent
        fields = ["at", "actor_id", "kind", "from_state", "to_state", "text", "documents"]


class CaseListApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    class FilterSerializer(serializers.Serializer[Any]):
        procedure = serializers.CharField(required=False, max_length=60)
        state = serializers.CharField(required=False, max_length=60)
        light = serializers.ChoiceField(required=False, choices=["red", "amber", "green"])
        due_this_week = serializers.BooleanField(required=False)
        mine = serializers.BooleanField(required=False)
        q = serializers.CharField(required=False, max_length=100)

    @extend_schema(parameters=[FilterSerializer], responses=CaseOutput(many=True))
    def get(self, request: Request) -> Response:
        user = request_user(request)
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        today = ministry_today()
        return get_paginated_response(
            serializer_class=CaseOutput,
            queryset=case_list(user=user, filters=filters.validated_data, today=today),
            request=request,
            view=self,
        )


class CaseDetailApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    @extend_schema(responses=CaseOutput)
    def get(self, request: Request, case_id: int) -> Response:
        user = request_user(request)
        case = case_get(user=user, case_id=case_id)
        if case is None:
            raise Http404
        data = dict(CaseOutput(case, context={"today": ministry_today()}).data)
        data["deadlines"] = DeadlineOutput(case_deadlines(case=case), many=True).data
        data["timeline"] = EventOutput(case_timeline(case=case), many=True).data
        return Response(data)


class CaseTransitionApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    class InputSerializer(serializers.Serializer[Any]):
        transition = serializers.CharField(max_length=60)
        note = serializers.CharField(required=False, allow_blank=True, max_length=5000)
        documents = serializers.ListField(
            child=serializers.DictField(), required=False, max_length=20
        )
        amount = serializers.DecimalField(
            required=False, max_digits=14, decimal_places=2, min_value=0
        )
        days = serializers.IntegerField(required=False, min_value=1, max_value=365)
        choice = serializers.CharField(required=False, allow_blank=True, max_length=40)
        override_reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)

    @extend_schema(request=InputSerializer, responses=CaseOutput)
    def post(self, request: Request, case_id: int) -> Response:
        user = request_user(request)
        case = case_get(user=user, case_id=case_id)
        if case is None:
            raise Http404
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        case_step(
            case=case,
            transition=v["transition"],
            actor=user,
            data=StepInput(
                note=v.get("note", ""),
                documents=v.get("documents", []),
                amount=v.get("amount"),
                days=v.get("days"),
                choice=v.get("choice", ""),
                override_reason=v.get("override_reason", ""),
            ),
        )
        case.refresh_from_db()
        return Response(CaseOutput(case, context={"today": ministry_today()}).data)


class AlertOutput(serializers.ModelSerializer[Alert]):
    case = serializers.CharField(source="case.reference")
    deadline = serializers.CharField(source="deadline.label")
    due_on = serializers.DateField(source="deadline.due_on")

    class Meta:
        model = Alert
        fields = ["id", "kind", "case", "deadline", "due_on", "created_at", "read_at"]


class AlertListApi(APIView):
    @extend_schema(responses=AlertOutput(many=True))
    def get(self, request: Request) -> Response:
        user = request_user(request)
        return get_paginated_response(
            serializer_class=AlertOutput, queryset=alert_list(user=user), request=request, view=self
        )


class AlertReadApi(APIView):
    class InputSerializer(serializers.Serializer[Any]):
        ids = serializers.ListField(
            child=serializers.IntegerField(), required=False, max_length=1000
        )

    @extend_schema(request=InputSerializer, responses={200: dict})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = request_user(request)
        return Response(
            {"read": alert_mark_read(user=user, alert_ids=data.validated_data.get("ids"))}
        )


class CalendarDayApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW, post=Action.CALENDAR_MANAGE)]

    class InputSerializer(serializers.Serializer[Any]):
        date = serializers.DateField()
        name = serializers.CharField(max_length=200)
        kind = serializers.ChoiceField(choices=["holiday", "closure"], default="holiday")
        yearly = serializers.BooleanField(default=False)

    @extend_schema(responses={200: dict})
    def get(self, request: Request) -> Response:
        return Response(
            [
                {"id": d.pk, "date": d.date, "name": d.name, "kind": d.kind, "yearly": d.yearly}
                for d in calendar_day_list()
            ]
        )

    @extend_schema(request=InputSerializer, responses={201: dict})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        day, moved = calendar_day_add(actor=user, **data.validated_data)
        return Response({"id": day.pk, "deadlines_moved": moved}, status=201)
