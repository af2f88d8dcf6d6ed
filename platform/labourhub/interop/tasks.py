from celery import shared_task

from labourhub.interop.models import Delivery
from labourhub.interop.outbox import deliveries_due_enqueue, delivery_attempt


@shared_task(acks_late=True)
def delivery_send(delivery_id: int) -> str:
    """One attempt; a failure queues the next one after the back-off (the sweep is the net)."""
    delivery = delivery_attempt(delivery_id=delivery_id)
    if delivery.status == Delivery.Status.PENDING and not delivery_send.app.conf.task_always_eager:
        # Sent from inside the task, so the tenant-aware app stamps this ministry's schema on it.
        delivery_send.apply_async(kwargs={"delivery_id": delivery_id}, eta=delivery.next_attempt_at)
        return "retry"
    return str(delivery.status)


@shared_task(acks_late=True)
def deliveries_due_send() -> int:
    """Runs per ministry from the beat (``tenants.interop_schedules``)."""
    return deliveries_due_enqueue()
