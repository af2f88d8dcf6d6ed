"""Writes of the analytics app: summary refresh, settings, performance-view audit, schedules."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from labourhub.accounts.models import Office, User
from labourhub.analytics.models import (
    AnalyticsSettings,
    ReportSchedule,
)
from labourhub.analytics.refresh import RefreshResult, refresh_run
from labourhub.audit.services import Actor, AuditAction, audit_record

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
