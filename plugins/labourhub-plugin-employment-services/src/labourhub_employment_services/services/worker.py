"""Workers register themselves as job seekers through the portal, and withdraw or erase it.

The right comes from the portal account (``request.account``, set by the portal's guard), not a
staff role: only a worker account acts, and only on the profile linked to it. The staff services' own steps do the work, so the rules stay one.
"""

import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub_employment_services.models import JobSeeker
from labourhub_employment_services.services.jobseekers import (
    jobseeker_consent_end,
    jobseeker_create,
    jobseeker_data_erase,
)
from labourhub_employment_services.services.vacancies import ERR_TEXT

ERR_NOT_WORKER = gettext_noop("Only a worker account can hold a job seeker profile.")
ERR_ALREADY = gettext_noop("This account already has a job seeker profile.")
ERR_NO_PROFILE = gettext_noop("This account has no job seeker profile.")

# What a worker types reaches staff pages and exports: no markup, no control characters.
_UNSAFE = re.compile(r"[<>\x00-\x1f\x7f]")
TEXT_FIELDS = ("first_name", "last_name", "community", "skills")


def _worker(account: Any) -> Any:
    if account is None or account.kind != "worker":
        raise PermissionDenied(_(ERR_NOT_WORKER))
    return account.user


def _own(account: Any) -> JobSeeker:
    seeker = JobSeeker.objects.filter(portal_user_id=_worker(account).pk).first()
    if seeker is None:
        raise PermissionDenied(_(ERR_NO_PROFILE))
    return seeker


@transaction.atomic
def jobseeker_self_register(*, account: Any, **fields: Any) -> JobSeeker:
    """Register the signed-in worker; audited with the portal user as actor."""
    user = _worker(account)
    errors = {f: [_(ERR_TEXT)] for f in TEXT_FIELDS if _UNSAFE.search(str(fields.get(f) or ""))}
    if errors:
        raise ValidationError(errors)
    if JobSeeker.objects.filter(portal_user_id=user.pk).exists():
        raise PermissionDenied(_(ERR_ALREADY))
    return jobseeker_create(portal_user_id=user.pk, actor=user, **fields)


@transaction.atomic
def jobseeker_self_withdraw(*, account: Any) -> JobSeeker:
    """The worker withdraws all consent: they leave matching and the record is no longer used."""
    return jobseeker_consent_end(seeker=_own(account), sharing_only=False, actor=account.user)


@transaction.atomic
def jobseeker_self_erase(*, account: Any) -> JobSeeker:
    """The worker asks for their personal data to be erased; anonymous statistics remain."""
    return jobseeker_data_erase(seeker=_own(account), reason="portal request", actor=account.user)
