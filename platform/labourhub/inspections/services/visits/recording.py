"""Recording a visit: starting it, saving answers, and the findings they raise."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.inspections.models import (
    Answer,
    Finding,
    Inspection,
    InspectionAlert,
)
from labourhub.inspections.selectors import (
    authorisation_valid,
    checklist_current_version,
    checklist_version_questions,
    procedure_get,
    question_visible,
)
from labourhub.inspections.services._common import (
    Actor,
    actor_user,
    inspection_lock,
    inspection_touch,
    require_status,
)
from labourhub.inspections.services.visits.alerts import _alert_raise
from labourhub.inspections.services.visits.values import (
    FINDING_DESCRIPTION,
    NO_AUTHORISATION,
    NO_CHECKLIST,
    NOT_ON_CHECKLIST,
    _clean_value,
    finding_from_question,
    is_noncompliant,
)


@transaction.atomic
def visit_start(
    *,
    inspection: Inspection,
    arrived_at: dt.datetime,
    persons_met: str,
    workers_interviewed_female: int,
    workers_interviewed_male: int,
    expected_version: int,
    actor: Actor,
) -> Inspection:
    """Record the arrival. Without a valid authorisation the visit cannot start, unless the
    ministry's procedure allows it."""
    inspection = inspection_lock(inspection=inspection, expected_version=expected_version)
    require_status(
        inspection,
        Inspection.Status.ASSIGNED,
        Inspection.Status.AUTHORISED,
        Inspection.Status.IN_PROGRESS,
    )
    authorisation = authorisation_valid(inspection=inspection)
    if procedure_get().require_authorisation and authorisation is None:
        raise ApplicationError(_(NO_AUTHORISATION), {"code": "no_authorisation"})
    if inspection.checklist_version is None:
        raise ApplicationError(_(NO_CHECKLIST), {"code": "no_checklist"})
    # Nothing answered yet: move to the newest published version of the same checklist.
    newest = checklist_current_version(checklist=inspection.checklist_version.checklist)
    if (
        newest is not None
        and newest.pk != inspection.checklist_version_id
        and not (inspection.answers.exists())
    ):
        inspection.checklist_version = newest
    before = inspection.status
    inspection.status = Inspection.Status.IN_PROGRESS
    inspection.arrived_at = arrived_at
    inspection.persons_met = persons_met.strip()
    inspection.workers_interviewed_female = workers_interviewed_female
    inspection.workers_interviewed_male = workers_interviewed_male
    inspection.outcome = Inspection.Outcome.VISITED
    inspection_touch(
        inspection,
        [
            "status",
            "arrived_at",
            "persons_met",
            "outcome",
            "workers_interviewed_female",
            "workers_interviewed_male",
            "checklist_version",
        ],
    )
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_VISIT_STARTED,
        subject=inspection,
        payload={
            "changes": {"status": (before, inspection.status)},
            "values": {
                "arrived_at": arrived_at,
                "persons_met": inspection.persons_met,
                "interviewed": {
                    "women": workers_interviewed_female,
                    "men": workers_interviewed_male,
                },
                "authorisation": authorisation.number if authorisation else None,
            },
        },
    )
    return inspection


def _sync_finding(inspection: Inspection, answer: Answer, actor: Actor) -> Finding | None:
    question = answer.question
    finding: Finding | None = getattr(answer, "finding", None)
    if is_noncompliant(question, answer.value):
        if finding is None:
            finding = finding_from_question(inspection=inspection, answer=answer, question=question)
        if question.child_labour:
            _alert_raise(
                inspection,
                InspectionAlert.Kind.CHILD_LABOUR,
                _("Child labour found at %(site)s (%(question)s).")
                % {"site": inspection.establishment.name, "question": question.text},
                actor,
            )
        return finding
    if finding is not None:
        finding.delete()
    return None


