"""Inspection findings -> enforcement case: the order lists each finding, nothing is re-typed.

Whether non-compliant findings open the compliance order at once or are proposed to the
supervisor first is the ministry's procedure's choice (``Procedure.orders_from_findings``:
"auto" or "propose"), set by a country pack or an administrator's procedure definition.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.enforcement.models import ComplianceOrder, OrderProposal
from labourhub.workflow.models import Case
from labourhub.workflow.procedures import plugin_procedures, procedure_get
from labourhub.workflow.services import Actor, case_note_add, case_open

AUTO, PROPOSE = "auto", "propose"


def orders_from_findings_mode() -> str:
    """The enforcement procedure's choice (an administrator's definition or the core's), else
    the first active country pack procedure that declares one, else "propose"."""
    proc = procedure_get("enforcement")
    if proc is not None and proc.orders_from_findings:
        return proc.orders_from_findings
    for declared in plugin_procedures().values():
        if declared.orders_from_findings:
            return declared.orders_from_findings
    return PROPOSE


def _open_findings(inspection: Any) -> list[Any]:
    taken = set(
        ComplianceOrder.objects.filter(finding__inspection=inspection).values_list(
            "finding_id", flat=True
        )
    )
    return [
        f
        for f in inspection.findings.filter(withdrawn_by__isnull=True).order_by("id")
        if f.pk not in taken
    ]


@transaction.atomic
def findings_to_case(*, inspection: Any, actor: Actor, days: int | None = None) -> OrderProposal:
    """Turn a submitted inspection's open findings into a compliance order (or a proposal).

    Refuses an inspection not yet submitted, one without open findings, or one already sent.
    """
    if isinstance(actor, User) and not user_can(
        user=actor,
        action=Action.CASE_EDIT,
        office=inspection.office,
        owner_id=inspection.inspector_id,
    ):
        raise ApplicationError(_("Your role does not allow working on this inspection."))
    if inspection.status != "completed":
        raise ApplicationError(_("Submit the inspection report before ordering its findings."))
    if OrderProposal.objects.filter(inspection=inspection).exists():
        raise ApplicationError(_("The findings of this inspection were already sent."))
    findings = _open_findings(inspection)
    if not findings:
        raise ApplicationError(_("This inspection has no open non-compliant finding."))
    if days is not None and not 1 <= days <= 365:
        raise ApplicationError(_("The time to comply must be between 1 and 365 days."))
    mode = orders_from_findings_mode()
    proposal = OrderProposal.objects.create(
        inspection=inspection,
        finding_ids=[f.pk for f in findings],
        days=days,
        proposed_by=actor if isinstance(actor, User) else None,
    )
    audit_record(
        actor=actor,
        action=AuditAction.ORDER_PROPOSED,
        subject=proposal,
        payload={"values": {"inspection": inspection.reference, "findings": proposal.finding_ids}},
    )
    if mode == AUTO:
        return _confirm(proposal=proposal, actor=actor, note=_("Issued automatically"))
    return proposal


@transaction.atomic
def order_proposal_confirm(
    *, proposal: OrderProposal, actor: Actor, days: int | None = None, note: str = ""
) -> OrderProposal:
    """The supervisor confirms the proposed order: one case, one order line per finding."""
    user = actor if isinstance(actor, User) else None
    if user is not None and not user_can(
        user=user, action=Action.CASE_SUPERVISE, office=proposal.inspection.office
    ):
        raise ApplicationError(_("Only a supervisor of this office can confirm the order."))
    if days is not None:
        if not 1 <= days <= 365:
            raise ApplicationError(_("The time to comply must be between 1 and 365 days."))
        proposal.days = days
    return _confirm(proposal=proposal, actor=actor, note=note)


@transaction.atomic
def order_proposal_reject(*, proposal: OrderProposal, actor: Actor, note: str) -> OrderProposal:
    user = actor if isinstance(actor, User) else None
    if user is not None and not user_can(
        user=user, action=Action.CASE_SUPERVISE, office=proposal.inspection.office
    ):
        raise ApplicationError(_("Only a supervisor of this office can reject the order."))
    if not note.strip():
        raise ApplicationError(_("Say why the proposed order is rejected."))
    locked = OrderProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != OrderProposal.Status.PROPOSED:
        raise ApplicationError(_("This proposal was already decided."))
    locked.status = OrderProposal.Status.REJECTED
    locked.decided_by = user
    locked.decided_at = timezone.now()
    locked.decision_note = note.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit_record(
        actor=actor,
        action=AuditAction.ORDER_PROPOSAL_DECIDED,
        subject=locked,
        payload={"values": {"status": locked.status, "note": locked.decision_note}},
    )
    return locked


def _confirm(*, proposal: OrderProposal, actor: Actor, note: str) -> OrderProposal:
    from labourhub.inspections.models import Finding

    locked = OrderProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != OrderProposal.Status.PROPOSED:
        raise ApplicationError(_("This proposal was already decided."))
    inspection = locked.inspection
    findings = list(
        Finding.objects.filter(pk__in=locked.finding_ids, withdrawn_by__isnull=True).order_by("id")
    )
    if not findings:
        raise ApplicationError(_("Every finding of this proposal was withdrawn."))
    est = inspection.establishment
    days = proposal.days or locked.days
    case = case_open(
        procedure="enforcement",
        title=_("%(est)s: %(n)d findings of %(ref)s")
        % {"est": est.name, "n": len(findings), "ref": inspection.reference},
        office=inspection.office,
        establishment=est,
        assigned_to=inspection.inspector,
        supervisor=actor if isinstance(actor, User) else None,
        actor=None,
        limits={"order_compliance": days} if days else None,
    )
    for finding in findings:
        order = ComplianceOrder(
            case=case,
            finding=finding,
            establishment=est,
            provision=finding.provision or _("(no provision recorded)"),
            requirement=finding.corrective_measure or finding.description,
            workers_affected=finding.workers_affected,
        )
        order.full_clean()
        order.save()
    case_note_add(
        case=case,
        actor=actor,
        kind="link",
        text=_("Opened from inspection %(ref)s with %(n)d findings")
        % {"ref": inspection.reference, "n": len(findings)},
    )
    locked.status = OrderProposal.Status.CONFIRMED
    locked.decided_by = actor if isinstance(actor, User) else None
    locked.decided_at = timezone.now()
    locked.decision_note = note.strip()
    locked.case = case
    locked.days = days
    locked.save(
        update_fields=["status", "decided_by", "decided_at", "decision_note", "case", "days"]
    )
    audit_record(
        actor=actor,
        action=AuditAction.ORDER_PROPOSAL_DECIDED,
        subject=locked,
        payload={
            "values": {
                "status": locked.status,
                "case": case.reference,
                "orders": list(
                    ComplianceOrder.objects.filter(case=case).values_list("pk", flat=True)
                ),
            }
        },
    )
    return locked


def case_of_inspection(*, inspection: Any) -> Case | None:
    proposal = OrderProposal.objects.filter(inspection=inspection).select_related("case").first()
    return proposal.case if proposal is not None else None
