"""API: a run's progress and counts (for the administrator's scripts; never open to partners)."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.permissions import HasAction
from labourhub.accounts.roles import Action
from labourhub.connectors import selectors
from labourhub.connectors.models import ConnectorRun


class ConnectorRunOutput(serializers.ModelSerializer[ConnectorRun]):
    message = serializers.SerializerMethodField()
    row_errors = serializers.SerializerMethodField()
    percent = serializers.IntegerField()

    class Meta:
        model = ConnectorRun
        fields = [
            "id",
            "source_id",
            "status",
            "file_name",
            "content_hash",
            "total_rows",
            "processed_rows",
            "percent",
            "created_count",
            "updated_count",
            "unchanged_count",
            "removed_count",
            "matched_count",
            "error_count",
            "message",
            "row_errors",
            "created_at",
            "finished_at",
            "duration_ms",
        ]

    def get_message(self, obj: ConnectorRun) -> str:
        """The file-level problem, in the caller's language."""
        return selectors.connector_run_message(run=obj)

    def get_row_errors(self, obj: ConnectorRun) -> list[dict[str, object]]:
        """Up to 200 record errors (line, field, text in the caller's language)."""
        return [
            {"line": e.line, "field": e.field, "text": e.text}
            for e in selectors.connector_run_errors(run=obj)
        ]


class ConnectorRunDetailApi(APIView):
    permission_classes = [HasAction.of(Action.USER_MANAGE)]

    @extend_schema(responses=ConnectorRunOutput)
    def get(self, request: Request, run_id: int) -> Response:
        run = selectors.connector_run_get(run_id=run_id)
        if run is None:
            raise Http404
        return Response(ConnectorRunOutput(run).data)
