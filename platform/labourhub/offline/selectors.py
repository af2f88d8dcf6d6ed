"""Reads for offline work: what an inspector may take offline, and the pack a visit needs."""

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from labourhub.accounts.models import User
from labourhub.audit.events import AuditAction
from labourhub.audit.models import AuditEvent
from labourhub.documents.services.files import document_pdf_bytes
from labourhub.inspections import selectors as insp
from labourhub.inspections.models import (
    Assignment,
    ChecklistQuestion,
    Evidence,
    Finding,
    Inspection,
)
from labourhub.offline.models import EvidenceUpload, OfflineSettings, SyncBatch

# Statuses an inspector can still work on in the field.
TAKEABLE = (
    Inspection.Status.AUTHORISED,
    Inspection.Status.ASSIGNED,
    Inspection.Status.IN_PROGRESS,
)
# The offline steps named in the audit trail (values of "step").
STEPS = {
    "visit_started": gettext_lazy("Visit started"),
    "answers_saved": gettext_lazy("Answers saved"),
    "answer_kept_mine": gettext_lazy("Answer kept after a conflict"),
    "evidence_added": gettext_lazy("Photo or file added"),
    "entry_refused": gettext_lazy("Entry refused"),
    "minutes_signed": gettext_lazy("Minutes signed and report submitted"),
}


def step_labels() -> dict[str, dict[str, str]]:
    return {"step": {code: str(label) for code, label in STEPS.items()}}


def offline_settings_get() -> OfflineSettings:
    return OfflineSettings.objects.filter(pk=1).first() or OfflineSettings(pk=1)


def offline_assignment_list(*, user: User, today: dt.date | None = None) -> QuerySet[Inspection]:
    """The inspector's open work for the next days (and what is overdue), newest plans first."""
    today = today or timezone.localdate()
    until = today + dt.timedelta(days=offline_settings_get().keep_days)
    return (
        Inspection.objects.select_related("establishment", "checklist_version__checklist")
        .filter(Q(inspector=user) | Q(team=user), status__in=TAKEABLE)
        .filter(Q(scheduled_for__lte=until) | Q(scheduled_for__isnull=True))
        .distinct()
        .order_by("scheduled_for", "id")[:100]
    )


def answer_last_changed_by(*, inspection: Inspection, code: str) -> str:
    """Who last changed one answer, from the audit trail (the answer row keeps only its author)."""
    event = (
        AuditEvent.objects.filter(
            subject_type="inspections.inspection",
            subject_id=str(inspection.pk),
            action=AuditAction.INSPECTION_ANSWERS_SAVED,
            changes__has_key=code,
        )
        .order_by("-id")
        .only("actor_repr")
        .first()
    )
    return event.actor_repr if event is not None else ""


def was_assignee(*, user: User, inspection: Inspection) -> bool:
    """Whether ``user`` was ever given this inspection (it may since have gone to someone else):
    such a user is told it was reassigned rather than that it does not exist."""
    return Assignment.objects.filter(
        Q(assignee=user) | Q(previous_assignee=user) | Q(team_ids__contains=[user.pk]),
        inspection=inspection,
    ).exists()


def batch_get(*, user: User, key: str) -> SyncBatch | None:
    return SyncBatch.objects.filter(user=user, key=key).first()


def evidence_stored(*, inspection: Inspection, sha256: str) -> bool:
    return Evidence.objects.filter(inspection=inspection, sha256=sha256).exists()


def upload_get(*, upload_id: int) -> EvidenceUpload | None:
    return EvidenceUpload.objects.select_related("inspection").filter(pk=upload_id).first()


def _question(q: ChecklistQuestion) -> dict[str, Any]:
    return {
        "code": q.code,
        "text": q.text,
        "kind": q.kind,
        "choices": list(q.choices),
        "required": q.required,
        "condition_code": q.condition_code,
        "condition_value": q.condition_value,
        "noncompliant_value": q.noncompliant_value,
        "provision": q.provision,
        "severity": q.get_severity_display(),
        "child_labour": q.child_labour,
    }


