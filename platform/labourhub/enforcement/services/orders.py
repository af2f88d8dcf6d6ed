"""Compliance orders, sanction notices, sanction decisions and payments."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.common.formatting import format_money
from labourhub.common.localtime import ministry_language_default
from labourhub.documents.models import Document, DocumentKind, DocumentTemplate
from labourhub.documents.services import document_issue, document_templates_seed
from labourhub.enforcement.models import (
    ComplianceOrder,
    Fine,
    Payment,
)
from labourhub.enforcement.services.fines import (
    _is_repeat,
    fine_balance,
    fine_rule_for,
)
from labourhub.enforcement.services.penalties import penalty_lines_fix
from labourhub.registry.models import Establishment
from labourhub.workflow.models import Case
from labourhub.workflow.services import (
    Actor,
    case_note_add,
    case_open,
    case_transition,
)


@transaction.atomic
def order_issue(
    *,
    establishment: Establishment,
    office: Office,
    provision: str,
    requirement: str,
    actor: Actor,
    days: int | None = None,
    finding: Any = None,
    workers_affected: int = 0,
    assigned_to: User | None = None,
    supervisor: User | None = None,
    start_on: dt.date | None = None,
) -> ComplianceOrder:
    """Open an enforcement case with a compliance order and its deadline (``days`` calendar days)."""
    if not requirement.strip():
        raise ValidationError({"requirement": _("Say what the employer must do.")})
    if days is not None and not 1 <= days <= 365:
        raise ValidationError({"days": _("The time to comply must be between 1 and 365 days.")})
    case = case_open(
        procedure="enforcement",
        title=f"{establishment.name}: {provision}"[:300],
        office=office,
        establishment=establishment,
        assigned_to=assigned_to,
        supervisor=supervisor,
        actor=actor,
        start_on=start_on,
        limits={"order_compliance": days} if days is not None else None,
    )
    order = ComplianceOrder(
        case=case,
        finding=finding,
        establishment=establishment,
        provision=provision.strip(),
        requirement=requirement.strip(),
        workers_affected=workers_affected,
    )
    order.full_clean()
    order.save()
    audit_record(
        actor=actor,
        action=AuditAction.COMPLIANCE_ORDER_ISSUED,
        subject=order,
        payload={"values": {"case": case.reference, "provision": order.provision}},
    )
    return order


@transaction.atomic
def order_issue_from_finding(
    *,
    finding: Any,
    actor: Actor,
    days: int | None = None,
    supervisor: User | None = None,
) -> ComplianceOrder:
    """Turn an inspection finding into a compliance order on the inspected establishment."""
    if finding.withdrawn_by_id is not None:
        raise ApplicationError(_("This finding was withdrawn by a correction."))
    if ComplianceOrder.objects.filter(finding=finding).exists():
        raise ApplicationError(_("This finding already has a compliance order."))
    inspection = finding.inspection
    return order_issue(
        establishment=inspection.establishment,
        office=inspection.office,
        provision=finding.provision or _("(no provision recorded)"),
        requirement=finding.corrective_measure or finding.description,
        actor=actor,
        days=days,
        finding=finding,
        workers_affected=finding.workers_affected,
        assigned_to=inspection.inspector,
        supervisor=supervisor,
    )


_VERIFY = {
    ComplianceOrder.Result.COMPLIED: "verify_complied",
    ComplianceOrder.Result.PARTLY: "verify_partly",
    ComplianceOrder.Result.NOT_COMPLIED: "verify_not_complied",
}


@transaction.atomic
def order_verify(
    *,
    order: ComplianceOrder,
    result: str,
    actor: Actor,
    note: str = "",
    documents: list[dict[str, Any]] | None = None,
    new_days: int | None = None,
    on: dt.date | None = None,
) -> ComplianceOrder:
    """Record the follow-up inspection's verdict and move the case accordingly."""
    if result not in _VERIFY:
        raise ValidationError({"result": _("Choose complied, partly complied or not complied.")})
    case_transition(
        case=order.case,
        transition=_VERIFY[ComplianceOrder.Result(result)],
        actor=actor,
        note=note,
        documents=documents,
        on=on,
        limits={"order_compliance": new_days} if new_days else None,
    )
    before = order.result
    # A case opened from an inspection lists one order line per finding: the follow-up
    # verdict applies to every line not yet complied with.
    ComplianceOrder.objects.filter(case=order.case).exclude(
        result=ComplianceOrder.Result.COMPLIED
    ).update(result=result, verified_at=timezone.now())
    order.refresh_from_db()
    audit_record(
        actor=actor,
        action=AuditAction.COMPLIANCE_ORDER_VERIFIED,
        subject=order,
        payload={"changes": {"result": (before, result)}},
    )
    return order


@transaction.atomic
def sanction_notice_serve(
    *,
    case: Case,
    actor: Actor,
    documents: list[dict[str, Any]],
    note: str = "",
    on: dt.date | None = None,
) -> Case:
    """Serve the infraction report as notice; the employer's time to respond starts."""
    return case_transition(
        case=case, transition="serve_notice", actor=actor, note=note, documents=documents, on=on
    )


