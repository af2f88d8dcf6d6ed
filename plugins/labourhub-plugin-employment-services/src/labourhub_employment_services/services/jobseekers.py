"""Job seekers: registration with consent, work history, consent withdrawal, erasure on request."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.plugin_api import Action, Actor, audit_record, ministry_today, permission_check
from labourhub_employment_services import audit
from labourhub_employment_services.isco import SUB_MAJOR_GROUPS, fold
from labourhub_employment_services.models import JobSeeker, WorkExperience

ERR_CONSENT = gettext_noop(
    "The job seeker must consent to the processing of their data before being registered."
)
ERR_OCCUPATION = gettext_noop("Choose occupations from the list.")
ERR_TOO_MANY_OCCUPATIONS = gettext_noop("Choose at most five occupations.")
ERR_NO_OCCUPATION = gettext_noop("Choose at least one occupation the job seeker wants.")
ERR_BIRTH_YEAR = gettext_noop("Give a year of birth between %(low)d and %(high)d.")
ERR_REGION = gettext_noop("Choose one of the ministry's regions.")
ERR_ERASED = gettext_noop("This job seeker's personal data was erased; nothing can be changed.")
MAX_SKILLS = 30

PERSONAL_FIELDS = ("first_name", "last_name", "national_id", "phone", "email", "community", "notes")


def skills_parse(text: str | list[str]) -> list[str]:
    """'Welding, Food safety; driving' -> ['welding', 'food safety', 'driving'] (folded, unique)."""
    raw = text if isinstance(text, list) else text.replace(";", ",").split(",")
    found: list[str] = []
    for item in raw:
        word = " ".join(fold(str(item)).split())[:60]
        if word and word not in found:
            found.append(word)
    return found[:MAX_SKILLS]


def _check_occupations(codes: list[str]) -> list[str]:
    codes = list(dict.fromkeys(codes))
    if any(c not in SUB_MAJOR_GROUPS for c in codes):
        raise ValidationError({"occupations": [_(ERR_OCCUPATION)]})
    if len(codes) > 5:
        raise ValidationError({"occupations": [_(ERR_TOO_MANY_OCCUPATIONS)]})
    if not codes:
        raise ValidationError({"occupations": [_(ERR_NO_OCCUPATION)]})
    return codes


def _check_region(region: Any) -> None:
    if region is not None and getattr(region, "level", "region") != "region":
        raise ValidationError({"region": [_(ERR_REGION)]})


def _check_birth_year(year: int) -> None:
    high = ministry_today().year - 14
    if not high - 90 <= year <= high:
        raise ValidationError(
            {"birth_year": [_(ERR_BIRTH_YEAR) % {"low": high - 90, "high": high}]}
        )


def _refresh_matching(seeker: JobSeeker) -> None:
    seeker.occupation_majors = sorted({c[0] for c in seeker.occupations})
    seeker.community_key = fold(seeker.community)
    seeker.name_key = fold(f"{seeker.first_name} {seeker.last_name}")
    seeker.in_matching = (
        seeker.status == JobSeeker.Status.ACTIVE
        and seeker.consent_sharing_at is not None
        and seeker.availability != JobSeeker.Availability.NOT_AVAILABLE
    )


@transaction.atomic
def jobseeker_register(
    *,
    first_name: str,
    last_name: str,
    sex: str,
    birth_year: int,
    consent_processing: bool,
    consent_sharing: bool,
    occupations: list[str],
    skills: str | list[str] = "",
    education: int = 0,
    availability: str = JobSeeker.Availability.IMMEDIATE,
    region: Any = None,
    community: str = "",
    national_id: str = "",
    phone: str = "",
    email: str = "",
    notes: str = "",
    actor: Actor,
) -> JobSeeker:
    """Register a job seeker; refused (nothing saved) without consent to processing."""
    permission_check(actor=actor, action=Action.PES_EDIT)
    return jobseeker_create(
        first_name=first_name, last_name=last_name, sex=sex, birth_year=birth_year,
        consent_processing=consent_processing, consent_sharing=consent_sharing,
        occupations=occupations, skills=skills, education=education, availability=availability,
        region=region, community=community, national_id=national_id, phone=phone, email=email,
        notes=notes, actor=actor,
    )  # fmt: skip


@transaction.atomic
def jobseeker_create(
    *,
    first_name: str,
    last_name: str,
    sex: str,
    birth_year: int,
    consent_processing: bool,
    consent_sharing: bool,
    occupations: list[str],
    skills: str | list[str] = "",
    education: int = 0,
    availability: str = JobSeeker.Availability.IMMEDIATE,
    region: Any = None,
    community: str = "",
    national_id: str = "",
    phone: str = "",
    email: str = "",
    notes: str = "",
    portal_user_id: int | None = None,
    actor: Actor,
) -> JobSeeker:
    """The registration itself, for callers that checked the actor's right (staff or portal)."""
    if not consent_processing:
        raise ValidationError({"consent_processing": [_(ERR_CONSENT)]})
    _check_birth_year(birth_year)
    _check_region(region)
    now = timezone.now()
    seeker = JobSeeker(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        sex=sex,
        birth_year=birth_year,
        occupations=_check_occupations(occupations),
        skills=skills_parse(skills),
        education=education,
        availability=availability,
        region=region,
        community=community.strip(),
        national_id=national_id.strip(),
        phone=phone.strip(),
        email=email.strip(),
        notes=notes.strip(),
        consent_processing_at=now,
        consent_sharing_at=now if consent_sharing else None,
        registered_by_id=getattr(actor, "pk", None),
        portal_user_id=portal_user_id,
    )
    _refresh_matching(seeker)
    seeker.full_clean()
    seeker.save()
    audit_record(
        actor=actor,
        action=audit.SEEKER_REGISTERED,
        subject=seeker,
        payload={
            "values": {
                "occupations": seeker.occupations,
                "consent_sharing": consent_sharing,
                "region_id": seeker.region_id,
            }
        },
    )
    return seeker


