"""Alerts raised from a visit (for example a worker in danger) and their notification."""

from django.db import connection, transaction
from django.utils import timezone, translation

from labourhub.accounts.models import User
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.background import task_enqueue_on_commit
from labourhub.common.localtime import person_language
from labourhub.inspections.models import (
    Inspection,
    InspectionAlert,
)
from labourhub.inspections.selectors.alerts import alert_recipients
from labourhub.inspections.services._common import (
    Actor,
)


def _alert_raise(inspection: Inspection, kind: str, message: str, actor: Actor) -> None:
    if InspectionAlert.objects.filter(inspection=inspection, kind=kind).exists():
        return
    alert = InspectionAlert.objects.create(
        inspection=inspection,
        kind=kind,
        message=message,
        # The roles the ministry routes this kind to, in the inspection's office or region:
        # the alert is in their bells as soon as the answer or the refusal is saved.
        notified_user_ids=alert_recipients(inspection=inspection, kind=kind),
    )
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_ALERT_RAISED,
        subject=inspection,
        payload={"values": {"kind": kind, "notified": list(alert.notified_user_ids)}},
    )

    task_enqueue_on_commit(
        "labourhub.inspections.tasks.inspection_alert_notify_task", alert_id=alert.pk
    )


@transaction.atomic
def inspection_alert_acknowledge(*, alert: InspectionAlert, actor: User) -> InspectionAlert:
    alert = InspectionAlert.objects.select_for_update().get(pk=alert.pk)
    if alert.acknowledged_at is None:
        alert.acknowledged_by = actor
        alert.acknowledged_at = timezone.now()
        alert.save(update_fields=["acknowledged_by", "acknowledged_at", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.INSPECTION_ALERT_ACKNOWLEDGED,
            subject=alert.inspection,
            payload={"values": {"kind": alert.kind}},
        )
    return alert


def inspection_alert_notify(*, alert_id: int) -> int:
    """E-mail the people an alert names; returns how many messages went out."""
    from django.core.mail import send_mail

    alert = InspectionAlert.objects.select_related("inspection").get(pk=alert_id)
    tenant = getattr(connection, "tenant", None)
    by_language: dict[str, list[str]] = {}
    for user in User.objects.filter(pk__in=alert.notified_user_ids).exclude(email=""):
        by_language.setdefault(person_language(user, tenant), []).append(user.email)
    sent = 0
    for language, emails in sorted(by_language.items()):
        with translation.override(language):
            subject = f"[{alert.get_kind_display()}] {alert.inspection.reference}"
        sent += send_mail(subject, alert.message, None, emails, fail_silently=False)
    return sent
