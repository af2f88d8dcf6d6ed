from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.inspections.models import Answer, ChecklistQuestion, Correction, Finding, Inspection
from labourhub.inspections.services._common import (
    NOT_ALLOWED,
    inspection_lock,
    inspection_touch,
    require_status,
)
from labourhub.inspections.services.visits import (
    _clean_value,
    finding_from_question,
    is_noncompliant,
)

REASON_REQUIRED = gettext_noop("Explain why the submitted report needs correcting.")
NOT_ON_REPORT = gettext_noop("That question is not part of this report's checklist.")
ALREADY_DECIDED = gettext_noop("This correction was already %(status)s.")
OWN_CORRECTION = gettext_noop(
    "A correction must be approved by someone other than the person who asked for it."
)
NO_CHANGE = gettext_noop("The new value is the same as the submitted one.")


@transaction.atomic
def correction_request(
    *,
    inspection: Inspection,
    question: ChecklistQuestion,
    new_value: Any,
    reason: str,
    actor: User,
) -> Correction:
    """Ask to change one answer of a submitted (locked) report. Nothing changes until a
    supervisor approves."""
    if not reason.strip():
        raise ValidationError({"reason": _(REASON_REQUIRED)})
    inspection = inspection_lock(inspection=inspection, expected_version=None, allow_locked=True)
    require_status(inspection, Inspection.Status.COMPLETED)
    if question.section.version_id != inspection.checklist_version_id:
        raise ValidationError({"question": _(NOT_ON_REPORT)})
    try:
        value = _clean_value(question, new_value)
    except ValidationError as exc:
        raise ValidationError({"new_value": exc.messages}) from None
    answer = Answer.objects.filter(inspection=inspection, question=question).first()
    original = answer.value if answer else None
    if original == value:
        raise ValidationError({"new_value": _(NO_CHANGE)})
    correction = Correction.objects.create(
        inspection=inspection,
        question=question,
        original_value=original,
        new_value=value,
        reason=reason.strip(),
        requested_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_CORRECTION_REQUESTED,
        subject=inspection,
        payload={
            "changes": {"answer": (original, value)},
            "values": {"question": question.code, "correction": correction.pk},
            "note": correction.reason,
        },
    )
    return correction


@transaction.atomic
def correction_decide(
    *, correction: Correction, approve: bool, note: str, actor: User
) -> Correction:
    """Approve or reject. Approval amends the answer; the original stays on the correction and
    the minutes already signed are not touched (the amendment is shown next to them)."""
    correction = (
        Correction.objects.select_for_update()
        .select_related("inspection", "inspection__office", "question")
        .get(pk=correction.pk)
    )
    if correction.status != Correction.Status.REQUESTED:
        raise ApplicationError(_(ALREADY_DECIDED) % {"status": correction.get_status_display()})
    if not user_can(
        user=actor, action=Action.INSPECTION_ASSIGN, office=correction.inspection.office
    ):
        raise ApplicationError(_(NOT_ALLOWED), {"code": "not_allowed"})
    if correction.requested_by_id == actor.pk:
        raise ApplicationError(_(OWN_CORRECTION), {"code": "own_correction"})
    inspection = inspection_lock(
        inspection=correction.inspection, expected_version=None, allow_locked=True
    )
    correction.status = Correction.Status.APPROVED if approve else Correction.Status.REJECTED
    correction.decided_by = actor
    correction.decided_at = timezone.now()
    correction.decision_note = note.strip()
    correction.save(
        update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"]
    )
    if approve:
        question = correction.question
        answer, _created = Answer.objects.get_or_create(
            inspection=inspection, question=question, defaults={"value": None}
        )
        answer.value = correction.new_value
        answer.amended = True
        answer.save(update_fields=["value", "amended", "updated_at"])
        finding = Finding.objects.filter(answer=answer, withdrawn_by=None).first()
        if is_noncompliant(question, answer.value) and finding is None:
            finding_from_question(inspection=inspection, answer=None, question=question)
        elif not is_noncompliant(question, answer.value) and finding is not None:
            finding.withdrawn_by = correction
            finding.save(update_fields=["withdrawn_by", "updated_at"])
        inspection_touch(inspection, [])
    audit_record(
        actor=actor,
        action=(
            AuditAction.INSPECTION_CORRECTION_APPROVED
            if approve
            else AuditAction.INSPECTION_CORRECTION_REJECTED
        ),
        subject=inspection,
        payload={
            "changes": (
                {"answer": (correction.original_value, correction.new_value)} if approve else {}
            ),
            "values": {"question": correction.question.code, "correction": correction.pk},
            "note": correction.decision_note,
        },
    )
    return correction
