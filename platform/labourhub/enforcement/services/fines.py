"""Fines: the schedule, the computed amount, interest and balance."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.audit.services import AuditAction, audit_record
from labourhub.enforcement.models import (
    Fine,
    FineRule,
)
from labourhub.registry.models import Establishment
from labourhub.workflow.models import Case
from labourhub.workflow.services import (
    Actor,
)

CENT = Decimal("0.01")
# A fine on the same establishment within this many days makes the next one a repeat offence.
REPEAT_WINDOW_DAYS = 730


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


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


# -- demo ----------------------------------------------------------------------------------------


def fine_schedule_seed(*, actor: Actor = None, language: str = "") -> int:
    """A small default schedule so a new ministry can fine at once; idempotent.

    Provision names are stored text: with ``language`` (the demo passes the ministry's) they are
    written in it, else in English, as the rules that name them in code expect.
    """
    rows = [
        (gettext_noop("Minimum wage"), "", Decimal(500), Decimal(50), Decimal(50)),
        (
            gettext_noop("Occupational safety and health"),
            "",
            Decimal(1000),
            Decimal(100),
            Decimal(100),
        ),
        (gettext_noop("Working hours"), "", Decimal(300), Decimal(30), Decimal(50)),
        (gettext_noop("Child labour"), "", Decimal(5000), Decimal(1000), Decimal(100)),
    ]
    created = 0
    with transaction.atomic(), translation.override(language or "en"):
        for provision, band, base, per_worker, aggr in rows:
            _rule, was_created = FineRule.objects.get_or_create(
                provision=_(provision),
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
