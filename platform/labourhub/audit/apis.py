from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.permissions import HasAction
from labourhub.accounts.roles import Action
from labourhub.api.pagination import get_paginated_response
from labourhub.audit.events import audit_action_label
from labourhub.audit.models import AuditEvent
from labourhub.audit.payload import audit_event_lines
from labourhub.audit.selectors import audit_event_list


class AuditEventListApi(APIView):
    permission_classes = [HasAction.of(Action.AUDIT_VIEW)]

    class FilterSerializer(serializers.Serializer[Any]):
        actor = serializers.CharField(required=False, max_length=150)
        subject_type = serializers.CharField(required=False, max_length=100)
        subject_id = serializers.CharField(required=False, max_length=64)
        action = serializers.CharField(required=False, max_length=100)
        date_from = serializers.DateField(required=False)
        date_to = serializers.DateField(required=False)

    class OutputSerializer(serializers.ModelSerializer[AuditEvent]):
        action_label = serializers.SerializerMethodField()
        lines = serializers.SerializerMethodField()

        def get_action_label(self, event: AuditEvent) -> str:
            return audit_action_label(event.action)

        def get_lines(self, event: AuditEvent) -> list[str]:
            return audit_event_lines(changes=event.changes, extra=event.extra)

        class Meta:
            model = AuditEvent
            fields = [
                "id",
                "occurred_at",
                "actor_id",
                "actor_repr",
                "action",
                "action_label",
                "subject_type",
                "subject_id",
                "subject_repr",
                "changes",
                "extra",
                "lines",
                "request_id",
                "ip",
                "prev_hash",
                "hash",
            ]

    @extend_schema(parameters=[FilterSerializer], responses=OutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        return get_paginated_response(
            serializer_class=self.OutputSerializer,
            queryset=audit_event_list(filters=filters.validated_data),
            request=request,
            view=self,
        )
