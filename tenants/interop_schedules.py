"""The beat-driven webhook sweep, once per active ministry.

It lives in ``tenants`` because only this package may iterate and switch schemas. The work is
``labourhub.interop.tasks.deliveries_due_send``: it queues deliveries that are due (a retry
whose message was lost, a worker killed between the commit and the POST), and sending is
guarded by a row lock and the delivery's status, so a tick that fires twice sends nothing twice.
"""

from celery import shared_task

from tenants.context import ministry_context
from tenants.models import Ministry


def deliveries_due_enqueue_all() -> int:
    from labourhub.interop.tasks import deliveries_due_send

    count = 0
    for ministry in Ministry.objects.filter(status=Ministry.Status.ACTIVE).exclude(
        schema_name="public"
    ):
        with ministry_context(ministry):
            deliveries_due_send.delay()
        count += 1
    return count


@shared_task
def deliveries_due_all() -> int:
    return deliveries_due_enqueue_all()
