"""What the inspection API reads and returns."""

from typing import Any

from rest_framework import serializers, status
from rest_framework.response import Response

from labourhub.inspections import selectors as sel
from labourhub.inspections.models import (
    Answer,
    Assignment,
    ChecklistVersion,
    Correction,
    Evidence,
    Finding,
    Inspection,
    InspectionAuthorisation,
)


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
            "focus",
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
    links = serializers.SerializerMethodField()

    class Meta(InspectionOutput.Meta):
        fields = [
            *InspectionOutput.Meta.fields,
            "answers",
            "findings",
            "evidence",
            "authorisations",
            "assignments",
            "corrections",
            "links",
        ]

    def get_links(self, obj: Inspection) -> dict[str, Any]:
        """The complaint or accident case it came from; the order its findings led to."""
        from labourhub.complaints.models import AccidentNotification, Complaint
        from labourhub.enforcement.models import OrderProposal

        source = (
            Complaint.objects.filter(inspection=obj).values("case_id", "case__reference").first()
            or AccidentNotification.objects.filter(inspection=obj)
            .values("case_id", "case__reference")
            .first()
        )
        proposal = OrderProposal.objects.filter(inspection=obj).first()
        return {
            "source_case_id": source["case_id"] if source else None,
            "source_case_reference": source["case__reference"] if source else "",
            "order_proposal_status": proposal.status if proposal else "",
            "enforcement_case_id": proposal.case_id if proposal else None,
        }


def _detail(inspection: Inspection, code: int = status.HTTP_200_OK) -> Response:
    fresh = sel.inspection_get(inspection_id=inspection.pk)
    return Response(InspectionDetailOutput(fresh).data, status=code)


class VersionInput(serializers.Serializer[Any]):
    version = serializers.IntegerField(min_value=1)


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