def authorisation_pdf(*, inspection: Inspection) -> bytes | None:
    """The signed order to inspect in force for this visit, or None."""
    authorisation = insp.authorisation_valid(inspection=inspection)
    if authorisation is None or authorisation.document is None:
        return None
    return document_pdf_bytes(document=authorisation.document)


def _provisions(sections: Any) -> list[dict[str, Any]]:
    """The legal provisions the checklist applies, each with the questions that rest on it."""
    found: dict[str, dict[str, Any]] = {}
    for section in sections:
        for q in section.questions.all():
            if q.provision:
                row = found.setdefault(
                    q.provision,
                    {
                        "provision": q.provision,
                        "severity": q.get_severity_display(),
                        "questions": [],
                    },
                )
                row["questions"].append(q.text)
    return list(found.values())


def _date(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def assignment_pack(*, inspection: Inspection) -> dict[str, Any]:
    """Everything the visit needs on the device, kept small (no photos, no PDFs).

    Each answer carries its value as the base the device edits from: at sync the server applies
    an answer only while the server still holds that base, otherwise it reports a conflict.
    """
    est = inspection.establishment
    version = inspection.checklist_version
    sections = insp.checklist_version_sections(version=version) if version is not None else []
    answers = insp.answers_by_code(inspection=inspection)
    history = insp.establishment_inspection_history(establishment=est, limit=10)
    previous = (
        Finding.objects.filter(inspection__establishment=est, withdrawn_by=None)
        .exclude(inspection=inspection)
        .select_related("inspection")
        .order_by("-inspection__scheduled_for", "-id")[:30]
    )
    authorisation = insp.authorisation_valid(inspection=inspection)
    evidence = Evidence.objects.filter(inspection=inspection).select_related("question")
    return {
        "id": inspection.pk,
        "reference": inspection.reference,
        "version": inspection.version,
        "status": inspection.status,
        "status_label": inspection.get_status_display(),
        "origin_label": inspection.get_origin_display(),
        "scheduled_for": _date(inspection.scheduled_for),
        "arrived_at": _date(inspection.arrived_at),
        "persons_met": inspection.persons_met,
        "taken_at": timezone.now().isoformat(),
        "require_authorisation": insp.procedure_get().require_authorisation,
        "record_location": offline_settings_get().record_location,
        "establishment": {
            "name": est.name,
            "registration_number": est.registration_number,
            "address": ", ".join(p for p in (est.address, est.locality) if p),
            "employer": est.employer.legal_name,
            "isic_code": est.isic_code,
            "workers_female": est.workers_female,
            "workers_male": est.workers_male,
            "workers_minors": est.workers_minors,
        },
        "history": [
            {
                "reference": i.reference,
                "date": _date(i.scheduled_for),
                "status": i.get_status_display(),
                "findings_open": getattr(i, "findings_open", 0),
            }
            for i in history.inspections
            if i.pk != inspection.pk
        ],
        "previous_findings": [
            {
                "date": _date(f.inspection.scheduled_for),
                "reference": f.inspection.reference,
                "provision": f.provision,
                "description": f.description,
                "severity": f.get_severity_display(),
            }
            for f in previous
        ],
        "authorisation": (
            {
                "number": authorisation.number,
                "valid_until": _date(authorisation.valid_until),
                "signer_role": authorisation.signer_role,
                "sha256": authorisation.sha256,
                "pdf": (
                    f"assignments/{inspection.pk}/authorisation/"
                    if authorisation.document_id
                    else None
                ),
            }
            if authorisation is not None
            else None
        ),
        "provisions": _provisions(sections),
        "checklist": (
            {
                "title": version.checklist.title,
                "number": version.number,
                "sections": [
                    {"title": s.title, "questions": [_question(q) for q in s.questions.all()]}
                    for s in sections
                ],
            }
            if version is not None
            else None
        ),
        "answers": {
            code: {"value": a.value, "note": a.note, "updated_at": a.updated_at.isoformat()}
            for code, a in answers.items()
        },
        "evidence": [
            {
                "question": e.question.code if e.question else "",
                "name": e.original_name,
                "sha256": e.sha256,
            }
            for e in evidence
        ],
    }
