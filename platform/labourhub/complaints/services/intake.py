"""Complaint intake (staff, portal, anonymous), triage, disputes and accident notifications."""

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action, Role
from labourhub.audit.services import AuditAction, audit_record
from labourhub.complaints.models import AccidentNotification, Complaint, Dispute
from labourhub.complaints.services.links import (
    accident_inspection_open,
    complaint_inspection_open,
)
from labourhub.registry.models import Establishment
from labourhub.workflow.models import Case, Deadline
from labourhub.workflow.services import Actor, alert_escalate_now, case_open, case_transition

# Unambiguous alphabet (no 0/O, 1/I/L): codes are read over the phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def tracking_code_hash(code: str) -> str:
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normalised.encode()).hexdigest()


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


def _format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


@transaction.atomic
def complaint_register(
    *,
    office: Office,
    subject: str,
    description: str,
    channel: str,
    actor: Actor,
    establishment: Establishment | None = None,
    employer_text: str = "",
    anonymous: bool = False,
    complainant_name: str = "",
    complainant_contact: str = "",
    child_labour: bool = False,
) -> tuple[Complaint, str]:
    """Register a complaint; returns it and its tracking code (shown once, stored only hashed).

    Child-labour complaints are triaged within one working day instead of five.
    """
    errors: dict[str, str] = {}
    if not subject.strip():
        errors["subject"] = _("Give the complaint a short subject.")
    if len(description.strip()) < 10:
        errors["description"] = _("Describe what happened in a few words (at least 10 characters).")
    if establishment is None and not employer_text.strip():
        errors["employer_text"] = _("Say which employer or workplace the complaint is about.")
    if not anonymous and not complainant_name.strip():
        errors["complainant_name"] = _("Give your name, or choose to complain anonymously.")
    if errors:
        raise ValidationError(errors)
    case = case_open(
        procedure="complaint",
        title=subject.strip()[:300],
        office=office,
        establishment=establishment,
        actor=actor,
        permission=Action.CASE_VIEW,
        limits={"triage": 1} if child_labour else None,
    )
    duplicate = None
    if establishment is not None:
        duplicate = (
            Complaint.objects.filter(establishment=establishment, case__closed_at=None)
            .exclude(case=case)
            .order_by("id")
            .first()
        )
    code = _new_code()
    complaint = Complaint(
        case=case,
        channel=channel,
        establishment=establishment,
        employer_text=employer_text.strip(),
        subject=subject.strip(),
        description=description.strip(),
        child_labour=child_labour,
        anonymous=anonymous,
        complainant_name="" if anonymous else complainant_name.strip(),
        complainant_contact="" if anonymous else complainant_contact.strip(),
        tracking_code_hash=tracking_code_hash(code),
        possible_duplicate_of=duplicate,
    )
    complaint.full_clean()
    complaint.save()
    if child_labour:
        _child_labour_escalate(case=case, actor=actor)
    # The identity never goes into the audit trail: auditors see that a name exists, not whose.
    audit_record(
        actor=actor,
        action=AuditAction.COMPLAINT_REGISTERED,
        subject=complaint,
        payload={
            "values": {
                "channel": channel,
                "anonymous": anonymous,
                "child_labour": child_labour,
                "case": case.reference,
                "possible_duplicate_of": duplicate.pk if duplicate else None,
            }
        },
    )
    return complaint, _format_code(code)


def _child_labour_escalate(*, case: Case, actor: Actor) -> None:
    """Child labour goes straight to the office's supervisors and head, not to a queue."""
    chiefs = list(
        User.objects.filter(
            office=case.office,
            is_active=True,
            role_grants__role__in=[Role.SUPERVISOR, Role.OFFICE_HEAD],
        )
        .distinct()
        .order_by("id")
    )
    if not chiefs:
        return
    if case.supervisor_id is None:
        Case.objects.filter(pk=case.pk).update(supervisor=chiefs[0])
    deadline = Deadline.objects.filter(case=case, code="triage").first()
    if deadline is not None:
        alert_escalate_now(deadline=deadline, recipients=chiefs, actor=actor)


_TRIAGE = {
    Complaint.Triage.INSPECTION: "triage_inspection",
    Complaint.Triage.CONCILIATION: "triage_conciliation",
    Complaint.Triage.INADMISSIBLE: "triage_inadmissible",
}


