"""Vacancies: registered, reviewed before publication (published or rejected), closed."""

import datetime as dt
import re
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
ERR_TEXT = gettext_noop("Angle brackets and control characters are not allowed here.")
ERR_TOO_LONG = gettext_noop("Keep this to %(limit)s characters at most.")


def _next_reference() -> str:
    # References are quoted to employers: serialise issuers so two officers never share one.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", ["xx_pes:vacancy"])
    start = f"VAC-{ministry_today().year}-"
    taken = Vacancy.objects.filter(reference__startswith=start).count()
    return f"{start}{taken + 1:05d}"


# Newlines and tabs are fine in requirements; other control characters and markup are not.
_UNSAFE = re.compile(r"[<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LONGEST = {"title": 200, "community": 100, "requirements": 5000}


def _vacancy_check(fields: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    for name, longest in LONGEST.items():
        text = str(fields.get(name) or "")
        if _UNSAFE.search(text):
            errors[name] = [_(ERR_TEXT)]
        elif len(text.strip()) > longest:
            errors[name] = [_(ERR_TOO_LONG) % {"limit": longest}]
    if fields["occupation"] not in SUB_MAJOR_GROUPS:
        errors["occupation"] = [_(ERR_OCCUPATION)]
    if fields["sector"] not in SECTIONS:
        errors["sector"] = [_(ERR_SECTOR)]
    if fields["wage_min"] > fields["wage_max"]:
        errors["wage_min"] = [_(ERR_WAGES)]
    if fields["closing_date"] < ministry_today():
        errors["closing_date"] = [_(ERR_CLOSING)]
    if errors:
        raise ValidationError(errors)


def vacancy_create(*, actor: Actor, audit_action: Any, **fields: Any) -> Vacancy:
    """Checked, saved and audited; the callers hold the transaction and check who may."""
    _vacancy_check(fields)
    _check_region(fields.get("region"))
    community = str(fields.get("community") or "")
    title, employer_name = fields["title"], fields["employer_name"]
    vacancy = Vacancy(
        reference=_next_reference(),
        title=title.strip(),
        employer_name=employer_name.strip(),
        occupation=fields["occupation"],
        sector=fields["sector"],
        region=fields.get("region"),
        community=community.strip(),
        community_key=fold(community),
        search_key=fold(f"{title} {employer_name}"),
        wage_min=fields["wage_min"],
        wage_max=fields["wage_max"],
        requirements=str(fields.get("requirements") or "").strip(),
        skills=skills_parse(fields.get("skills") or ""),
        min_education=fields.get("min_education") or 0,
        min_experience_years=fields.get("min_experience_years") or 0,
        posts=fields["posts"],
        closing_date=fields["closing_date"],
        establishment=fields.get("establishment"),
        submitted_by_id=fields.get("submitted_by_id"),
        registered_by_id=None if fields.get("submitted_by_id") else getattr(actor, "pk", None),
    )
    vacancy.full_clean()
    vacancy.save()
    audit_record(
        actor=actor,
        action=audit_action,
        subject=vacancy,
        payload={
            "values": {
                "reference": vacancy.reference,
                "title": vacancy.title,
                "employer_name": vacancy.employer_name,
                "occupation": vacancy.occupation,
                "posts": vacancy.posts,
            }
        },
    )
    return vacancy


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
    return vacancy_create(
        actor=actor,
        audit_action=audit.VACANCY_REGISTERED,
        title=title,
        employer_name=employer_name,
        occupation=occupation,
        sector=sector,
        wage_min=wage_min,
        wage_max=wage_max,
        posts=posts,
        closing_date=closing_date,
        region=region,
        community=community,
        requirements=requirements,
        skills=skills,
        min_education=min_education,
        min_experience_years=min_experience_years,
    )


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
