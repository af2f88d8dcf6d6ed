"""Vacancies: registered, reviewed before publication (published or rejected), closed."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
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
from labourhub_employment_services.isco import SECTIONS, SUB_MAJOR_GROUPS, fold
from labourhub_employment_services.models import Vacancy
from labourhub_employment_services.services.jobseekers import _check_region, skills_parse

ERR_OCCUPATION = gettext_noop("Choose the occupation from the list.")
ERR_SECTOR = gettext_noop("Choose the sector from the list.")
ERR_WAGES = gettext_noop("The minimum wage offered cannot exceed the maximum.")
ERR_CLOSING = gettext_noop("The closing date must be today or later.")
ERR_NOT_PENDING = gettext_noop("Only a vacancy awaiting review can be published or rejected.")
ERR_REASON = gettext_noop("Give the reason, so the employer can correct the vacancy.")
ERR_ALREADY_CLOSED = gettext_noop("This vacancy is already closed.")


def _next_reference() -> str:
    # References are quoted to employers: serialise issuers so two officers never share one.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", ["xx_pes:vacancy"])
    start = f"VAC-{ministry_today().year}-"
    taken = Vacancy.objects.filter(reference__startswith=start).count()
    return f"{start}{taken + 1:05d}"


@transaction.atomic
def vacancy_register(
    *,
    title: str,
    employer_name: str,
    occupation: str,
    sector: str,
    wage_min: Decimal,
    wage_max: Decimal,
    posts: int,
    closing_date: dt.date,
    region: Any = None,
    community: str = "",
    requirements: str = "",
    skills: str | list[str] = "",
    min_education: int = 0,
    min_experience_years: int = 0,
    actor: Actor,
) -> Vacancy:
    """Register a vacancy notified by an employer; it waits for review before publication."""
    permission_check(actor=actor, action=Action.PES_EDIT)
    errors: dict[str, list[str]] = {}
    if occupation not in SUB_MAJOR_GROUPS:
        errors["occupation"] = [_(ERR_OCCUPATION)]
    if sector not in SECTIONS:
        errors["sector"] = [_(ERR_SECTOR)]
    if wage_min > wage_max:
        errors["wage_min"] = [_(ERR_WAGES)]
    if closing_date < ministry_today():
        errors["closing_date"] = [_(ERR_CLOSING)]
    if errors:
        raise ValidationError(errors)
    _check_region(region)
    vacancy = Vacancy(
        reference=_next_reference(),
        title=title.strip(),
        employer_name=employer_name.strip(),
        occupation=occupation,
        sector=sector,
        region=region,
        community=community.strip(),
        community_key=fold(community),
        search_key=fold(f"{title} {employer_name}"),
        wage_min=wage_min,
        wage_max=wage_max,
        requirements=requirements.strip(),
        skills=skills_parse(skills),
        min_education=min_education,
        min_experience_years=min_experience_years,
        posts=posts,
        closing_date=closing_date,
        registered_by_id=getattr(actor, "pk", None),
    )
    vacancy.full_clean()
    vacancy.save()
    audit_record(
        actor=actor,
        action=audit.VACANCY_REGISTERED,
        subject=vacancy,
        payload={
            "values": {
                "reference": vacancy.reference,
                "title": vacancy.title,
                "employer_name": vacancy.employer_name,
                "occupation": occupation,
                "posts": posts,
            }
        },
    )
    return vacancy


def _locked(vacancy: Vacancy) -> Vacancy:
    return Vacancy.objects.select_for_update().get(pk=vacancy.pk)


@transaction.atomic
def vacancy_publish(*, vacancy: Vacancy, actor: Actor) -> Vacancy:
    """Publish after review: only then is it matched and open to referrals."""
    permission_check(actor=actor, action=Action.CASE_SUPERVISE)
    vacancy = _locked(vacancy)
    if vacancy.status != Vacancy.Status.PENDING:
        raise ApplicationError(_(ERR_NOT_PENDING))
    if vacancy.closing_date < ministry_today():
        raise ValidationError({"closing_date": [_(ERR_CLOSING)]})
    vacancy.status = Vacancy.Status.PUBLISHED
    vacancy.published_at = timezone.now()
    vacancy.reviewed_by_id = getattr(actor, "pk", None)
    vacancy.save(update_fields=["status", "published_at", "reviewed_by_id", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.VACANCY_PUBLISHED,
        subject=vacancy,
        payload={"changes": {"status": ("pending", "published")}},
    )
    return vacancy


@transaction.atomic
def vacancy_reject(*, vacancy: Vacancy, reason: str, actor: Actor) -> Vacancy:
    permission_check(actor=actor, action=Action.CASE_SUPERVISE)
    if not reason.strip():
        raise ValidationError({"reason": [_(ERR_REASON)]})
    vacancy = _locked(vacancy)
    if vacancy.status != Vacancy.Status.PENDING:
        raise ApplicationError(_(ERR_NOT_PENDING))
    vacancy.status = Vacancy.Status.REJECTED
    vacancy.review_note = reason.strip()[:5000]
    vacancy.reviewed_by_id = getattr(actor, "pk", None)
    vacancy.save(update_fields=["status", "review_note", "reviewed_by_id", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.VACANCY_REJECTED,
        subject=vacancy,
        payload={
            "changes": {"status": ("pending", "rejected")},
            "values": {"reason": vacancy.review_note},
        },
    )
    return vacancy


@transaction.atomic
def vacancy_close(*, vacancy: Vacancy, actor: Actor) -> Vacancy:
    permission_check(actor=actor, action=Action.PES_EDIT)
    vacancy = _locked(vacancy)
    if vacancy.status == Vacancy.Status.CLOSED:
        raise ApplicationError(_(ERR_ALREADY_CLOSED))
    before = vacancy.status
    vacancy.status = Vacancy.Status.CLOSED
    vacancy.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.VACANCY_CLOSED,
        subject=vacancy,
        payload={"changes": {"status": (before, "closed")}},
    )
    return vacancy
