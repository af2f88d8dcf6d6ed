from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.permissions import HasAction, request_user
from labourhub.accounts.roles import Action
from labourhub.complaints.models import Complaint
from labourhub.complaints.selectors import complainant_identity, complaint_get, complaint_list
from labourhub.complaints.services import (
    complaint_dispute_open,
    complaint_inspection_open,
    complaint_register,
)
from labourhub.registry.models import Establishment


class ComplaintOutput(serializers.ModelSerializer[Complaint]):
    reference = serializers.CharField(source="case.reference")
    case_id = serializers.IntegerField(source="case.pk")
    complainant = serializers.SerializerMethodField()
    inspection = serializers.SerializerMethodField()
    dispute_case_id = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "id",
            "reference",
            "case_id",
            "channel",
            "subject",
            "description",
            "establishment_id",
            "employer_text",
            "child_labour",
            "anonymous",
            "triage",
            "triage_reason",
            "possible_duplicate_of_id",
            "complainant",
            "inspection",
            "dispute_case_id",
        ]

    def get_inspection(self, obj: Complaint) -> dict[str, Any] | None:
        """The inspection opened from the complaint and its result so far."""
        found = obj.inspection
        if found is None:
            return None
        return {
            "id": found.pk,
            "reference": found.reference,
            "status": found.status,
            "outcome": found.outcome,
            "findings": found.findings.filter(withdrawn_by__isnull=True).count(),
        }

    def get_dispute_case_id(self, obj: Complaint) -> int | None:
        # The reverse one-to-one raises (an AttributeError) when there is no dispute.
        dispute = getattr(obj, "dispute", None)
        return dispute.case_id if dispute is not None else None

    def get_complainant(self, obj: Complaint) -> dict[str, str]:
        return complainant_identity(user=self.context["user"], complaint=obj)


class ComplaintListApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]
    partner_resource = "complaints"  # a partner with complaints:write files complaints here

    class InputSerializer(serializers.Serializer[Any]):
        subject = serializers.CharField(max_length=200)
        description = serializers.CharField(max_length=10000)
        channel = serializers.ChoiceField(choices=["staff", "phone"], default="staff")
        establishment = serializers.SlugRelatedField(
            slug_field="registration_number",
            queryset=Establishment.objects.all(),
            required=False,
            allow_null=True,
        )
        employer_text = serializers.CharField(max_length=300, required=False, allow_blank=True)
        anonymous = serializers.BooleanField(default=False)
        complainant_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
        complainant_contact = serializers.CharField(
            max_length=200, required=False, allow_blank=True
        )
        child_labour = serializers.BooleanField(default=False)

    @extend_schema(responses=ComplaintOutput(many=True))
    def get(self, request: Request) -> Response:
        user = request_user(request)
        items = complaint_list(user=user)[:200]
        return Response(ComplaintOutput(items, many=True, context={"user": user}).data)

    @extend_schema(request=InputSerializer, responses={201: dict})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        office = values["establishment"].office if values.get("establishment") else user.office
        if office is None:
            raise PermissionDenied(_("Your account has no office; ask an administrator."))
        complaint, code = complaint_register(office=office, actor=user, **values)
        out = dict(ComplaintOutput(complaint, context={"user": user}).data)
        out["tracking_code"] = code
        return Response(out, status=201)


class ComplaintDetailApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]
    partner_resource = "complaints"

    @extend_schema(responses=ComplaintOutput)
    def get(self, request: Request, complaint_id: int) -> Response:
        user = request_user(request)
        complaint = complaint_get(user=user, complaint_id=complaint_id)
        if complaint is None:
            raise Http404
        return Response(ComplaintOutput(complaint, context={"user": user}).data)


class ComplaintInspectionApi(APIView):
    """Open the inspection of a complaint triaged to inspection (when triage could not)."""

    permission_classes = [HasAction.of(Action.CASE_EDIT)]

    @extend_schema(request=None, responses={201: ComplaintOutput})
    def post(self, request: Request, complaint_id: int) -> Response:
        user = request_user(request)
        complaint = complaint_get(user=user, complaint_id=complaint_id)
        if complaint is None:
            raise Http404
        complaint_inspection_open(complaint=complaint, actor=user)
        complaint.refresh_from_db()
        return Response(ComplaintOutput(complaint, context={"user": user}).data, status=201)


class ComplaintDisputeApi(APIView):
    """Send a complaint to conciliation as a labour dispute."""

    permission_classes = [HasAction.of(Action.CASE_EDIT)]

    @extend_schema(request=None, responses={201: ComplaintOutput})
    def post(self, request: Request, complaint_id: int) -> Response:
        user = request_user(request)
        complaint = complaint_get(user=user, complaint_id=complaint_id)
        if complaint is None:
            raise Http404
        complaint_dispute_open(complaint=complaint, actor=user)
        complaint.refresh_from_db()
        return Response(ComplaintOutput(complaint, context={"user": user}).data, status=201)