@transaction.atomic
def complaint_triage(*, complaint: Complaint, outcome: str, reason: str, actor: Actor) -> Complaint:
    if outcome not in _TRIAGE:
        raise ValidationError({"outcome": _("Choose inspection, conciliation or not admissible.")})
    if outcome == Complaint.Triage.INADMISSIBLE and not reason.strip():
        raise ValidationError({"reason": _("Say why the complaint is not admissible.")})
    case_transition(
        case=complaint.case,
        transition=_TRIAGE[Complaint.Triage(outcome)],
        actor=actor,
        note=reason.strip()[:500],
    )
    Complaint.objects.filter(pk=complaint.pk).update(triage=outcome, triage_reason=reason.strip())
    complaint.refresh_from_db()
    audit_record(
        actor=actor,
        action=AuditAction.COMPLAINT_TRIAGED,
        subject=complaint,
        payload={"values": {"triage": outcome, "reason": reason.strip()}},
    )
    # Triage to inspection opens it at once when the establishment is known; otherwise the
    # complaint page offers to open it once the establishment is linked.
    if outcome == Complaint.Triage.INSPECTION and complaint.establishment_id is not None:
        complaint_inspection_open(complaint=complaint, actor=actor)
        complaint.refresh_from_db()
    return complaint


def complaint_by_code(*, code: str) -> Complaint | None:
    if not code or len(code) > 40:
        return None
    return (
        Complaint.objects.select_related("case")
        .filter(tracking_code_hash=tracking_code_hash(code))
        .first()
    )


@transaction.atomic
def dispute_file(
    *,
    office: Office,
    kind: str,
    workers_party: str,
    employer_party: str,
    subject: str,
    actor: Actor,
    establishment: Establishment | None = None,
    workers_involved: int = 1,
) -> Dispute:
    if kind not in Dispute.Kind.values:
        raise ValidationError({"kind": _("Choose individual or collective.")})
    if not (workers_party.strip() and employer_party.strip() and subject.strip()):
        raise ValidationError({"subject": _("Name both parties and the subject of the dispute.")})
    case = case_open(
        procedure="dispute",
        title=f"{workers_party} / {employer_party}"[:300],
        office=office,
        establishment=establishment,
        actor=actor,
    )
    dispute = Dispute(
        case=case,
        kind=kind,
        establishment=establishment,
        workers_party=workers_party.strip(),
        employer_party=employer_party.strip(),
        subject=subject.strip(),
        workers_involved=workers_involved,
    )
    dispute.full_clean()
    dispute.save()
    audit_record(
        actor=actor,
        action=AuditAction.DISPUTE_FILED,
        subject=dispute,
        payload={"values": {"kind": kind, "case": case.reference}},
    )
    return dispute


@transaction.atomic
def accident_notify(
    *,
    establishment: Establishment,
    office: Office,
    kind: str,
    severity: str,
    occurred_on: dt.date,
    description: str,
    actor: Actor,
    victims_female: int = 0,
    victims_male: int = 0,
    fatalities: int = 0,
    supervisor: User | None = None,
    assigned_to: User | None = None,
    worker_id: str = "",
) -> AccidentNotification:
    """Notify an accident or disease; a fatal one opens its investigation at once (2 working days)."""
    if severity == AccidentNotification.Severity.FATAL and fatalities < 1:
        raise ValidationError({"fatalities": _("A fatal accident records at least one death.")})
    if fatalities > victims_female + victims_male:
        raise ValidationError({"fatalities": _("Deaths cannot exceed the people affected.")})
    fatal = severity == AccidentNotification.Severity.FATAL
    case = case_open(
        procedure="accident",
        title=f"{establishment.name}: {description[:80]}",
        office=office,
        establishment=establishment,
        actor=actor,
        assigned_to=assigned_to,
        supervisor=supervisor,
        permission=Action.CASE_VIEW,
        limits={"investigation": 2} if fatal else None,
    )
    notification = AccidentNotification(
        case=case,
        establishment=establishment,
        kind=kind,
        severity=severity,
        occurred_on=occurred_on,
        description=description.strip(),
        victims_female=victims_female,
        victims_male=victims_male,
        fatalities=fatalities,
        worker_id=worker_id.strip().upper(),
    )
    notification.full_clean()
    notification.save()
    audit_record(
        actor=actor,
        action=AuditAction.ACCIDENT_NOTIFIED,
        subject=notification,
        payload={
            "values": {"severity": severity, "fatalities": fatalities, "case": case.reference}
        },
    )
    if fatal:
        # Fatal accidents are investigated immediately; the system acts, so no role check here.
        notification.case = case_transition(
            case=case,
            transition="investigate",
            actor=None,
            note=_("Fatal accident: investigation opened automatically"),
        )
        # ... and the investigation inspection exists at once, carrying the accident's facts.
        accident_inspection_open(accident=notification, actor=None)
        notification.refresh_from_db()
    return notification
