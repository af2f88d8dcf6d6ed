"""Appeals, referrals to court and hearings."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.enforcement.models import (
    Appeal,
    Fine,
    Hearing,
    Referral,
)
from labourhub.enforcement.services.fines import _money, fine_balance
from labourhub.workflow.models import Case
from labourhub.workflow.services import (
    Actor,
    case_note_add,
    case_transition,
    deadline_add,
    ministry_today,
)


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
