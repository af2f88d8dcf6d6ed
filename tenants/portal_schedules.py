"""The beat-driven electronic-inbox sweep (reminders, deemed service), once per ministry.

It lives in ``tenants`` because only this package may iterate and switch schemas; the work is
``labourhub.portal.tasks.ebox_sweep_task``, idempotent like the deadline sweep.
"""

from celery import shared_task

from tenants.context import ministry_context
from tenants.models import Ministry


def ebox_sweep_enqueue() -> int:
    from labourhub.portal.tasks import ebox_sweep_task

    count = 0
    for ministry in Ministry.objects.filter(status=Ministry.Status.ACTIVE).exclude(
        schema_name="public"
    ):
        with ministry_context(ministry):
            ebox_sweep_task.delay()
        count += 1
    return count


@shared_task
def ebox_sweep_all() -> int:
    return ebox_sweep_enqueue()
