import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.roles import Role
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.documents.models import DocumentKind
from labourhub.documents.services import document_issue, document_sign
from labourhub.inspections.models import (
    Answer,
    ChecklistQuestion,
    Evidence,
    Finding,
    Inspection,
    InspectionAlert,
    Severity,
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
from labourhub.inspections.services.authorisation import ensure_document_template

NO_AUTHORISATION = gettext_noop(
    "This inspection has no valid authorisation, and this ministry's procedure requires one "
    "before a visit starts."
)
NO_CHECKLIST = gettext_noop("Choose the checklist for this visit first.")
BAD_YES_NO = gettext_noop("Answer yes, no or not applicable.")
BAD_NUMBER = gettext_noop("Enter a number (at most 12 digits).")
BAD_DATE = gettext_noop("Enter a date as YYYY-MM-DD.")
BAD_CHOICE = gettext_noop("Choose one of: %(choices)s.")
TOO_LONG = gettext_noop("Keep this under %(max)s characters.")
NOT_ON_CHECKLIST = gettext_noop("“%(code)s” is not a question of this checklist.")
MISSING_ANSWERS = gettext_noop("Answer every required question before submitting: %(questions)s.")
MISSING_PHOTO = gettext_noop("Add a photo for: %(questions)s.")
REFUSAL_NOTE = gettext_noop("Describe how entry was refused (who refused, when, what was said).")
FINDING_DESCRIPTION = gettext_noop("Describe the finding.")

YES, NO, NA = "yes", "no", "na"
MAX_TEXT = 5000
MAX_NUMBER = Decimal("1e12")


def _clean_value(question: ChecklistQuestion, raw: Any) -> Any:
    """Turn a submitted value into what is stored; ``None`` clears the answer."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip()
    kind = question.kind
    if kind == ChecklistQuestion.Kind.YES_NO_NA:
        if text not in (YES, NO, NA):
            raise ValidationError(_(BAD_YES_NO))
        return text
    if kind == ChecklistQuestion.Kind.NUMBER:
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise ValidationError(_(BAD_NUMBER)) from None
        if not number.is_finite() or abs(number) > MAX_NUMBER:
            raise ValidationError(_(BAD_NUMBER))
        return str(int(number)) if number == number.to_integral() else str(number)
    if kind == ChecklistQuestion.Kind.DATE:
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValidationError(_(BAD_DATE)) from None
    if kind == ChecklistQuestion.Kind.CHOICE:
        if text not in question.choices:
            raise ValidationError(_(BAD_CHOICE) % {"choices": ", ".join(question.choices)})
        return text
    if len(text) > MAX_TEXT:
        raise ValidationError(_(TOO_LONG) % {"max": MAX_TEXT})
    return text


def is_noncompliant(question: ChecklistQuestion, value: Any) -> bool:
    rule = question.noncompliant_value
    if not rule or value is None:
        return False
    if question.kind == ChecklistQuestion.Kind.NUMBER and rule[:1] in "<>":
        try:
            number, limit = Decimal(str(value)), Decimal(rule[1:])
        except InvalidOperation:
            return False
        return number < limit if rule[0] == "<" else number > limit
    return str(value) == rule


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


def _alert_recipients(inspection: Inspection) -> list[int]:
    return list(
        User.objects.filter(is_active=True)
        .filter(
            Q(role_grants__role__in=[Role.SUPERVISOR, Role.OFFICE_HEAD], office=inspection.office)
            | Q(role_grants__role=Role.DIRECTOR)
        )
        .distinct()
        .values_list("id", flat=True)
    )


def _alert_raise(inspection: Inspection, kind: str, message: str, actor: Actor) -> None:
    if InspectionAlert.objects.filter(inspection=inspection, kind=kind).exists():
        return
    alert = InspectionAlert.objects.create(
        inspection=inspection,
        kind=kind,
        message=message,
        notified_user_ids=_alert_recipients(inspection),
    )
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_ALERT_RAISED,
        subject=inspection,
        payload={"values": {"kind": kind, "notified": list(alert.notified_user_ids)}},
    )

    def notify() -> None:
        from labourhub.inspections.tasks import inspection_alert_notify_task

        inspection_alert_notify_task.delay(alert_id=alert.pk)

    transaction.on_commit(notify)


def _sync_finding(inspection: Inspection, answer: Answer, actor: Actor) -> Finding | None:
    question = answer.question
    finding: Finding | None = getattr(answer, "finding", None)
    if is_noncompliant(question, answer.value):
        if finding is None:
            finding = Finding.objects.create(
                inspection=inspection,
                answer=answer,
                question=question,
                provision=question.provision,
                description=question.text,
                severity=question.severity,
                corrective_measure=question.corrective_measure,
                penalty_min=question.penalty_min,
                penalty_max=question.penalty_max,
                child_labour=question.child_labour,
            )
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


def _issue_minutes(inspection: Inspection, signer: User, actor: Actor) -> None:
    ensure_document_template(DocumentKind.MINUTES)
    document = document_issue(
        kind=DocumentKind.MINUTES,
        officer=signer,
        subject=inspection,
        office=inspection.office,
        extra={
            "outcome": inspection.get_outcome_display(),
            "persons_met": inspection.persons_met,
            "arrived_at": inspection.arrived_at.isoformat() if inspection.arrived_at else "",
        },
        actor=actor,
    )
    document_sign(document=document, signer=signer, actor=actor)
    inspection.minutes = document


@transaction.atomic
def visit_refuse_entry(
    *, inspection: Inspection, note: str, expected_version: int, actor: User
) -> Inspection:
    """Entry refused is an outcome in its own right: it closes the visit, records an
    obstruction finding, raises an alert and produces signed minutes."""
    if not note.strip():
        raise ValidationError({"note": _(REFUSAL_NOTE)})
    inspection = inspection_lock(inspection=inspection, expected_version=expected_version)
    require_status(
        inspection,
        Inspection.Status.ASSIGNED,
        Inspection.Status.AUTHORISED,
        Inspection.Status.IN_PROGRESS,
    )
    if procedure_get().require_authorisation and authorisation_valid(inspection=inspection) is None:
        raise ApplicationError(_(NO_AUTHORISATION), {"code": "no_authorisation"})
    before = inspection.status
    now = timezone.now()
    inspection.arrived_at = inspection.arrived_at or now
    inspection.outcome = Inspection.Outcome.REFUSED_ENTRY
    inspection.notes = note.strip()
    Finding.objects.create(
        inspection=inspection,
        description=_("Entry refused: %(note)s") % {"note": note.strip()},
        severity=Severity.VERY_SERIOUS,
        provision=_("Obstruction of labour inspection (ILO C081 Art. 12)"),
    )
    _alert_raise(
        inspection,
        InspectionAlert.Kind.REFUSED_ENTRY,
        _("Entry refused at %(site)s.") % {"site": inspection.establishment.name},
        actor,
    )
    _issue_minutes(inspection, actor, actor)
    inspection.status = Inspection.Status.COMPLETED
    inspection.submitted_at = now
    inspection_touch(
        inspection, ["arrived_at", "outcome", "notes", "status", "submitted_at", "minutes"]
    )
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_ENTRY_REFUSED,
        subject=inspection,
        payload={
            "changes": {"status": (before, inspection.status)},
            "values": {
                "outcome": inspection.outcome,
                "note": inspection.notes,
                "minutes": inspection.minutes_id,
            },
        },
    )
    return inspection


@transaction.atomic
def inspection_submit(*, inspection: Inspection, expected_version: int, actor: User) -> Inspection:
    """Check completeness, generate the minutes from the answers, sign them and lock the report."""
    inspection = inspection_lock(inspection=inspection, expected_version=expected_version)
    require_status(inspection, Inspection.Status.IN_PROGRESS)
    assert inspection.checklist_version is not None
    questions = checklist_version_questions(version=inspection.checklist_version)
    answers = {a.question_id: a.value for a in inspection.answers.all()}
    values = {q.code: answers.get(q.pk) for q in questions}
    photos = set(
        Evidence.objects.filter(inspection=inspection, question__isnull=False).values_list(
            "question_id", flat=True
        )
    )
    missing = [
        q.text
        for q in questions
        if q.required
        and q.kind != ChecklistQuestion.Kind.PHOTO
        and question_visible(question=q, values=values)
        and answers.get(q.pk) is None
    ]
    missing_photos = [
        q.text
        for q in questions
        if q.required
        and q.kind == ChecklistQuestion.Kind.PHOTO
        and question_visible(question=q, values=values)
        and q.pk not in photos
    ]
    errors = {}
    if missing:
        errors["answers"] = _(MISSING_ANSWERS) % {"questions": "; ".join(missing)}
    if missing_photos:
        errors["evidence"] = _(MISSING_PHOTO) % {"questions": "; ".join(missing_photos)}
    if errors:
        raise ValidationError(errors)
    _issue_minutes(inspection, actor, actor)
    inspection.status = Inspection.Status.COMPLETED
    inspection.submitted_at = timezone.now()
    inspection_touch(inspection, ["status", "submitted_at", "minutes"])
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_SUBMITTED,
        subject=inspection,
        payload={
            "changes": {"status": (Inspection.Status.IN_PROGRESS, Inspection.Status.COMPLETED)},
            "values": {
                "minutes": inspection.minutes_id,
                "findings": list(inspection.findings.values_list("id", flat=True)),
            },
        },
    )
    return inspection


@transaction.atomic
def inspection_alert_acknowledge(*, alert: InspectionAlert, actor: User) -> InspectionAlert:
    alert = InspectionAlert.objects.select_for_update().get(pk=alert.pk)
    if alert.acknowledged_at is None:
        alert.acknowledged_by = actor
        alert.acknowledged_at = timezone.now()
        alert.save(update_fields=["acknowledged_by", "acknowledged_at", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.INSPECTION_ALERT_ACKNOWLEDGED,
            subject=alert.inspection,
            payload={"values": {"kind": alert.kind}},
        )
    return alert


def inspection_alert_notify(*, alert_id: int) -> int:
    """E-mail the people an alert names; returns how many messages went out."""
    from django.core.mail import send_mail

    alert = InspectionAlert.objects.select_related("inspection").get(pk=alert_id)
    emails = list(
        User.objects.filter(pk__in=alert.notified_user_ids)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not emails:
        return 0
    subject = f"[{alert.get_kind_display()}] {alert.inspection.reference}"
    return send_mail(subject, alert.message, None, emails, fail_silently=False)
