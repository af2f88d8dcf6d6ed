"""Court proceedings after a referral: docket, hearings, judgement, penalty imposed, appeal.

The legal officer records what the court does; the case closes when a final judgement is
recorded. The next hearing of a proceeding is a deadline of the case, so it reaches the bells.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.enforcement.models import CourtHearing, CourtProceeding, Referral
from labourhub.workflow.models import Case, Deadline
from labourhub.workflow.services import (
    Actor,
    case_note_add,
    case_transition,
    deadline_add,
    ministry_today,
)

NEXT_HEARING = "court_hearing"
NEXT_HEARING_LABEL = gettext_noop("Attend the next court hearing")


def _may_record(actor: Actor, case: Case) -> None:
    if isinstance(actor, User) and not user_can(
        user=actor, action=Action.SANCTION_DECIDE, office=case.office
    ):
        raise ApplicationError(_("Your role does not allow recording court proceedings."))


@transaction.atomic
def court_proceeding_open(
    *, referral: Referral, court: str, docket_number: str, actor: Actor
) -> CourtProceeding:
    case = referral.case
    _may_record(actor, case)
    errors = {}
    if referral.to != Referral.To.COURT:
        errors["court"] = _("Only a referral to the labour court goes to court proceedings.")
    if not court.strip():
        errors["court"] = _("Name the court.")
    if not docket_number.strip():
        errors["docket_number"] = _("Give the court's docket number.")
    if errors:
        raise ValidationError(errors)
    if CourtProceeding.objects.filter(referral=referral).exists():
        raise ApplicationError(_("This referral already has its court proceedings."))
    try:
        with transaction.atomic():
            proceeding = CourtProceeding.objects.create(
                case=case,
                referral=referral,
                court=court.strip()[:200],
                docket_number=docket_number.strip()[:80],
                currency=getattr(getattr(connection, "tenant", None), "currency", "") or "",
            )
    except IntegrityError as exc:
        raise ValidationError(
            {"docket_number": _("This court already has a case with this docket number.")}
        ) from exc
    case_note_add(
        case=case,
        actor=actor,
        kind="link",
        text=_("Court proceedings: %(court)s, docket %(docket)s")
        % {"court": proceeding.court, "docket": proceeding.docket_number},
    )
    audit_record(
        actor=actor,
        action=AuditAction.COURT_PROCEEDING_OPENED,
        subject=proceeding,
        payload={"values": {"court": proceeding.court, "docket": proceeding.docket_number}},
    )
    return proceeding


@transaction.atomic
def court_hearing_record(
    *,
    proceeding: CourtProceeding,
    held_on: dt.date,
    summary: str,
    actor: Actor,
    next_hearing_on: dt.date | None = None,
) -> CourtHearing:
    """Record a hearing; a next hearing date becomes a deadline of the case (with its alerts)."""
    case = proceeding.case
    _may_record(actor, case)
    if proceeding.status == CourtProceeding.Status.FINAL:
        raise ApplicationError(_("The judgement is final: no further hearing."))
    errors = {}
    if not summary.strip():
        errors["summary"] = _("Say what happened at the hearing.")
    if held_on > ministry_today():
        errors["held_on"] = _("A hearing is recorded once it was held.")
    if next_hearing_on is not None and next_hearing_on <= held_on:
        errors["next_hearing_on"] = _("The next hearing must come after this one.")
    if errors:
        raise ValidationError(errors)
    hearing = CourtHearing.objects.create(
        proceeding=proceeding,
        held_on=held_on,
        summary=summary.strip(),
        next_hearing_on=next_hearing_on,
    )
    Deadline.objects.filter(case=case, code=NEXT_HEARING, status=Deadline.Status.OPEN).update(
        status=Deadline.Status.MET, outcome=Deadline.Outcome.COMPLIED, closed_at=timezone.now()
    )
    if next_hearing_on is not None:
        deadline_add(
            case=case,
            code=NEXT_HEARING,
            label=NEXT_HEARING_LABEL,
            amount=max((next_hearing_on - ministry_today()).days, 0),
            unit="calendar_days",
            actor=actor,
        )
    case_note_add(
        case=case,
        actor=actor,
        kind="hearing",
        text=_("Court hearing on %(day)s: %(text)s")
        % {"day": held_on.isoformat(), "text": hearing.summary[:400]},
    )
    audit_record(
        actor=actor,
        action=AuditAction.COURT_HEARING_RECORDED,
        subject=hearing,
        payload={
            "values": {
                "held_on": held_on,
                "next_hearing_on": next_hearing_on,
                "proceeding": proceeding.pk,
            }
        },
    )
    return hearing


@transaction.atomic
def court_judgement_record(
    *,
    proceeding: CourtProceeding,
    judgement: str,
    judgement_on: dt.date,
    summary: str,
    actor: Actor,
    penalty_imposed: Decimal | None = None,
    final: bool = True,
    appeal_court: str = "",
    appeal_filed_on: dt.date | None = None,
) -> CourtProceeding:
    """Record the judgement; a final one closes the case, an appealed one waits for the appeal
    court's judgement (recorded the same way)."""
    case = proceeding.case
    _may_record(actor, case)
    proceeding = CourtProceeding.objects.select_for_update().get(pk=proceeding.pk)
    if proceeding.status == CourtProceeding.Status.FINAL:
        raise ApplicationError(_("The judgement is already final."))
    errors = {}
    if judgement not in CourtProceeding.Judgement.values or not judgement:
        errors["judgement"] = _("Choose upheld, reduced or dismissed.")
    elif judgement == CourtProceeding.Judgement.DISMISSED and penalty_imposed:
        errors["penalty_imposed"] = _("A dismissed case imposes no penalty.")
    elif judgement != CourtProceeding.Judgement.DISMISSED and (
        penalty_imposed is None or penalty_imposed < 0
    ):
        errors["penalty_imposed"] = _("Give the penalty the court imposed.")
    if judgement_on > ministry_today():
        errors["judgement_on"] = _("A judgement is recorded once it was given.")
    if not final and not (appeal_court.strip() and appeal_filed_on):
        errors["appeal_court"] = _("An appealed judgement needs the appeal court and its date.")
    if errors:
        raise ValidationError(errors)
    before = proceeding.status
    proceeding.judgement = judgement
    proceeding.judgement_on = judgement_on
    proceeding.judgement_text = summary.strip()
    proceeding.penalty_imposed = penalty_imposed
    proceeding.status = CourtProceeding.Status.FINAL if final else CourtProceeding.Status.APPEALED
    if not final:
        proceeding.appeal_court = appeal_court.strip()[:200]
        proceeding.appeal_filed_on = appeal_filed_on
    proceeding.save()
    audit_record(
        actor=actor,
        action=AuditAction.COURT_JUDGEMENT_RECORDED,
        subject=proceeding,
        payload={
            "changes": {"status": (before, proceeding.status)},
            "values": {
                "judgement": judgement,
                "judgement_on": judgement_on,
                "penalty_imposed": penalty_imposed,
                "final": final,
            },
        },
    )
    text = _("Judgement of %(day)s: %(j)s") % {
        "day": judgement_on.isoformat(),
        "j": proceeding.get_judgement_display(),
    }
    if final:
        case_transition(case=case, transition="close", actor=actor, note=text)
    else:
        case_note_add(case=case, actor=actor, kind="link", text=text)
    return proceeding
