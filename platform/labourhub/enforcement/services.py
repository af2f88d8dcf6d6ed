"""The enforcement chain: each step records its own row and moves the case (workflow)."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
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
from labourhub.enforcement.models import (
    Appeal,
    ComplianceOrder,
    Fine,
    FineRule,
    Hearing,
    Payment,
    Referral,
)
from labourhub.registry.models import Establishment
from labourhub.workflow.models import Case
from labourhub.workflow.services import (
    Actor,
    case_note_add,
    case_open,
    case_transition,
    deadline_add,
    ministry_today,
)

CENT = Decimal("0.01")
# A fine on the same establishment within this many days makes the next one a repeat offence.
REPEAT_WINDOW_DAYS = 730


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


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
    ComplianceOrder.objects.filter(pk=order.pk).update(result=result, verified_at=timezone.now())
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


def fine_rule_for(*, provision: str, size_band: str) -> FineRule | None:
    return (
        FineRule.objects.filter(provision=provision, size_band=size_band).first()
        or FineRule.objects.filter(provision=provision, size_band="").first()
    )


def fine_compute(*, rule: FineRule, workers_affected: int, repeat_offence: bool) -> Decimal:
    amount = rule.base_amount + rule.per_worker_amount * workers_affected
    if repeat_offence:
        amount = amount * (1 + rule.repeat_aggravation_pct / 100)
    if rule.maximum is not None:
        amount = min(amount, rule.maximum)
    return _money(amount)


def _is_repeat(establishment: Establishment, case: Case) -> bool:
    since = timezone.now() - dt.timedelta(days=REPEAT_WINDOW_DAYS)
    return (
        Fine.objects.filter(establishment=establishment, annulled=False, created_at__gte=since)
        .exclude(case=case)
        .exists()
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
    order = ComplianceOrder.objects.filter(case=case).order_by("-id").first()
    if order is None or case.establishment is None:
        raise ApplicationError(_("This case has no compliance order to sanction."))
    rule = fine_rule_for(provision=order.provision, size_band=case.establishment.size_band)
    if rule is None:
        raise ApplicationError(
            _("The fine schedule has no line for “%(p)s”; add it before deciding.")
            % {"p": order.provision}
        )
    case_transition(
        case=case, transition="decide_sanction", actor=actor, note=note, documents=documents, on=on
    )
    repeat = _is_repeat(case.establishment, case)
    amount = fine_compute(rule=rule, workers_affected=order.workers_affected, repeat_offence=repeat)
    tenant = getattr(connection, "tenant", None)
    fine = Fine.objects.create(
        case=case,
        establishment=case.establishment,
        provision=order.provision,
        workers_affected=order.workers_affected,
        repeat_offence=repeat,
        computed_amount=amount,
        amount=amount,
        currency=getattr(tenant, "currency", "USD") or "USD",
        interest_rate_pct=rule.interest_rate_pct,
    )
    audit_record(
        actor=actor,
        action=AuditAction.FINE_IMPOSED,
        subject=fine,
        payload={"values": {"amount": amount, "repeat_offence": repeat, "rule": rule.pk}},
    )
    return fine


def fine_paid(*, fine: Fine) -> Decimal:
    return sum((p.amount for p in fine.payments.all()), Decimal(0))


def fine_interest(*, fine: Fine, on: dt.date) -> Decimal:
    """Simple annual interest on the unpaid amount from the payment deadline to ``on``."""
    if not fine.interest_rate_pct:
        return Decimal(0)
    due = (
        fine.case.deadlines.filter(code="payment")
        .order_by("-id")
        .values_list("due_on", flat=True)
        .first()
    )
    if due is None or on <= due:
        return Decimal(0)
    unpaid = max(fine.amount - fine_paid(fine=fine), Decimal(0))
    return _money(unpaid * fine.interest_rate_pct / 100 * (on - due).days / 365)


def fine_balance(*, fine: Fine, on: dt.date) -> Decimal:
    return _money(fine.amount + fine_interest(fine=fine, on=on) - fine_paid(fine=fine))


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
            {"amount": _("The payment is more than the balance (%(b)s).") % {"b": balance}}
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
        text=_("Payment %(ref)s of %(amt)s %(cur)s; balance %(bal)s")
        % {"ref": payment.reference, "amt": amount, "cur": fine.currency, "bal": remaining},
    )
    if remaining <= 0:
        case_transition(
            case=fine.case, transition="record_paid", actor=actor, note=_("Fine paid in full")
        )
    return payment


@transaction.atomic
def appeal_file(
    *,
    case: Case,
    grounds: str,
    actor: Actor,
    filed_on: dt.date | None = None,
    documents: list[dict[str, Any]] | None = None,
) -> Appeal:
    if not grounds.strip():
        raise ValidationError({"grounds": _("State the grounds of the appeal.")})
    filed = filed_on or ministry_today()
    window = case.deadlines.filter(code="appeal_window").order_by("-id").first()
    if window is not None and filed > window.due_on:
        raise ApplicationError(_("The time to appeal ended on %(d)s.") % {"d": window.due_on})
    case_transition(
        case=case,
        transition="file_appeal",
        actor=actor,
        documents=documents,
        note=grounds.strip()[:500],
        on=filed,
    )
    appeal = Appeal.objects.create(case=case, filed_on=filed, grounds=grounds.strip())
    audit_record(
        actor=actor,
        action=AuditAction.APPEAL_FILED,
        subject=appeal,
        payload={"values": {"filed_on": filed}},
    )
    return appeal


@transaction.atomic
def appeal_decide(
    *,
    appeal: Appeal,
    outcome: str,
    actor: Actor,
    new_amount: Decimal | None = None,
    note: str = "",
    on: dt.date | None = None,
) -> Appeal:
    if appeal.outcome != Appeal.Outcome.PENDING:
        raise ApplicationError(_("This appeal is already decided."))
    fine = Fine.objects.select_for_update().get(case=appeal.case)
    before = fine.amount
    if outcome == Appeal.Outcome.REDUCED:
        if new_amount is None or not Decimal(0) < new_amount < fine.amount:
            raise ValidationError(
                {
                    "new_amount": _("A reduced fine must be more than zero and less than %(a)s.")
                    % {"a": fine.amount}
                }
            )
        transition = "decide_appeal"
    elif outcome == Appeal.Outcome.UPHELD:
        new_amount, transition = fine.amount, "decide_appeal"
    elif outcome == Appeal.Outcome.ANNULLED:
        new_amount, transition = Decimal(0), "annul"
    else:
        raise ValidationError({"outcome": _("Choose upheld, reduced or annulled.")})
    case_transition(case=appeal.case, transition=transition, actor=actor, note=note, on=on)
    Fine.objects.filter(pk=fine.pk).update(
        amount=_money(new_amount), annulled=outcome == Appeal.Outcome.ANNULLED
    )
    Appeal.objects.filter(pk=appeal.pk).update(
        outcome=outcome, amount_before=before, amount_after=new_amount, decided_at=timezone.now()
    )
    appeal.refresh_from_db()
    audit_record(
        actor=actor,
        action=AuditAction.APPEAL_DECIDED,
        subject=appeal,
        payload={"changes": {"amount": (before, new_amount)}, "values": {"outcome": outcome}},
    )
    return appeal


@transaction.atomic
def referral_make(
    *, case: Case, to: str, reason: str, actor: Actor, on: dt.date | None = None
) -> Referral:
    if to not in Referral.To.values:
        raise ValidationError({"to": _("Choose the court or the attorney general.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the referral.")})
    fine = Fine.objects.filter(case=case).first()
    outstanding = fine_balance(fine=fine, on=on or ministry_today()) if fine else Decimal(0)
    case_transition(case=case, transition="refer", actor=actor, note=reason.strip()[:500], on=on)
    referral = Referral.objects.create(
        case=case, to=to, reason=reason.strip(), outstanding=outstanding
    )
    audit_record(
        actor=actor,
        action=AuditAction.REFERRAL_MADE,
        subject=referral,
        payload={"values": {"to": to, "outstanding": outstanding}},
    )
    return referral


# -- hearings ----------------------------------------------------------------------------------


@transaction.atomic
def hearing_schedule(
    *,
    case: Case,
    room: str,
    officer: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    parties: str,
    actor: Actor,
) -> Hearing:
    """Book a hearing; refuses a room or an officer already booked at an overlapping time."""
    user = actor if isinstance(actor, User) else None
    if user is not None and not user_can(
        user=user, action=Action.CASE_EDIT, office=case.office, owner_id=case.assigned_to_id
    ):
        raise ApplicationError(_("Your role does not allow scheduling hearings on this case."))
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The hearing must end after it starts.")})
    room = room.strip()
    with connection.cursor() as cursor:
        # Serialise bookings of the same room and officer so two clerks cannot both win.
        for key in (f"hearing-room:{room.lower()}", f"hearing-officer:{officer.pk}"):
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])
    clash = Hearing.objects.filter(
        status=Hearing.Status.SCHEDULED, starts_at__lt=ends_at, ends_at__gt=starts_at
    )
    if clash.filter(room__iexact=room).exists():
        raise ApplicationError(_("Room %(r)s is already booked at that time.") % {"r": room})
    if clash.filter(officer=officer).exists():
        raise ApplicationError(_("%(o)s already has a hearing at that time.") % {"o": officer})
    hearing = Hearing(
        case=case,
        room=room,
        officer=officer,
        starts_at=starts_at,
        ends_at=ends_at,
        parties=parties.strip(),
    )
    hearing.full_clean()
    hearing.save()
    case_note_add(
        case=case,
        actor=actor,
        kind="hearing",
        text=_("Hearing scheduled in %(r)s on %(d)s")
        % {"r": room, "d": timezone.localtime(starts_at).strftime("%Y-%m-%d %H:%M")},
    )
    audit_record(
        actor=actor,
        action=AuditAction.HEARING_SCHEDULED,
        subject=hearing,
        payload={"values": {"room": room, "officer": officer.pk, "starts_at": starts_at}},
    )
    return hearing


@transaction.atomic
def hearing_record(
    *,
    hearing: Hearing,
    attendance: dict[str, bool],
    outcome: str,
    actor: Actor,
    agreement: str = "",
    agreement_days: int | None = None,
) -> Hearing:
    """Record who attended and the outcome; an agreement gets its own follow-up deadline."""
    if hearing.status != Hearing.Status.SCHEDULED:
        raise ApplicationError(_("This hearing is already recorded or cancelled."))
    if agreement.strip() and not agreement_days:
        raise ValidationError({"agreement_days": _("Give the days the parties have to comply.")})
    Hearing.objects.filter(pk=hearing.pk).update(
        status=Hearing.Status.HELD,
        attendance=attendance,
        outcome=outcome.strip(),
        agreement=agreement.strip(),
    )
    hearing.refresh_from_db()
    if agreement.strip() and agreement_days:
        deadline_add(
            case=hearing.case,
            code="agreement",
            label=_("Comply with the agreement"),
            amount=agreement_days,
            unit="working_days",
            actor=actor,
        )
    audit_record(
        actor=actor,
        action=AuditAction.HEARING_RECORDED,
        subject=hearing,
        payload={
            "values": {
                "attendance": attendance,
                "outcome": hearing.outcome,
                "agreement": hearing.agreement,
            }
        },
    )
    return hearing


# -- demo ----------------------------------------------------------------------------------------


def fine_schedule_seed(*, actor: Actor = None) -> int:
    """A small default schedule so a new ministry can fine at once; idempotent."""
    rows = [
        ("Minimum wage", "", Decimal(500), Decimal(50), Decimal(50)),
        ("Occupational safety and health", "", Decimal(1000), Decimal(100), Decimal(100)),
        ("Working hours", "", Decimal(300), Decimal(30), Decimal(50)),
        ("Child labour", "", Decimal(5000), Decimal(1000), Decimal(100)),
    ]
    created = 0
    with transaction.atomic():
        for provision, band, base, per_worker, aggr in rows:
            _rule, was_created = FineRule.objects.get_or_create(
                provision=provision,
                size_band=band,
                defaults={
                    "base_amount": base,
                    "per_worker_amount": per_worker,
                    "repeat_aggravation_pct": aggr,
                },
            )
            created += int(was_created)
        if created:
            audit_record(
                actor=actor,
                action=AuditAction.FINE_RULE_SEEDED,
                payload={"values": {"created": created}},
            )
    return created
