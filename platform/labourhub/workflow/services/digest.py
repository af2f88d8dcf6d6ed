"""The daily e-mail digest, for those who ask for it: their open alerts and overdue deadlines.

Each user who opted in gets at most one digest per ministry-local day, at or after the hour they
chose, written in their language (else the ministry's) with dates as the ministry reads them. The
preference row is locked while its digest is built and stamped in the same transaction as the
send, so two beat ticks never send the same day twice.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.localtime import ministry_zone, person_language
from labourhub.workflow.models import Alert, Deadline, DigestPreference
from labourhub.workflow.services.base import Actor


@dataclass(frozen=True)
class DigestLine:
    reference: str
    text: str
    due_on: dt.date | None


@transaction.atomic
def digest_preference_set(*, user: User, daily: bool, hour: int, actor: Actor) -> DigestPreference:
    """Switch the daily digest on or off for ``user`` (only the user or the platform may)."""
    if isinstance(actor, User) and actor.pk != user.pk:
        raise ValidationError(_("You can change only your own e-mail digest."))
    if not 0 <= hour <= 23:
        raise ValidationError({"hour": _("Choose an hour between 0 and 23.")})
    if daily and not user.email:
        raise ValidationError({"daily": _("Add an e-mail address to your account first.")})
    pref, _created = DigestPreference.objects.get_or_create(user=user)
    before = (pref.daily, pref.hour)
    pref.daily, pref.hour = daily, hour
    pref.full_clean()
    pref.save(update_fields=["daily", "hour"])
    if before != (daily, hour):
        audit_record(
            actor=actor,
            action=AuditAction.ALERT_DIGEST_CHOSEN,
            subject=user,
            payload={"changes": {"daily": (before[0], daily), "hour": (before[1], hour)}},
        )
    return pref


def _lines(user: User, today: dt.date) -> list[DigestLine]:
    from labourhub.inspections.selectors.alerts import inspection_alerts_unread

    lines = [
        DigestLine(
            a.inspection.reference,
            f"{a.get_kind_display()}: {a.message}",
            None,
        )
        for a in inspection_alerts_unread(user=user).select_related("inspection")
    ]
    lines += [
        DigestLine(
            a.case.reference, f"{a.get_kind_display()}: {_(a.deadline.label)}", a.deadline.due_on
        )
        for a in Alert.objects.filter(recipient=user, read_at=None)
        .select_related("case", "deadline")
        .order_by("deadline__due_on", "id")
    ]
    overdue = (
        Deadline.objects.filter(
            status=Deadline.Status.OPEN, due_on__lt=today, case__assigned_to=user
        )
        .select_related("case")
        .order_by("due_on", "id")
    )
    lines += [
        DigestLine(d.case.reference, _("Overdue: %(label)s") % {"label": _(d.label)}, d.due_on)
        for d in overdue
    ]
    return lines


def _send(user: User, lines: list[DigestLine], today: dt.date) -> None:
    def day(value: dt.date | None) -> str:
        return formats.date_format(value, "DATE_FORMAT") if value else ""

    body = [
        _("Good morning. Your open alerts and overdue deadlines on %(day)s:") % {"day": day(today)},
        "",
    ]
    for line in lines:
        due = f" · {_('due %(day)s') % {'day': day(line.due_on)}}" if line.due_on else ""
        body.append(f"- {line.reference} · {line.text}{due}")
    send_mail(
        subject=_("LabourHub: %(n)d open items on %(day)s") % {"n": len(lines), "day": day(today)},
        message="\n".join(body),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


def alert_daily_digest_send(*, now: dt.datetime | None = None) -> int:
    """Send today's digest to each user whose chosen hour has come; returns how many went out."""
    tenant = getattr(connection, "tenant", None)
    local = (now or timezone.now()).astimezone(ministry_zone(tenant))
    today = local.date()
    sent = 0
    due = DigestPreference.objects.filter(
        daily=True, hour__lte=local.hour, user__is_active=True
    ).exclude(last_sent_on=today)
    for pref_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            pref = (
                DigestPreference.objects.select_for_update(skip_locked=True)
                .select_related("user")
                .filter(pk=pref_id)
                .exclude(last_sent_on=today)
                .first()
            )
            if pref is None:
                continue
            user = pref.user
            language = person_language(user, tenant)
            with translation.override(language), timezone.override(ministry_zone(tenant)):
                lines = _lines(user, today)
                if lines and user.email:
                    _send(user, lines, today)
                    sent += 1
            pref.last_sent_on = today
            pref.save(update_fields=["last_sent_on"])
            audit_record(
                actor=None,
                action=AuditAction.ALERT_DIGEST_SENT,
                subject=user,
                payload={"values": {"day": today, "items": len(lines), "mailed": bool(lines)}},
            )
    return sent
