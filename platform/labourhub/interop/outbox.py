"""Events out: the outbox written with each audited change, and one delivery attempt.

The audit service calls ``outbox_on_audit`` inside the transaction of the change, so an event
exists exactly when its change committed; deliveries are rows, so a worker killed between the
commit and the POST loses nothing (the sweep picks the row up again). Delivery is at least once:
the CloudEvent ``id`` is the idempotency key partners deduplicate on.
"""

from datetime import timedelta

from cloudevents.core.bindings.http import to_structured_event
from cloudevents.core.v1.event import CloudEvent
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from labourhub.audit.models import AuditEvent
from labourhub.common.background import task_enqueue_on_commit
from labourhub.common.db import current_schema
from labourhub.interop.events import NOT_PUBLISHED_PREFIXES
from labourhub.interop.models import Delivery, OutboxEvent, PartnerClient, WebhookSubscription
from labourhub.interop.scopes import event_scope
from labourhub.interop.webhooks import webhook_post

TYPE_PREFIX = "org.labourhub."
SEND_TASK = "labourhub.interop.tasks.delivery_send"


def outbox_on_audit(event: AuditEvent) -> None:
    """Audit listener: queue ``event`` for every subscription that wants it and may see it."""
    if current_schema() == "public" or event.action.startswith(NOT_PUBLISHED_PREFIXES):
        return
    scope = event_scope(event.action)
    if scope is None:
        return
    subscriptions = [
        s
        for s in WebhookSubscription.objects.filter(
            active=True, partner__status=PartnerClient.Status.ACTIVE
        ).select_related("partner")
        if event.action in s.event_types and scope in s.partner.allowed_scopes
    ]
    if not subscriptions:
        return
    outbox = OutboxEvent.objects.create(
        type=TYPE_PREFIX + event.action,
        source=f"/ministries/{current_schema()}",
        subject=f"{event.subject_type}/{event.subject_id}",
        time=event.occurred_at,
        # Only what the scope covers: the subject and its changed fields; never the actor's
        # name, the request address or the free-form extras (documents, notes).
        data={
            "action": event.action,
            "subject_type": event.subject_type,
            "subject_id": event.subject_id,
            "subject": event.subject_repr,
            "changes": event.changes,
        },
        audit_event_id=event.pk,
    )
    now = timezone.now()
    for subscription in subscriptions:
        delivery = Delivery.objects.create(
            event=outbox, subscription=subscription, next_attempt_at=now
        )
        task_enqueue_on_commit(SEND_TASK, delivery_id=delivery.pk)


def cloudevent_message(outbox: OutboxEvent) -> tuple[dict[str, str], bytes]:
    """The structured-mode HTTP message (headers, body) of ``outbox``."""
    event = CloudEvent(
        attributes={
            "id": str(outbox.event_id),
            "type": outbox.type,
            "source": outbox.source,
            "subject": outbox.subject,
            "time": outbox.time,
            "datacontenttype": "application/json",
        },
        data=outbox.data,
    )
    message = to_structured_event(event)
    return dict(message.headers), message.body


def _backoff(attempts: int) -> timedelta:
    base = settings.INTEROP_WEBHOOK_BACKOFF_SECONDS
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 3600))


def delivery_attempt(*, delivery_id: int) -> Delivery:
    """Try to deliver once; on failure schedule the next try or give up (dead letter).

    The row stays locked during the POST, so two workers never send the same delivery at once;
    a delivery that is not due, already delivered or dead is left alone.
    """
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True)
            .select_related("event", "subscription")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None:
            return Delivery.objects.get(pk=delivery_id)
        if delivery.status != Delivery.Status.PENDING or delivery.next_attempt_at > timezone.now():
            return delivery
        headers, body = cloudevent_message(delivery.event)
        headers["Idempotency-Key"] = str(delivery.event.event_id)
        error = ""
        try:
            status = webhook_post(
                url=delivery.subscription.url,
                secret=delivery.subscription.secret,
                body=body,
                headers=headers,
            )
            if not 200 <= status < 300:
                error = f"HTTP {status}"
        except OSError as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
        delivery.attempts += 1
        now = timezone.now()
        if not error:
            delivery.status = Delivery.Status.DELIVERED
            delivery.delivered_at = now
            delivery.last_error = ""
        elif delivery.attempts >= settings.INTEROP_WEBHOOK_MAX_ATTEMPTS:
            delivery.status = Delivery.Status.DEAD
            delivery.last_error = error
        else:
            delivery.next_attempt_at = now + _backoff(delivery.attempts)
            delivery.last_error = error
        delivery.save(
            update_fields=["status", "attempts", "next_attempt_at", "last_error", "delivered_at"]
        )
        return delivery


def deliveries_due_enqueue() -> int:
    """Queue every pending delivery that is due (after a crash, or whose retry was lost)."""
    due = list(
        Delivery.objects.filter(
            status=Delivery.Status.PENDING, next_attempt_at__lte=timezone.now()
        ).values_list("pk", flat=True)[:1000]
    )
    with transaction.atomic():
        for pk in due:
            task_enqueue_on_commit(SEND_TASK, delivery_id=pk)
    return len(due)
