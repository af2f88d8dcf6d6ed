from typing import Any

from celery import shared_task

from labourhub.interop.models import Delivery
from labourhub.interop.outbox import deliveries_due_enqueue, delivery_attempt


@shared_task(bind=True, acks_late=True)
def delivery_send(self: Any, delivery_id: int) -> str:
    """One attempt; a failure queues the next one after the back-off (the sweep is the net).

    Run in-process (eager: development without a broker, tests) a failure is left to the
    sweep, so a receiver that is down cannot make the request that caused the event wait.
    """
    delivery = delivery_attempt(delivery_id=delivery_id)
    if delivery.status == Delivery.Status.PENDING and not self.request.is_eager:
        # Always through the broker (a worker configured eager would run it now, before it is
        # due, and lose it); the tenant-aware app stamps this ministry's schema on the message.
        self.app.send_task(
            self.name, kwargs={"delivery_id": delivery_id}, eta=delivery.next_attempt_at
        )
        return "retry"
    return str(delivery.status)


@shared_task(acks_late=True)
def deliveries_due_send() -> int:
    """Runs per ministry from the beat (``tenants.interop_schedules``)."""
    return deliveries_due_enqueue()
