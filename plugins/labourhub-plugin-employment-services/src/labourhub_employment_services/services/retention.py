"""The ministry's retention rule: personal data kept only as long as consent and the rule allow.

Run daily for each ministry with the plugin active (the core's beat schedule calls the
``daily_housekeeping`` hook). A job seeker is due when they withdrew consent to all processing
more than ``withdrawn_grace_days`` ago, or when nothing happened on their record (registration,
update, referral, appointment) for ``retention_months``. Their personal data is erased exactly as
on request, so the anonymous statistics do not change; each erasure is audited on its own.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.db.models.functions import Greatest
from django.utils import timezone

from labourhub.plugin_api import Actor, audit_record
from labourhub_employment_services import audit
from labourhub_employment_services.apps import EmploymentSettings
from labourhub_employment_services.models import JobSeeker
from labourhub_employment_services.services.jobseekers import erase_personal_data

BATCH = 500


def jobseekers_due_for_erasure(*, settings: EmploymentSettings, now: dt.datetime) -> QuerySet[Any]:
    stale = now - dt.timedelta(days=round(settings.retention_months * 30.44))
    withdrawn = now - dt.timedelta(days=settings.withdrawn_grace_days)
    last = Greatest(
        "updated_at",
        Max("referrals__updated_at"),
        Max("appointments__updated_at"),
        Max("enrolments__updated_at"),
    )
    return (
        JobSeeker.objects.filter(erased_at__isnull=True)
        .annotate(last_activity=last)
        .filter(
            Q(status=JobSeeker.Status.WITHDRAWN, consent_withdrawn_at__lte=withdrawn)
            | Q(last_activity__lt=stale)
        )
        .order_by("pk")
    )


@transaction.atomic
def jobseeker_retention_apply(
    *, settings: EmploymentSettings, now: dt.datetime | None = None, actor: Actor = None
) -> int:
    """Erase the personal data of every job seeker past the retention rule; returns how many."""
    now = now or timezone.now()
    ids = list(jobseekers_due_for_erasure(settings=settings, now=now).values_list("pk", flat=True))
    for seeker in JobSeeker.objects.select_for_update().filter(pk__in=ids[:BATCH]):
        before = seeker.status
        withdrawn = before == JobSeeker.Status.WITHDRAWN
        erase_personal_data(seeker)
        audit_record(
            actor=actor,
            action=audit.SEEKER_ANONYMISED,
            subject=seeker,
            payload={
                "changes": {"status": (before, seeker.status)},
                "values": {
                    "rule": "consent_withdrawn" if withdrawn else "retention_period",
                    "retention_months": settings.retention_months,
                },
            },
        )
    return min(len(ids), BATCH)
