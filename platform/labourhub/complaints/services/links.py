"""Links that carry a complaint's or an accident's data forward, so nothing is typed twice.

complaint -> inspection (origin, establishment, the allegations as the visit's focus) and the
inspection's result back to the complaint; accident -> investigation inspection with the
accident's facts; complaint -> labour dispute (conciliation), and the settlement back to the
complaint. Each link is written on both records' timelines and audited.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.complaints.models import AccidentNotification, Complaint, Dispute
from labourhub.inspections.models import Inspection
from labourhub.workflow.models import Case
from labourhub.workflow.services import Actor, case_note_add, case_transition


def _may_edit(actor: Actor, case: Case) -> None:
    if isinstance(actor, User) and not user_can(
        user=actor, action=Action.CASE_EDIT, office=case.office, owner_id=case.assigned_to_id
    ):
        raise ApplicationError(_("Your role does not allow working on this case."))


# The checklist a linked inspection starts with: child labour and accidents have their own.
CHECKLIST_FOR = {
    "child_labour": "child-labour",
    Inspection.Origin.ACCIDENT: "occupational-safety-health",
    Inspection.Origin.COMPLAINT: "general-labour-standards",
}


def _checklist(key: str) -> Any:
    from labourhub.inspections.models import Checklist
    from labourhub.inspections.selectors import checklist_current_version

    found = Checklist.objects.filter(code=CHECKLIST_FOR.get(key, "")).first()
    if found is None or checklist_current_version(checklist=found) is None:
        return None
    return found


def _open_inspection(
    *, establishment: Any, origin: str, case: Case, focus: str, checklist_key: str = ""
) -> Inspection:
    from labourhub.inspections.services import inspection_create

    # The step that leads here was permission-checked on the case; the inspection is opened by
    # the system for it, so a clerk who triages does not need the right to plan inspections.
    return inspection_create(
        establishment=establishment,
        origin=origin,
        actor=None,
        origin_reference=case.reference,
        focus=focus,
        checklist=_checklist(checklist_key or origin),
    )


def complaint_focus(complaint: Complaint) -> str:
    """The allegations, never the complainant's identity (the inspector visits the employer)."""
    lines = [complaint.subject, complaint.description]
    if complaint.child_labour:
        lines.append(_("The complaint says children are working."))
    return "\n".join(x for x in lines if x)


@transaction.atomic
def complaint_inspection_open(*, complaint: Complaint, actor: Actor) -> Inspection:
    """Open the inspection of a complaint triaged to inspection, linked both ways."""
    complaint = Complaint.objects.select_for_update().select_related("case").get(pk=complaint.pk)
    _may_edit(actor, complaint.case)
    if complaint.inspection_id is not None:
        raise ApplicationError(_("This complaint already has an inspection."))
    if complaint.establishment is None:
        raise ValidationError(
            {"establishment": _("Link the complaint to a registered establishment first.")}
        )
    inspection = _open_inspection(
        establishment=complaint.establishment,
        origin=Inspection.Origin.COMPLAINT,
        case=complaint.case,
        focus=complaint_focus(complaint),
        checklist_key="child_labour" if complaint.child_labour else "",
    )
    Complaint.objects.filter(pk=complaint.pk).update(inspection=inspection)
    complaint.refresh_from_db()
    case_note_add(
        case=complaint.case,
        actor=actor,
        kind="link",
        text=_("Inspection %(ref)s opened from this complaint") % {"ref": inspection.reference},
    )
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_LINKED,
        subject=inspection,
        payload={"values": {"complaint": complaint.case.reference, "origin": "complaint"}},
    )
    return inspection


def accident_focus(accident: AccidentNotification) -> str:
    return _(
        "%(kind)s, %(severity)s, on %(date)s: %(deaths)d deaths, %(women)d women and "
        "%(men)d men affected.\n%(text)s"
    ) % {
        "kind": accident.get_kind_display(),
        "severity": accident.get_severity_display(),
        "date": accident.occurred_on.isoformat(),
        "deaths": accident.fatalities,
        "women": accident.victims_female,
        "men": accident.victims_male,
        "text": accident.description,
    }


@transaction.atomic
def accident_inspection_open(*, accident: AccidentNotification, actor: Actor) -> Inspection:
    """Open the investigation inspection of an accident with its facts; the accident case moves
    to "under investigation" if it was not there yet."""
    accident = (
        AccidentNotification.objects.select_for_update()
        .select_related("case", "establishment")
        .get(pk=accident.pk)
    )
    _may_edit(actor, accident.case)
    if accident.inspection_id is not None:
        raise ApplicationError(_("This accident already has an investigation inspection."))
    inspection = _open_inspection(
        establishment=accident.establishment,
        origin=Inspection.Origin.ACCIDENT,
        case=accident.case,
        focus=accident_focus(accident),
    )
    AccidentNotification.objects.filter(pk=accident.pk).update(inspection=inspection)
    if accident.case.state == "notified":
        case_transition(
            case=accident.case,
            transition="investigate",
            actor=None,
            note=_("Investigation inspection %(ref)s opened") % {"ref": inspection.reference},
        )
    case_note_add(
        case=accident.case,
        actor=actor,
        kind="link",
        text=_("Investigation inspection %(ref)s opened from this notification")
        % {"ref": inspection.reference},
    )
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_LINKED,
        subject=inspection,
        payload={"values": {"accident": accident.case.reference, "origin": "accident"}},
    )
    return inspection


