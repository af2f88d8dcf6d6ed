"""The penalty for each violation, suggested before the decision and adjustable within its range.

Each compliance order line of a case is one violation. Its suggestion comes from the ministry's
country pack schedule (``register_fine_schedules``, in the pack's legal unit converted to money)
when the pack has a rule for the provision, otherwise from the ministry's own fine schedule
(``FineRule``, the core default). The decider may set another amount inside the legal range,
with a reason that is audited; the fine decided is the total of the lines.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.enforcement.models import ComplianceOrder, PenaltyLine
from labourhub.enforcement.services.fines import _is_repeat, fine_compute, fine_rule_for
from labourhub.workflow.models import Case
from labourhub.workflow.services import Actor

CENT = Decimal("0.01")


@dataclass(frozen=True)
class PenaltySuggestion:
    order: ComplianceOrder
    provision: str
    legal_basis: str
    suggested: Decimal
    minimum: Decimal
    maximum: Decimal
    amount: Decimal
    reason: str
    adjusted: bool


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _violation_day(case: Case) -> dt.date:
    return timezone.localdate(case.created_at)


def _suggest(case: Case, order: ComplianceOrder, repeat: bool) -> PenaltySuggestion | None:
    from labourhub.enforcement.schedules import fine_suggest

    size_band = case.establishment.size_band if case.establishment else ""
    pack = fine_suggest(
        tenant=getattr(connection, "tenant", None),
        provision=order.provision,
        on=_violation_day(case),
        size_band=size_band,
        workers_affected=order.workers_affected,
        repeat_offence=repeat,
    )
    if pack is not None and pack.amount is not None and pack.unit_value is not None:
        return PenaltySuggestion(
            order=order,
            provision=order.provision,
            legal_basis=pack.legal_basis,
            suggested=pack.amount,
            minimum=_money(pack.minimum * pack.unit_value),
            maximum=_money(pack.maximum * pack.unit_value),
            amount=pack.amount,
            reason="",
            adjusted=False,
        )
    rule = fine_rule_for(provision=order.provision, size_band=size_band)
    if rule is None:
        return None
    amount = fine_compute(rule=rule, workers_affected=order.workers_affected, repeat_offence=repeat)
    # Without a legal maximum in the schedule, the decider can lower but never raise the amount.
    maximum = rule.maximum if rule.maximum is not None else amount
    return PenaltySuggestion(
        order=order,
        provision=order.provision,
        legal_basis=rule.provision,
        suggested=amount,
        minimum=min(_money(rule.base_amount), amount),
        maximum=max(_money(maximum), amount),
        amount=amount,
        reason="",
        adjusted=False,
    )


def penalty_preview(*, case: Case) -> tuple[list[PenaltySuggestion], list[ComplianceOrder]]:
    """One suggestion per violation (with any recorded adjustment), and the violations that the
    schedules do not cover. Reads only."""
    repeat = _is_repeat(case.establishment, case) if case.establishment else False
    lines = {p.order_id: p for p in PenaltyLine.objects.filter(case=case)}
    found: list[PenaltySuggestion] = []
    missing: list[ComplianceOrder] = []
    for order in ComplianceOrder.objects.filter(case=case).order_by("id"):
        suggestion = _suggest(case, order, repeat)
        if suggestion is None:
            missing.append(order)
            continue
        line = lines.get(order.pk)
        if line is not None and line.adjusted_by_id is not None:
            suggestion = PenaltySuggestion(
                **{
                    **suggestion.__dict__,
                    "amount": line.amount,
                    "reason": line.reason,
                    "adjusted": True,
                }
            )
        found.append(suggestion)
    return found, missing


@transaction.atomic
def penalty_adjust(
    *, order: ComplianceOrder, amount: Decimal, reason: str, actor: Actor
) -> PenaltyLine:
    """Set the penalty of one violation inside its legal range; the reason is required."""
    case = order.case
    if isinstance(actor, User) and not user_can(
        user=actor, action=Action.SANCTION_DECIDE, office=case.office
    ):
        raise ApplicationError(_("Your role does not allow deciding sanctions on this case."))
    if case.state != "notice_served":
        raise ApplicationError(_("Penalties can be adjusted only before the decision."))
    suggestions, _missing = penalty_preview(case=case)
    suggestion = next((s for s in suggestions if s.order.pk == order.pk), None)
    if suggestion is None:
        raise ApplicationError(
            _("The fine schedule has no line for “%(p)s”; add it before deciding.")
            % {"p": order.provision}
        )
    errors = {}
    if not suggestion.minimum <= amount <= suggestion.maximum:
        errors["amount"] = _("The amount must be between %(min)s and %(max)s.") % {
            "min": suggestion.minimum,
            "max": suggestion.maximum,
        }
    if not reason.strip():
        errors["reason"] = _("Give the reason for this amount.")
    if errors:
        raise ValidationError(errors)
    before = PenaltyLine.objects.filter(order=order).values_list("amount", flat=True).first()
    line, _created = PenaltyLine.objects.update_or_create(
        order=order,
        defaults={
            "case": case,
            "provision": suggestion.provision[:400],
            "legal_basis": suggestion.legal_basis[:400],
            "suggested": suggestion.suggested,
            "minimum": suggestion.minimum,
            "maximum": suggestion.maximum,
            "amount": _money(amount),
            "reason": reason.strip(),
            "adjusted_by": actor if isinstance(actor, User) else None,
        },
    )
    audit_record(
        actor=actor,
        action=AuditAction.PENALTY_ADJUSTED,
        subject=line,
        payload={
            "changes": {"amount": (before, line.amount)},
            "values": {
                "suggested": suggestion.suggested,
                "range": [suggestion.minimum, suggestion.maximum],
                "reason": line.reason,
            },
        },
    )
    return line


def penalty_lines_fix(*, case: Case) -> tuple[list[PenaltyLine], Decimal, Decimal]:
    """At the decision: one line per violation (suggested amount where not adjusted); returns
    the lines, the suggested total and the total decided. Refuses uncovered violations."""
    suggestions, missing = penalty_preview(case=case)
    if missing:
        raise ApplicationError(
            _("The fine schedule has no line for “%(p)s”; add it before deciding.")
            % {"p": missing[0].provision}
        )
    if not suggestions:
        raise ApplicationError(_("This case has no compliance order to sanction."))
    lines = []
    for s in suggestions:
        line, _created = PenaltyLine.objects.get_or_create(
            order=s.order,
            defaults={
                "case": case,
                "provision": s.provision[:400],
                "legal_basis": s.legal_basis[:400],
                "suggested": s.suggested,
                "minimum": s.minimum,
                "maximum": s.maximum,
                "amount": s.amount,
            },
        )
        lines.append(line)
    return (
        lines,
        sum((s.suggested for s in suggestions), Decimal(0)),
        sum((line.amount for line in lines), Decimal(0)),
    )
