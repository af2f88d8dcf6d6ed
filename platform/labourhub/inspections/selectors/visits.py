"""Reading checklists and what a visit recorded."""

from typing import Any

from django.db.models import Prefetch, QuerySet

from labourhub.inspections.models import (
    Answer,
    Checklist,
    ChecklistQuestion,
    ChecklistSection,
    ChecklistVersion,
    Correction,
    Evidence,
    Finding,
    Inspection,
)

# --- checklists ----------------------------------------------------------------------------


def checklist_list() -> QuerySet[Checklist]:
    return Checklist.objects.prefetch_related("versions").order_by("title")


def checklist_current_version(*, checklist: Checklist) -> ChecklistVersion | None:
    return (
        ChecklistVersion.objects.filter(
            checklist=checklist, status=ChecklistVersion.Status.PUBLISHED
        )
        .order_by("-number")
        .first()
    )


def checklist_draft(*, checklist: Checklist) -> ChecklistVersion | None:
    return ChecklistVersion.objects.filter(
        checklist=checklist, status=ChecklistVersion.Status.DRAFT
    ).first()


def checklist_version_sections(*, version: ChecklistVersion) -> list[ChecklistSection]:
    return list(
        ChecklistSection.objects.filter(version=version)
        .prefetch_related(
            Prefetch("questions", queryset=ChecklistQuestion.objects.order_by("order", "id"))
        )
        .order_by("order", "id")
    )


def checklist_version_questions(*, version: ChecklistVersion) -> list[ChecklistQuestion]:
    return list(
        ChecklistQuestion.objects.filter(section__version=version)
        .select_related("section")
        .order_by("section__order", "section_id", "order", "id")
    )


# --- visit ---------------------------------------------------------------------------------


def answers_by_code(*, inspection: Inspection) -> dict[str, Answer]:
    return {
        a.question.code: a
        for a in Answer.objects.filter(inspection=inspection).select_related("question")
    }


def question_visible(*, question: ChecklistQuestion, values: dict[str, Any]) -> bool:
    if not question.condition_code:
        return True
    return str(values.get(question.condition_code) or "") == question.condition_value


def finding_list(*, inspection: Inspection) -> QuerySet[Finding]:
    return Finding.objects.filter(inspection=inspection).select_related("question")


def evidence_list(*, inspection: Inspection) -> QuerySet[Evidence]:
    return Evidence.objects.filter(inspection=inspection).select_related("question")


def correction_list(*, inspection: Inspection) -> QuerySet[Correction]:
    return Correction.objects.filter(inspection=inspection).select_related(
        "question", "requested_by", "decided_by"
    )
