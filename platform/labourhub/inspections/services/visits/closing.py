"""Ending a visit: refused entry, or submission with the signed minutes."""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.common.localtime import ministry_language_default
from labourhub.documents.models import DocumentKind
from labourhub.documents.services import document_issue, document_sign
from labourhub.inspections.models import (
    ChecklistQuestion,
    Evidence,
    Finding,
    Inspection,
    InspectionAlert,
    Severity,
)
from labourhub.inspections.selectors import (
    authorisation_valid,
    checklist_version_questions,
    procedure_get,
    question_visible,
)
from labourhub.inspections.services._common import (
    Actor,
    inspection_lock,
    inspection_touch,
    require_status,
)
from labourhub.inspections.services.authorisation import ensure_document_template
from labourhub.inspections.services.visits.alerts import _alert_raise
from labourhub.inspections.services.visits.values import (
    MISSING_ANSWERS,
    MISSING_PHOTO,
    NO_AUTHORISATION,
    REFUSAL_NOTE,
)


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
            "notes": inspection.notes,
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
    # The finding and the alert are stored text, read by everyone in the ministry and quoted in
    # its letters: they are written in the ministry's language, not the language of whoever
    # recorded them (an offline sync or an API call may run with no language at all).
    with translation.override(ministry_language_default(getattr(connection, "tenant", None))):
        description = _("Entry refused: %(note)s") % {"note": note.strip()}
        provision = _("Obstruction of labour inspection (ILO C081 Art. 12)")
        alert_text = _("Entry refused at %(site)s.") % {"site": inspection.establishment.name}
    Finding.objects.create(
        inspection=inspection,
        description=description,
        severity=Severity.VERY_SERIOUS,
        provision=provision,
    )
    _alert_raise(inspection, InspectionAlert.Kind.REFUSED_ENTRY, alert_text, actor)
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
    _result_return(inspection, actor)
    return inspection


@transaction.atomic
def inspection_submit(
    *, inspection: Inspection, expected_version: int, actor: User, notes: str = ""
) -> Inspection:
    """Check completeness, generate the minutes from the answers (and the inspector's own
    written ``notes``, when given), sign them and lock the report."""
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
    if notes.strip():
        inspection.notes = notes.strip()
    _issue_minutes(inspection, actor, actor)
    inspection.status = Inspection.Status.COMPLETED
    inspection.submitted_at = timezone.now()
    inspection_touch(inspection, ["status", "submitted_at", "minutes", "notes"])
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
    _result_return(inspection, actor)
    return inspection


def _result_return(inspection: Inspection, actor: User) -> None:
    # The complaint or accident this visit came from shows its result on its own timeline.
    # Imported here: the complaints app builds on inspections, not the other way round.
    from labourhub.complaints.services import inspection_result_return

    inspection_result_return(inspection=inspection, actor=actor)