@transaction.atomic
def answers_save(
    *,
    inspection: Inspection,
    values: dict[str, Any],
    expected_version: int,
    actor: Actor,
    notes: dict[str, str] | None = None,
) -> Inspection:
    """Save a section's answers as a draft (any subset of questions, by code).

    All values are checked first; one bad value saves nothing and names every bad field.
    Non-compliant answers become findings at once; child labour escalates at once.
    """
    inspection = inspection_lock(inspection=inspection, expected_version=expected_version)
    require_status(inspection, Inspection.Status.IN_PROGRESS)
    assert inspection.checklist_version is not None  # set by visit_start
    questions = {
        q.code: q for q in checklist_version_questions(version=inspection.checklist_version)
    }
    notes = notes or {}
    errors: dict[str, Any] = {}
    cleaned: dict[str, Any] = {}
    for code, raw in values.items():
        question = questions.get(code)
        if question is None:
            errors[code] = _(NOT_ON_CHECKLIST) % {"code": code}
            continue
        try:
            cleaned[code] = _clean_value(question, raw)
        except ValidationError as exc:
            errors[code] = exc.messages
    if errors:
        raise ValidationError(errors)
    existing = {a.question_id: a for a in inspection.answers.select_related("question")}
    current = {a.question.code: a.value for a in existing.values()}
    current.update(cleaned)
    changed: dict[str, Any] = {}
    for code, value in cleaned.items():
        question = questions[code]
        if not question_visible(question=question, values=current):
            value = None
        answer = existing.get(question.pk)
        if answer is None:
            answer = Answer.objects.create(
                inspection=inspection,
                question=question,
                value=value,
                note=notes.get(code, ""),
                answered_by=actor_user(actor),
            )
            changed[code] = {"before": None, "after": value}
        elif answer.value != value or (code in notes and answer.note != notes[code]):
            changed[code] = {"before": answer.value, "after": value}
            answer.value = value
            answer.note = notes.get(code, answer.note)
            answer.save(update_fields=["value", "note", "updated_at"])
        _sync_finding(inspection, answer, actor)
    # Answers to questions that became hidden are cleared so a stale "yes" cannot surface.
    for answer in existing.values():
        question = answer.question
        if answer.value is not None and not question_visible(question=question, values=current):
            changed[question.code] = {"before": answer.value, "after": None}
            answer.value = None
            answer.save(update_fields=["value", "updated_at"])
            _sync_finding(inspection, answer, actor)
    inspection_touch(inspection, [])
    if changed:
        audit_record(
            actor=actor,
            action=AuditAction.INSPECTION_ANSWERS_SAVED,
            subject=inspection,
            payload={"changes": {code: (c["before"], c["after"]) for code, c in changed.items()}},
        )
    return inspection


@transaction.atomic
def finding_update(
    *,
    finding: Finding,
    description: str,
    workers_affected_female: int,
    workers_affected_male: int,
    severity: str,
    actor: Actor,
) -> Finding:
    if not description.strip():
        raise ValidationError({"description": _(FINDING_DESCRIPTION)})
    inspection = inspection_lock(inspection=finding.inspection, expected_version=None)
    require_status(inspection, Inspection.Status.IN_PROGRESS)
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    before = {
        "description": finding.description,
        "severity": finding.severity,
        "women": finding.workers_affected_female,
        "men": finding.workers_affected_male,
    }
    finding.description = description.strip()
    finding.workers_affected_female = workers_affected_female
    finding.workers_affected_male = workers_affected_male
    finding.severity = severity
    finding.full_clean()
    finding.save()
    inspection_touch(inspection, [])
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_FINDING_UPDATED,
        subject=inspection,
        payload={
            "changes": {
                "description": (before["description"], finding.description),
                "severity": (before["severity"], severity),
                "women": (before["women"], workers_affected_female),
                "men": (before["men"], workers_affected_male),
            },
            "values": {"finding": finding.pk},
        },
    )
    return finding
