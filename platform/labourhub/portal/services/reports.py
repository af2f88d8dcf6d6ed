"""Establishment reports: the employer files, the office responsible acknowledges or returns."""

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.audit.services import audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.portal import events
from labourhub.portal.models import EstablishmentReport
from labourhub.portal.reports import report_kinds, report_office_may_review
from labourhub.portal.selectors import establishment_list_represented
from labourhub.registry.models import Establishment

MAX_WORKERS = 1_000_000
UNKNOWN_KIND = gettext_noop("Choose one of the kinds of report the ministry receives.")
NOT_REPRESENTED = gettext_noop("You do not represent this establishment.")
BAD_WORKERS = gettext_noop("Give a whole number between 0 and 1,000,000.")
NO_WORKERS = gettext_noop("Give at least one worker affected.")
END_NEEDED = gettext_noop("Give the last day the measure applies.")
END_NOT_ASKED = gettext_noop("This kind of report has no end date; leave it empty.")
END_BEFORE_START = gettext_noop("The end cannot be before the start.")
START_FAR = gettext_noop("Give a start date within a year of today.")
REASONS_SHORT = gettext_noop("Explain the reasons in a few words (at least 10 characters).")
TEXT_MARKUP = gettext_noop("Angle brackets and control characters are not allowed here.")
NOT_PENDING = gettext_noop("This report has already been reviewed.")
RETURN_REASON = gettext_noop("Say why the report is returned; the employer reads it.")
REVIEW_REFUSED = gettext_noop("Your role does not allow reviewing reports of this office.")

_UNSAFE = re.compile(r"[<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(*, kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """Every field error at once, in the user's language; nothing is written before this."""
    errors: dict[str, str] = {}
    declared = report_kinds().get(kind)
    if declared is None:
        errors["kind"] = _(UNKNOWN_KIND)
    for field in ("workers_female", "workers_male"):
        raw = values.get(field)
        if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= MAX_WORKERS:
            errors[field] = _(BAD_WORKERS)
    counted = "workers_female" not in errors and "workers_male" not in errors
    if counted and values["workers_female"] + values["workers_male"] == 0:
        errors["workers_male"] = _(NO_WORKERS)
    today = timezone.localdate()
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if not isinstance(starts, datetime.date) or abs((starts - today).days) > 366:
        errors["starts_on"] = _(START_FAR)
    if declared is not None:
        if declared.has_end and ends is None:
            errors["ends_on"] = _(END_NEEDED)
        elif not declared.has_end and ends is not None:
            errors["ends_on"] = _(END_NOT_ASKED)
        elif ends is not None and isinstance(starts, datetime.date) and ends < starts:
            errors["ends_on"] = _(END_BEFORE_START)
    reasons = str(values.get("reasons") or "").strip()
    if len(reasons) < 10:
        errors["reasons"] = _(REASONS_SHORT)
    elif _UNSAFE.search(reasons):
        errors["reasons"] = _(TEXT_MARKUP)
    if errors:
        raise ValidationError(errors)
    return {**values, "reasons": reasons}


@transaction.atomic
def establishment_report_file(
    *,
    actor: User,
    establishment: Establishment,
    kind: str,
    workers_female: int,
    workers_male: int,
    starts_on: datetime.date,
    reasons: str,
    ends_on: datetime.date | None = None,
) -> EstablishmentReport:
    if not establishment_list_represented(user=actor).filter(pk=establishment.pk).exists():
        raise ApplicationError(_(NOT_REPRESENTED))
    clean = _clean(
        kind=kind,
        values={
            "workers_female": workers_female,
            "workers_male": workers_male,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "reasons": reasons,
        },
    )
    report = EstablishmentReport(establishment=establishment, kind=kind, filed_by=actor, **clean)
    report.full_clean()
    report.save()
    audit_record(
        actor=actor,
        action=events.REPORT_FILED,
        subject=report,
        payload={
            "values": {
                "kind": kind,
                "establishment": establishment.registration_number,
                "workers_affected": report.workers_affected,
                "starts_on": starts_on.isoformat(),
            }
        },
    )
    return report


@transaction.atomic
def establishment_report_review(
    *, report: EstablishmentReport, accept: bool, note: str, actor: User
) -> EstablishmentReport:
    """Acknowledge a report (it counts) or return it with a reason (it does not)."""
    report = (
        EstablishmentReport.objects.select_for_update()
        .select_related("establishment__office")
        .get(pk=report.pk)
    )
    if not report_office_may_review(user=actor, office=report.establishment.office):
        raise ApplicationError(_(REVIEW_REFUSED))
    if report.status != EstablishmentReport.Status.RECEIVED:
        raise ApplicationError(_(NOT_PENDING))
    note = note.strip()
    if not accept and not note:
        raise ValidationError({"note": _(RETURN_REASON)})
    if _UNSAFE.search(note):
        raise ValidationError({"note": _(TEXT_MARKUP)})
    report.status = (
        EstablishmentReport.Status.ACKNOWLEDGED if accept else EstablishmentReport.Status.RETURNED
    )
    report.reviewed_by = actor
    report.reviewed_at = timezone.now()
    report.review_note = note
    report.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
    audit_record(
        actor=actor,
        action=events.REPORT_REVIEWED,
        subject=report,
        payload={"values": {"status": report.status, "note": note}},
    )
    return report
