"""Writes of the analytics app: summary refresh, settings, performance-view audit, schedules."""

import datetime as dt
import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from labourhub.accounts.models import Office, User
from labourhub.analytics.divisions import divisions_bounds, divisions_geojson, divisions_parse
from labourhub.analytics.models import (
    AnalyticsSettings,
    DivisionMap,
    ReportSchedule,
)
from labourhub.analytics.refresh import RefreshResult, refresh_run
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.extensions.country_types import MapDivision

MAX_RECIPIENTS = 20


@transaction.atomic
def summary_refresh(*, full: bool = False, actor: Actor = None) -> RefreshResult:
    """Fold changed case data into the summary tables.

    The per-minute incremental run rewrites derived rows only and is not audited (it would
    add 1,440 events a day per ministry and records no one's decision); a full rebuild asked
    for by a person is.
    """
    result = refresh_run(full=full)
    if full and actor is not None:
        audit_record(
            actor=actor,
            action=AuditAction.ANALYTICS_SUMMARY_REBUILT,
            subject=None,
            payload={"values": {"rows": result.rows_written}},
        )
    return result


@transaction.atomic
def analytics_settings_update(
    *, actor: Actor, ranking_enabled: bool, min_wage_patterns: list[str]
) -> AnalyticsSettings:
    patterns = [p.strip() for p in min_wage_patterns if p.strip()]
    if len(patterns) > 50 or any(len(p) > 100 for p in patterns):
        raise ValidationError(
            {"min_wage_patterns": _("At most 50 provisions of up to 100 characters each.")}
        )
    current = AnalyticsSettings.objects.select_for_update().filter(pk=1).first()
    before = (
        {"ranking_enabled": current.ranking_enabled, "min_wage_patterns": current.min_wage_patterns}
        if current is not None
        else {}
    )
    obj, _created = AnalyticsSettings.objects.update_or_create(
        pk=1, defaults={"ranking_enabled": ranking_enabled, "min_wage_patterns": patterns}
    )
    after = {"ranking_enabled": ranking_enabled, "min_wage_patterns": patterns}
    audit_record(
        actor=actor,
        action=AuditAction.ANALYTICS_SETTINGS_UPDATED,
        subject=obj,
        payload={"changes": {k: (before.get(k), v) for k, v in after.items()}},
    )
    return obj


@transaction.atomic
def performance_view_record(
    *, viewer: User, inspector: User | None, what: str, period: str
) -> None:
    """Every look at individual performance leaves a trace (issue 8, fairness to inspectors)."""
    audit_record(
        actor=viewer,
        action=AuditAction.PERFORMANCE_VIEWED,
        subject=inspector,
        payload={
            "values": {
                "what": what,
                "period": period,
                "inspector": inspector.pk if inspector is not None else None,
            }
        },
    )


@transaction.atomic
def report_schedule_create(
    *,
    actor: Actor,
    report: str,
    frequency: str,
    file_format: str,
    recipients: list[str],
    office: Office | None = None,
) -> ReportSchedule:
    from labourhub.analytics.reports import REPORTS

    errors: dict[str, Any] = {}
    if report not in REPORTS:
        errors["report"] = _("Choose one of the reports listed.")
    cleaned = [r.strip() for r in recipients if r.strip()]
    if not cleaned:
        errors["recipients"] = _("Give at least one e-mail address.")
    elif len(cleaned) > MAX_RECIPIENTS:
        errors["recipients"] = _("At most %(n)d recipients.") % {"n": MAX_RECIPIENTS}
    else:
        for address in cleaned:
            try:
                validate_email(address)
            except ValidationError:
                errors["recipients"] = _("“%(a)s” is not an e-mail address.") % {"a": address[:80]}
                break
    schedule = ReportSchedule(
        report=report,
        frequency=frequency,
        file_format=file_format,
        recipients=cleaned,
        office=office,
        created_by=actor if isinstance(actor, User) else None,
    )
    try:
        schedule.full_clean(exclude=["recipients"] if "recipients" in errors else None)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    schedule.save()
    audit_record(
        actor=actor,
        action=AuditAction.REPORT_SCHEDULE_CREATED,
        subject=schedule,
        payload={
            "values": {
                "report": report,
                "frequency": frequency,
                "format": file_format,
                "recipients": cleaned,
            }
        },
    )
    return schedule


def _due_period(schedule: ReportSchedule, today: dt.date) -> str:
    """The period a schedule should have sent by ``today``: last month or last year."""
    if schedule.frequency == ReportSchedule.Frequency.YEARLY:
        return str(today.year - 1)
    last = today.replace(day=1) - dt.timedelta(days=1)
    return f"{last.year}-{last.month:02d}"