def _locked(seeker: JobSeeker) -> JobSeeker:
    locked = JobSeeker.objects.select_for_update().get(pk=seeker.pk)
    if locked.erased_at is not None:
        raise ValidationError(_(ERR_ERASED))
    return locked


@transaction.atomic
def jobseeker_experience_add(
    *, seeker: JobSeeker, job_title: str, occupation: str, years: int, employer_name: str = "",
    actor: Actor,
) -> WorkExperience:  # fmt: skip
    """Add a job to the seeker's work history; the match fields follow."""
    permission_check(actor=actor, action=Action.PES_EDIT)
    seeker = _locked(seeker)
    if occupation not in SUB_MAJOR_GROUPS:
        raise ValidationError({"occupation": [_(ERR_OCCUPATION)]})
    job = WorkExperience(
        seeker=seeker,
        job_title=job_title.strip(),
        employer_name=employer_name.strip(),
        occupation=occupation,
        years=years,
    )
    job.full_clean()
    job.save()
    jobs = list(seeker.experience.values_list("occupation", "years"))
    seeker.experience_codes = sorted({code for code, _y in jobs})
    seeker.experience_years = min(sum(y for _c, y in jobs), 80)
    seeker.save(update_fields=["experience_codes", "experience_years", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.SEEKER_UPDATED,
        subject=seeker,
        payload={"values": {"experience_added": {"occupation": occupation, "years": years}}},
    )
    return job


@transaction.atomic
def jobseeker_availability_set(*, seeker: JobSeeker, availability: str, actor: Actor) -> JobSeeker:
    permission_check(actor=actor, action=Action.PES_EDIT)
    seeker = _locked(seeker)
    before = seeker.availability
    seeker.availability = availability
    _refresh_matching(seeker)
    seeker.full_clean()
    seeker.save(update_fields=["availability", "in_matching", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.SEEKER_UPDATED,
        subject=seeker,
        payload={"changes": {"availability": (before, availability)}},
    )
    return seeker


@transaction.atomic
def jobseeker_consent_withdraw(
    *, seeker: JobSeeker, sharing_only: bool = True, actor: Actor
) -> JobSeeker:
    """Withdraw consent to sharing (or to all processing): the seeker leaves matching at once.

    Withdrawing consent to processing also stops every use of the record; erasing it is a
    separate, explicit request (``jobseeker_erase``).
    """
    permission_check(actor=actor, action=Action.PES_EDIT)
    return jobseeker_consent_end(seeker=seeker, sharing_only=sharing_only, actor=actor)


@transaction.atomic
def jobseeker_consent_end(*, seeker: JobSeeker, sharing_only: bool, actor: Actor) -> JobSeeker:
    """The withdrawal itself, for callers that checked the actor's right (staff or portal)."""
    seeker = _locked(seeker)
    before = seeker.status
    seeker.consent_sharing_at = None
    seeker.consent_withdrawn_at = timezone.now()
    if not sharing_only:
        seeker.status = JobSeeker.Status.WITHDRAWN
    _refresh_matching(seeker)
    seeker.save(
        update_fields=[
            "consent_sharing_at",
            "consent_withdrawn_at",
            "status",
            "in_matching",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action=audit.SEEKER_CONSENT_WITHDRAWN,
        subject=seeker,
        payload={
            "changes": {"status": (before, seeker.status)},
            "values": {"scope": "sharing" if sharing_only else "processing"},
        },
    )
    return seeker


def erase_personal_data(seeker: JobSeeker) -> None:
    """Empty every personal field of a locked seeker, with its notes and stored documents."""
    for field in PERSONAL_FIELDS:
        setattr(seeker, field, "")
    seeker.skills = []
    seeker.community_key = ""
    seeker.name_key = ""
    seeker.status = JobSeeker.Status.ERASED
    seeker.consent_sharing_at = None
    seeker.in_matching = False
    seeker.erased_at = timezone.now()
    seeker.save()
    seeker.experience.update(job_title="", employer_name="")
    seeker.referrals.update(note="")
    seeker.appointments.update(note="", purpose="")
    keys = list(seeker.documents.values_list("storage_key", flat=True))
    seeker.documents.all().delete()

    def delete_objects() -> None:
        # After commit: a rolled-back erasure must still find its files.
        for key in keys:
            default_storage.delete(key)

    if keys:
        transaction.on_commit(delete_objects)


@transaction.atomic
def jobseeker_erase(*, seeker: JobSeeker, reason: str = "", actor: Actor) -> JobSeeker:
    """Erase the personal data on the seeker's request; anonymous statistics remain.

    Kept: sex, year of birth, region, education, occupations and the referrals' dates and
    outcomes (without notes), so the indicators do not change. Emptied: names, identity number,
    contacts, community, notes, skills, the work history's employers and titles, counselling
    notes and the stored CVs (deleted from object storage once the erasure commits).
    """
    permission_check(actor=actor, action=Action.PES_EDIT)
    return jobseeker_data_erase(seeker=seeker, reason=reason, actor=actor)


@transaction.atomic
def jobseeker_data_erase(*, seeker: JobSeeker, reason: str, actor: Actor) -> JobSeeker:
    """The erasure itself, for callers that checked the actor's right (staff or portal)."""
    seeker = _locked(seeker)
    before = seeker.status
    erase_personal_data(seeker)
    audit_record(
        actor=actor,
        action=audit.SEEKER_ERASED,
        subject=seeker,
        payload={
            "changes": {"status": (before, seeker.status)},
            "values": {"reason": reason[:500]},
        },
    )
    return seeker
