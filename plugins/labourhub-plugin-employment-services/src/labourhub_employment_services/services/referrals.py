"""Referrals: referred -> interviewed -> placed | not placed, each step with its date."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.plugin_api import (
    Action,
    Actor,
    ApplicationError,
    audit_record,
    ministry_today,
    permission_check,
)
from labourhub_employment_services import audit
from labourhub_employment_services.models import JobSeeker, Referral, Vacancy

ERR_NOT_MATCHABLE = gettext_noop(
    "This job seeker cannot be referred: they are not looking for work, not available, or "
    "have not consented to sharing their details with employers."
)
ERR_NOT_OPEN = gettext_noop("Only a published vacancy before its closing date takes referrals.")
ERR_FILLED = gettext_noop("Every post of this vacancy is already filled.")
ERR_DUPLICATE = gettext_noop("This job seeker was already referred to this vacancy.")
ERR_STEP = gettext_noop("This step cannot follow the referral's current stage.")
ERR_DATE_FUTURE = gettext_noop("The date cannot be in the future.")
ERR_DATE_BEFORE = gettext_noop("The date cannot be before the referral (%(date)s).")

# status -> the statuses that may follow it.
NEXT: dict[str, tuple[str, ...]] = {
    Referral.Status.REFERRED: (Referral.Status.INTERVIEWED, Referral.Status.NOT_PLACED),
    Referral.Status.INTERVIEWED: (Referral.Status.PLACED, Referral.Status.NOT_PLACED),
    Referral.Status.PLACED: (),
    Referral.Status.NOT_PLACED: (),
}


@transaction.atomic
def referral_make(*, seeker: JobSeeker, vacancy: Vacancy, note: str = "", actor: Actor) -> Referral:
    """Refer a consenting, available job seeker to a published, open vacancy."""
    permission_check(actor=actor, action=Action.PES_EDIT)
    seeker = JobSeeker.objects.select_for_update().get(pk=seeker.pk)
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if not seeker.in_matching:
        raise ApplicationError(_(ERR_NOT_MATCHABLE))
    if vacancy.status != Vacancy.Status.PUBLISHED or vacancy.closing_date < ministry_today():
        raise ApplicationError(_(ERR_NOT_OPEN))
    if vacancy.posts_filled >= vacancy.posts:
        raise ApplicationError(_(ERR_FILLED))
    if Referral.objects.filter(seeker=seeker, vacancy=vacancy).exists():
        raise ApplicationError(_(ERR_DUPLICATE))
    referral = Referral(
        seeker=seeker,
        vacancy=vacancy,
        referred_on=ministry_today(),
        note=note.strip()[:5000],
        referred_by_id=getattr(actor, "pk", None),
    )
    referral.full_clean()
    referral.save()
    audit_record(
        actor=actor,
        action=audit.REFERRAL_MADE,
        subject=referral,
        payload={"values": {"seeker_id": seeker.pk, "vacancy": vacancy.reference}},
    )
    return referral


@transaction.atomic
def referral_record(
    *, referral: Referral, status: str, on: dt.date | None = None, note: str = "", actor: Actor
) -> Referral:
    """Record the interview or the outcome; a placement fills a post and places the seeker."""
    permission_check(actor=actor, action=Action.PES_EDIT)
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("vacancy", "seeker")
        .get(pk=referral.pk)
    )
    if status not in NEXT.get(referral.status, ()):
        raise ApplicationError(_(ERR_STEP))
    on = on or ministry_today()
    if on > ministry_today():
        raise ValidationError({"on": [_(ERR_DATE_FUTURE)]})
    if on < referral.referred_on:
        raise ValidationError({"on": [_(ERR_DATE_BEFORE) % {"date": referral.referred_on}]})
    before = referral.status
    referral.status = status
    if status == Referral.Status.INTERVIEWED:
        referral.interviewed_on = on
    else:
        referral.outcome_on = on
    if note.strip():
        referral.note = "\n".join(filter(None, [referral.note, note.strip()]))[:5000]
    if status == Referral.Status.PLACED:
        _place(referral)
    referral.save()
    audit_record(
        actor=actor,
        action=audit.REFERRAL_UPDATED,
        subject=referral,
        payload={"changes": {"status": (before, status)}, "values": {"on": on.isoformat()}},
    )
    return referral


def _place(referral: Referral) -> None:
    vacancy = Vacancy.objects.select_for_update().get(pk=referral.vacancy_id)
    if vacancy.posts_filled >= vacancy.posts:
        raise ApplicationError(_(ERR_FILLED))
    vacancy.posts_filled += 1
    if vacancy.posts_filled >= vacancy.posts:
        vacancy.status = Vacancy.Status.CLOSED
    vacancy.save(update_fields=["posts_filled", "status", "updated_at"])
    seeker = JobSeeker.objects.select_for_update().get(pk=referral.seeker_id)
    if seeker.status == JobSeeker.Status.ACTIVE:
        seeker.status = JobSeeker.Status.PLACED
        seeker.in_matching = False
        seeker.save(update_fields=["status", "in_matching", "updated_at"])
