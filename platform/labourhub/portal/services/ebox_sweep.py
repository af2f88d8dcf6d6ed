"""Unopened notifications: an e-mail reminder to the establishment's representatives, and, where
the notification says so, deemed service after its legal period (the receipt then carries no
person and the answer's time limit starts on that day). Run for each ministry by Celery beat;
each step locks its notification and checks again, so overlapping runs do nothing twice."""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from labourhub.audit.services import audit_record
from labourhub.common.localtime import person_language
from labourhub.portal import events
from labourhub.portal.models import Notification, PortalAccount, Receipt, Representation
from labourhub.portal.services.ebox import _local_date, notification_limit_start
from labourhub.workflow.calendar import WORKING_DAYS, calendar_current

# Working days after serving before the first (and only) reminder goes out.
REMINDER_AFTER_DAYS = 2
BATCH = 500


def _recipients(*, notification: Notification) -> list[tuple[str, str]]:
    """(e-mail, language) of each representative, in the language each one chose."""
    tenant = getattr(connection, "tenant", None)
    rows = (
        Representation.objects.filter(
            establishment_id=notification.establishment_id,
            removed_at__isnull=True,
            user__is_active=True,
            user__portal_account__status=PortalAccount.Status.VERIFIED,
        )
        .exclude(user__email="")
        .select_related("user")
    )
    return sorted({(r.user.email, person_language(r.user, tenant)) for r in rows})


def _send_reminders(*, recipients: list[tuple[str, str]], subject: str, link: str) -> None:
    for email, language in recipients:
        with translation.override(language):
            body = _(
                "A formal notification from the labour ministry is waiting, unopened, in your "
                "establishment's electronic inbox: “%(subject)s”.\n\nOpen it here: %(link)s\n\n"
                "Opening it records the date of receipt, from which any time limit to answer "
                "runs."
            ) % {"subject": subject, "link": link}
            title = _("Unopened notification in your electronic inbox")
        send_mail(title, body, settings.DEFAULT_FROM_EMAIL, [email])


@transaction.atomic
def notification_remind(*, notification_id: int, link_base: str = "") -> bool:
    """E-mail the representatives once about an unopened notification; False if not due."""
    locked = Notification.objects.select_for_update().filter(pk=notification_id).first()
    if locked is None or locked.reminded_at is not None:
        return False
    if Receipt.objects.filter(notification=locked).exists():
        return False
    recipients = _recipients(notification=locked)
    locked.reminded_at = timezone.now()
    locked.save(update_fields=["reminded_at", "updated_at"])
    audit_record(
        actor=None,
        action=events.NOTIFICATION_REMINDED,
        subject=locked,
        payload={"values": {"recipients": len(recipients)}},
    )
    link = f"{link_base}/portal/inbox/{locked.pk}/"
    subject = locked.subject
    transaction.on_commit(
        lambda: _send_reminders(recipients=recipients, subject=subject, link=link)
    )
    return True


@transaction.atomic
def notification_deem_served(*, notification_id: int, now: dt.datetime | None = None) -> bool:
    """Write the receipt of an unopened notification whose legal period has run out."""
    locked = (
        Notification.objects.select_for_update(of=("self",))
        .select_related("case")
        .filter(pk=notification_id)
        .first()
    )
    if locked is None or not locked.deemed_after_days:
        return False
    if Receipt.objects.filter(notification=locked).exists():
        return False
    moment = now or timezone.now()
    Receipt.objects.create(notification=locked, opened_by=None, opened_at=moment, deemed=True)
    notification_limit_start(notification=locked, start_on=_local_date(moment), actor=None)
    audit_record(
        actor=None,
        action=events.NOTIFICATION_DEEMED_SERVED,
        subject=locked,
        payload={"values": {"deemed_at": moment, "due_on": locked.due_on}},
    )
    return True


def ebox_sweep(*, now: dt.datetime | None = None, link_base: str = "") -> dict[str, int]:
    """Remind and deem what is due today (ministry-local days, the ministry's calendar)."""
    moment = now or timezone.now()
    today = _local_date(moment)
    cal = calendar_current()
    unopened = Notification.objects.filter(receipt__isnull=True).order_by("served_at", "id")
    reminded = deemed = 0
    for pk, served_at in unopened.filter(reminded_at__isnull=True).values_list("pk", "served_at")[
        :BATCH
    ]:
        if cal.add(_local_date(served_at), REMINDER_AFTER_DAYS, WORKING_DAYS) <= today:
            reminded += notification_remind(notification_id=pk, link_base=link_base)
    for pk, served_at, days in unopened.filter(deemed_after_days__gt=0).values_list(
        "pk", "served_at", "deemed_after_days"
    )[:BATCH]:
        if cal.add(_local_date(served_at), days, WORKING_DAYS) <= today:
            deemed += notification_deem_served(notification_id=pk, now=moment)
    return {"reminded": reminded, "deemed": deemed}