@transaction.atomic
def report_schedule_send(*, schedule: ReportSchedule, today: dt.date | None = None) -> bool:
    """Send the schedule's report for its due period once; returns False if already sent."""
    from labourhub.analytics.reports import report_build, report_render

    today = today or timezone.localdate()
    locked = ReportSchedule.objects.select_for_update().get(pk=schedule.pk)
    period = _due_period(locked, today)
    if not locked.active or locked.last_period == period:
        return False
    report = report_build(code=locked.report, period=period, office=locked.office)
    content, mime, ext = report_render(report=report, file_format=locked.file_format)
    message = EmailMessage(
        subject=f"{report.title} · {period}",
        body=_("The scheduled report is attached."),
        to=locked.recipients,
    )
    message.attach(f"{locked.report}-{period}.{ext}", content, mime)
    # Sent after commit so a rolled-back run never e-mails a period it will send again.
    transaction.on_commit(lambda: message.send(fail_silently=False))
    ReportSchedule.objects.filter(pk=locked.pk).update(
        last_period=period, last_sent_at=timezone.now()
    )
    audit_record(
        actor=None,
        action=AuditAction.REPORT_SCHEDULE_SENT,
        subject=locked,
        payload={"values": {"period": period, "recipients": locked.recipients}},
    )
    return True


def report_schedules_send_due(*, today: dt.date | None = None) -> int:
    """Send every active schedule whose period is due; each send is its own transaction."""
    sent = 0
    for schedule in ReportSchedule.objects.filter(active=True):
        if report_schedule_send(schedule=schedule, today=today):
            sent += 1
    return sent


def _check_against_ministry(*, divisions: list[MapDivision], tenant: Any) -> None:
    """Codes belong to the ministry, the outlines lie in its country, some office is drawn."""
    from labourhub.analytics.geo import match_regions
    from labourhub.analytics.selectors import map_divisions_declared

    regions = list(
        Office.objects.filter(level=Office.Level.REGION).values_list("pk", "code", "name")
    )
    country = str(getattr(tenant, "country", "") or "").upper()
    own_codes = {code.strip().upper() for _pk, code, _name in regions}
    for number, division in enumerate(divisions, 1):
        iso = bool(country) and division.code.startswith(f"{country}-")
        if not iso and division.code not in own_codes:
            raise ValidationError(
                _(
                    "Division %(n)d (%(code)s): the code is neither an ISO 3166-2 code of "
                    "this country (%(country)s-…) nor the code of one of the ministry's "
                    "regional offices."
                )
                % {"n": number, "code": division.code, "country": country or "?"}
            )
    if regions and not match_regions(divisions, regions):
        raise ValidationError(
            _(
                "No division in the file matches a regional office: give each division the "
                "office's code (e.g. %(code)s) or its name."
            )
            % {"code": regions[0][1]}
        )
    pack = divisions_bounds(map_divisions_declared(tenant=tenant))
    mine = divisions_bounds(divisions)
    if pack is not None and mine is not None:
        margin = 1.0  # degrees: outlines drawn a little differently still overlap
        if (
            mine[0] > pack[2] + margin
            or mine[2] < pack[0] - margin
            or mine[1] > pack[3] + margin
            or mine[3] < pack[1] - margin
        ):
            raise ValidationError(
                _(
                    "The outlines lie outside the country. Are longitude and latitude swapped, "
                    "or the file in another projection? Use longitude, latitude in degrees "
                    "(WGS 84)."
                )
            )


@transaction.atomic
def division_map_upload(*, actor: Actor, tenant: Any, file_name: str, data: bytes) -> DivisionMap:
    """Check the ministry's own GeoJSON of divisions and put it in force (audited)."""
    divisions = divisions_parse(data)
    _check_against_ministry(divisions=divisions, tenant=tenant)
    now = timezone.now()
    withdrawn = list(
        DivisionMap.objects.select_for_update()
        .filter(withdrawn_at__isnull=True)
        .values_list("pk", flat=True)
    )
    DivisionMap.objects.filter(pk__in=withdrawn).update(withdrawn_at=now)
    upload = DivisionMap.objects.create(
        file_name=file_name[:200],
        sha256=hashlib.sha256(data).hexdigest(),
        geojson=divisions_geojson(divisions),
        division_count=len(divisions),
        uploaded_by=actor if isinstance(actor, User) else None,
    )
    audit_record(
        actor=actor,
        action=AuditAction.DIVISION_MAP_UPLOADED,
        subject=upload,
        payload={
            "values": {
                "file": upload.file_name,
                "sha256": upload.sha256,
                "divisions": len(divisions),
                "replaces": withdrawn,
            }
        },
    )
    return upload


@transaction.atomic
def division_map_withdraw(*, actor: Actor) -> int:
    """Go back to the country pack's outlines; the uploads stay on record. Returns how many."""
    active = list(
        DivisionMap.objects.select_for_update().filter(withdrawn_at__isnull=True).order_by("pk")
    )
    if not active:
        return 0
    DivisionMap.objects.filter(pk__in=[u.pk for u in active]).update(withdrawn_at=timezone.now())
    for upload in active:
        audit_record(
            actor=actor,
            action=AuditAction.DIVISION_MAP_WITHDRAWN,
            subject=upload,
            payload={"values": {"file": upload.file_name, "sha256": upload.sha256}},
        )
    return len(active)
