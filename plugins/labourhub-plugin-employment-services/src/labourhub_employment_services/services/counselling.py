"""Counselling appointments and active labour-market programmes (training, apprenticeships)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.plugin_api import Action, Actor, audit_record, ministry_today, permission_check
from labourhub_employment_services import audit
from labourhub_employment_services.models import Appointment, Enrolment, JobSeeker, Programme
from labourhub_employment_services.services.jobseekers import _locked

ERR_NOT_ACTIVE = gettext_noop(
    "Only a job seeker who consents to processing can be given appointments or programmes."
)
ERR_OUTCOME_STATUS = gettext_noop(
    "Record whether the appointment was attended, missed or cancelled."
)
ERR_NOTE_NEEDS_ATTENDANCE = gettext_noop(
    "A counselling note can only be written for an attended appointment."
)
ERR_PROGRAMME_FULL = gettext_noop("The programme has no free place left.")
ERR_PROGRAMME_OVER = gettext_noop("The programme has already ended.")
ERR_ALREADY_ENROLLED = gettext_noop("The job seeker is already enrolled in this programme.")
ERR_ENDED = gettext_noop("This enrolment has already ended.")
ERR_END_STATUS = gettext_noop("An enrolment ends as completed or dropped out.")
ERR_END_DATE = gettext_noop("The end date cannot be before the enrolment or in the future.")
ERR_DATES = gettext_noop("The programme cannot end before it starts.")


def _active(seeker: JobSeeker) -> JobSeeker:
    seeker = _locked(seeker)
    if seeker.status not in (JobSeeker.Status.ACTIVE, JobSeeker.Status.PLACED):
        raise ValidationError(_(ERR_NOT_ACTIVE))
    return seeker


@transaction.atomic
def appointment_schedule(
    *, seeker: JobSeeker, starts_at: dt.datetime, purpose: str, actor: Actor
) -> Appointment:
    permission_check(actor=actor, action=Action.PES_EDIT)
    seeker = _active(seeker)
    appointment = Appointment(
        seeker=seeker,
        starts_at=starts_at,
        purpose=purpose.strip(),
        counsellor_id=getattr(actor, "pk", None),
    )
    appointment.full_clean()
    appointment.save()
    audit_record(
        actor=actor,
        action=audit.APPOINTMENT_SCHEDULED,
        subject=seeker,
        payload={"values": {"appointment_id": appointment.pk}},
    )
    return appointment


@transaction.atomic
def appointment_record(
    *, appointment: Appointment, status: str, note: str = "", actor: Actor
) -> Appointment:
    """Record how the appointment went; the note is personal data (erased on request)."""
    permission_check(actor=actor, action=Action.PES_EDIT)
    _locked(appointment.seeker)
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if status not in (
        Appointment.Status.ATTENDED,
        Appointment.Status.MISSED,
        Appointment.Status.CANCELLED,
    ):
        raise ValidationError({"status": [_(ERR_OUTCOME_STATUS)]})
    if note.strip() and status != Appointment.Status.ATTENDED:
        raise ValidationError({"note": [_(ERR_NOTE_NEEDS_ATTENDANCE)]})
    before = appointment.status
    appointment.status = status
    appointment.note = note.strip()
    appointment.full_clean()
    appointment.save(update_fields=["status", "note", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.APPOINTMENT_RECORDED,
        subject=appointment.seeker,
        payload={
            "changes": {"status": (before, status)},
            "values": {"appointment_id": appointment.pk},
        },
    )
    return appointment


@transaction.atomic
def programme_create(
    *, name: str, kind: str, starts_on: dt.date, ends_on: dt.date, places: int,
    provider: str = "", actor: Actor,
) -> Programme:  # fmt: skip
    permission_check(actor=actor, action=Action.CASE_SUPERVISE)
    if ends_on < starts_on:
        raise ValidationError({"ends_on": [_(ERR_DATES)]})
    programme = Programme(
        name=name.strip(),
        kind=kind,
        provider=provider.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        places=places,
    )
    programme.full_clean()
    programme.save()
    audit_record(
        actor=actor,
        action=audit.PROGRAMME_CREATED,
        subject=programme,
        payload={"values": {"kind": kind, "places": places}},
    )
    return programme


@transaction.atomic
def enrolment_make(*, seeker: JobSeeker, programme: Programme, actor: Actor) -> Enrolment:
    permission_check(actor=actor, action=Action.PES_EDIT)
    seeker = _active(seeker)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    today = ministry_today()
    if programme.ends_on < today:
        raise ValidationError({"programme": [_(ERR_PROGRAMME_OVER)]})
    taken = programme.enrolments.exclude(status=Enrolment.Status.DROPPED_OUT).count()
    if taken >= programme.places:
        raise ValidationError({"programme": [_(ERR_PROGRAMME_FULL)]})
    if programme.enrolments.filter(seeker=seeker).exists():
        raise ValidationError({"programme": [_(ERR_ALREADY_ENROLLED)]})
    enrolment = Enrolment(seeker=seeker, programme=programme, enrolled_on=today)
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError:
        raise ValidationError({"programme": [_(ERR_ALREADY_ENROLLED)]}) from None
    audit_record(
        actor=actor,
        action=audit.ENROLMENT_MADE,
        subject=seeker,
        payload={"values": {"programme_id": programme.pk, "enrolment_id": enrolment.pk}},
    )
    return enrolment


@transaction.atomic
def enrolment_end(
    *, enrolment: Enrolment, status: str, outcome: str, ended_on: dt.date, actor: Actor
) -> Enrolment:
    """Record that the enrolment ended (completed or dropped out) and what came of it."""
    permission_check(actor=actor, action=Action.PES_EDIT)
    _locked(enrolment.seeker)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.ENROLLED:
        raise ValidationError(_(ERR_ENDED))
    if status not in (Enrolment.Status.COMPLETED, Enrolment.Status.DROPPED_OUT):
        raise ValidationError({"status": [_(ERR_END_STATUS)]})
    if not enrolment.enrolled_on <= ended_on <= ministry_today():
        raise ValidationError({"ended_on": [_(ERR_END_DATE)]})
    enrolment.status, enrolment.outcome, enrolment.ended_on = status, outcome, ended_on
    enrolment.full_clean()
    enrolment.save(update_fields=["status", "outcome", "ended_on", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.ENROLMENT_ENDED,
        subject=enrolment.seeker,
        payload={
            "changes": {"status": ("enrolled", status)},
            "values": {"enrolment_id": enrolment.pk, "outcome": outcome},
        },
    )
    return enrolment
