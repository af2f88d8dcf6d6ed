"""The beat-driven deadline sweep, once per active ministry.

It lives in ``tenants`` because only this package may iterate and switch schemas (R34); the
work itself is ``labourhub.workflow.tasks.deadline_sweep_task``, which is idempotent, so a beat
tick that fires twice or a worker killed mid-sweep never loses or duplicates an alert.
"""

from celery import shared_task

from tenants.context import ministry_context
from tenants.models import Ministry


def deadline_sweep_enqueue() -> int:
    """Enqueue the deadline sweep for each active ministry; returns how many were queued."""
    from labourhub.workflow.tasks import deadline_sweep_task

    count = 0
    for ministry in Ministry.objects.filter(status=Ministry.Status.ACTIVE).exclude(
        schema_name="public"
    ):
        with ministry_context(ministry):
            deadline_sweep_task.delay()
        count += 1
    return count


@shared_task
def deadline_sweep_all() -> int:
    return deadline_sweep_enqueue()


def alert_daily_digest_enqueue() -> int:
    """Enqueue the daily e-mail digest for each active ministry; returns how many were queued."""
    from labourhub.workflow.tasks import alert_daily_digest_task

    count = 0
    for ministry in Ministry.objects.filter(status=Ministry.Status.ACTIVE).exclude(
        schema_name="public"
    ):
        with ministry_context(ministry):
            alert_daily_digest_task.delay()
        count += 1
    return count


@shared_task
def alert_daily_digest_all() -> int:
    return alert_daily_digest_enqueue()