@transaction.atomic
def sanction_decide(
    *,
    case: Case,
    actor: Actor,
    impose: bool,
    note: str = "",
    documents: list[dict[str, Any]] | None = None,
    on: dt.date | None = None,
    override_reason: str = "",
) -> Fine | None:
    """Decide after the employer's response: impose the scheduled fine, or close without one."""
    if not impose:
        case_transition(
            case=case,
            transition="decide_no_sanction",
            actor=actor,
            note=note,
            documents=documents,
            on=on,
        )
        return None
    if case.establishment is None or not ComplianceOrder.objects.filter(case=case).exists():
        raise ApplicationError(_("This case has no compliance order to sanction."))
    # One line per violation, as suggested (or adjusted within its range) before the decision.
    lines, suggested_total, total = penalty_lines_fix(case=case)
    case_transition(
        case=case,
        transition="decide_sanction",
        actor=actor,
        note=note,
        documents=documents,
        on=on,
        override_reason=override_reason,
    )
    repeat = _is_repeat(case.establishment, case)
    first_rule = fine_rule_for(provision=lines[0].provision, size_band=case.establishment.size_band)
    tenant = getattr(connection, "tenant", None)
    fine = Fine.objects.create(
        case=case,
        establishment=case.establishment,
        provision="; ".join(dict.fromkeys(line.provision for line in lines))[:400],
        workers_affected=sum(line.order.workers_affected for line in lines),
        repeat_offence=repeat,
        computed_amount=suggested_total,
        amount=total,
        currency=getattr(tenant, "currency", "USD") or "USD",
        interest_rate_pct=first_rule.interest_rate_pct if first_rule else 0,
    )
    fine_decision_issue(fine=fine, actor=actor)
    audit_record(
        actor=actor,
        action=AuditAction.FINE_IMPOSED,
        subject=fine,
        payload={
            "values": {
                "decision": fine.decision.number if fine.decision else None,
                "amount": total,
                "suggested": suggested_total,
                "repeat_offence": repeat,
                "lines": [
                    {"order": line.order_id, "amount": line.amount, "suggested": line.suggested}
                    for line in lines
                ],
            }
        },
    )
    return fine


@transaction.atomic
def fine_decision_issue(*, fine: Fine, actor: Actor) -> Document | None:
    """Issue the numbered fine decision from its case: the case's reference, establishment and
    violations are filled from the case, the amount from the fine; written on the timeline.

    The officer is whoever decided, or the case's supervisor when a system step decided. A
    ministry that has not written its own fine decision letter gets the starter text.
    """
    case = fine.case
    officer = actor if isinstance(actor, User) else (case.supervisor or case.assigned_to)
    if officer is None:
        return None
    if not DocumentTemplate.objects.filter(
        kind=DocumentKind.FINE_DECISION, current_version__isnull=False
    ).exists():
        document_templates_seed(actor=actor)
    document = document_issue(
        kind=DocumentKind.FINE_DECISION,
        officer=officer,
        subject=case,
        office=case.office,
        # The letter speaks the ministry's language, whoever issues it.
        extra={
            "amount": format_money(
                fine.amount,
                fine.currency,
                language=ministry_language_default(getattr(connection, "tenant", None)),
            )
        },
        actor=actor,
    )
    Fine.objects.filter(pk=fine.pk).update(decision=document)
    fine.decision = document
    case_note_add(
        case=case,
        actor=actor,
        kind="document",
        text=_("Fine decision %(number)s issued: %(amount)s")
        % {"number": document.number, "amount": format_money(fine.amount, fine.currency)},
        documents=[
            {"kind": DocumentKind.FINE_DECISION, "title": document.number, "id": document.pk}
        ],
    )
    return document


@transaction.atomic
def payment_record(
    *,
    fine: Fine,
    amount: Decimal,
    reference: str,
    paid_on: dt.date,
    actor: Actor,
) -> Payment:
    """Record a (partial) payment; paying the whole balance closes the case."""
    fine = Fine.objects.select_for_update().get(pk=fine.pk)
    user = actor if isinstance(actor, User) else None
    if user is not None and not user_can(
        user=user,
        action=Action.CASE_EDIT,
        office=fine.case.office,
        owner_id=fine.case.assigned_to_id,
    ):
        raise ApplicationError(_("Your role does not allow recording payments on this case."))
    if fine.annulled:
        raise ApplicationError(_("This fine was annulled; nothing is due."))
    if fine.case.state not in ("sanctioned", "referred"):
        raise ApplicationError(_("Payments can be recorded only while the fine is due."))
    if Payment.objects.filter(fine=fine, reference=reference.strip()).exists():
        raise ValidationError(
            {"reference": _("A payment with this reference is already recorded.")}
        )
    balance = fine_balance(fine=fine, on=paid_on)
    if amount > balance:
        raise ValidationError(
            {
                "amount": _("The payment is more than the balance (%(b)s).")
                % {"b": format_money(balance, fine.currency)}
            }
        )
    payment = Payment(fine=fine, amount=amount, reference=reference.strip(), paid_on=paid_on)
    payment.full_clean()
    payment.save()
    audit_record(
        actor=actor,
        action=AuditAction.PAYMENT_RECORDED,
        subject=payment,
        payload={"values": {"amount": amount, "reference": payment.reference, "fine": fine.pk}},
    )
    remaining = balance - amount
    case_note_add(
        case=fine.case,
        actor=actor,
        kind="payment",
        text=_("Payment %(ref)s of %(amt)s; balance %(bal)s")
        % {
            "ref": payment.reference,
            "amt": format_money(amount, fine.currency),
            "bal": format_money(remaining, fine.currency),
        },
    )
    if remaining <= 0:
        case_transition(
            case=fine.case, transition="record_paid", actor=actor, note=_("Fine paid in full")
        )
    return payment