@transaction.atomic
def inspection_result_return(*, inspection: Inspection, actor: Actor) -> Case | None:
    """Write a submitted (or refused) inspection's result on the complaint or accident it came
    from; returns that record's case (None when the inspection came from neither)."""
    source: Complaint | AccidentNotification | None = (
        Complaint.objects.filter(inspection=inspection).select_related("case").first()
        or AccidentNotification.objects.filter(inspection=inspection).select_related("case").first()
    )
    if source is None:
        return None
    findings = inspection.findings.filter(withdrawn_by__isnull=True).count()
    text = _("Inspection %(ref)s: %(outcome)s; %(n)d non-compliant findings.") % {
        "ref": inspection.reference,
        "outcome": inspection.get_outcome_display(),
        "n": findings,
    }
    case_note_add(case=source.case, actor=actor, kind="link", text=text)
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_RESULT_RETURNED,
        subject=inspection,
        payload={
            "values": {
                "case": source.case.reference,
                "outcome": inspection.outcome,
                "findings": findings,
            }
        },
    )
    return source.case


@transaction.atomic
def complaint_dispute_open(*, complaint: Complaint, actor: Actor, kind: str = "") -> Dispute:
    """Open a labour dispute (conciliation) from a complaint, with its parties and subject."""
    from labourhub.complaints.services.intake import complaint_triage, dispute_file

    complaint = Complaint.objects.select_for_update().select_related("case").get(pk=complaint.pk)
    _may_edit(actor, complaint.case)
    if Dispute.objects.filter(complaint=complaint).exists():
        raise ApplicationError(_("This complaint already has a labour dispute."))
    if complaint.anonymous:
        raise ApplicationError(
            _("An anonymous complaint cannot go to conciliation: the worker must be a party.")
        )
    if complaint.triage == Complaint.Triage.PENDING:
        complaint = complaint_triage(
            complaint=complaint,
            outcome=Complaint.Triage.CONCILIATION,
            reason=_("Sent to conciliation as a labour dispute"),
            actor=actor,
        )
    elif complaint.triage != Complaint.Triage.CONCILIATION:
        raise ApplicationError(_("Only a complaint triaged to conciliation becomes a dispute."))
    employer = complaint.establishment.name if complaint.establishment else complaint.employer_text
    dispute = dispute_file(
        office=complaint.case.office,
        kind=kind or Dispute.Kind.INDIVIDUAL,
        workers_party=complaint.complainant_name,
        employer_party=employer,
        subject=f"{complaint.subject}\n{complaint.description}",
        establishment=complaint.establishment,
        actor=None,
    )
    Dispute.objects.filter(pk=dispute.pk).update(complaint=complaint)
    dispute.refresh_from_db()
    for case, ref in ((complaint.case, dispute.case.reference), (dispute.case, None)):
        case_note_add(
            case=case,
            actor=actor,
            kind="link",
            text=(
                _("Labour dispute %(ref)s opened from this complaint") % {"ref": ref}
                if ref
                else _("Opened from complaint %(ref)s") % {"ref": complaint.case.reference}
            ),
        )
    audit_record(
        actor=actor,
        action=AuditAction.DISPUTE_OPENED_FROM_COMPLAINT,
        subject=dispute,
        payload={"values": {"complaint": complaint.case.reference, "case": dispute.case.reference}},
    )
    return dispute


@transaction.atomic
def dispute_settle(
    *, dispute: Dispute, actor: Actor, settlement: str = "", hearing: Any = None
) -> Dispute:
    """Record the settlement (typed, or the agreement of a conciliation hearing) and close the
    dispute and, when it came from one, the complaint."""
    text = (settlement or (hearing.agreement if hearing is not None else "")).strip()
    if not text:
        raise ValidationError({"settlement": _("Write what the parties agreed.")})
    _may_edit(actor, dispute.case)
    case_transition(case=dispute.case, transition="settle", actor=actor, note=text[:500])
    Dispute.objects.filter(pk=dispute.pk).update(settlement=text)
    dispute.refresh_from_db()
    closed_complaint = None
    complaint = dispute.complaint
    if complaint is not None and complaint.case.closed_at is None:
        case_transition(
            case=complaint.case,
            transition="close",
            actor=None,
            note=_("Settled in conciliation (%(ref)s): %(text)s")
            % {"ref": dispute.case.reference, "text": text[:400]},
        )
        closed_complaint = complaint.case.reference
    audit_record(
        actor=actor,
        action=AuditAction.DISPUTE_SETTLED,
        subject=dispute,
        payload={
            "values": {
                "settlement": text[:1000],
                "hearing": getattr(hearing, "pk", None),
                "complaint_closed": closed_complaint,
            }
        },
    )
    return dispute
