"""Beat-driven analytics work, once per active ministry (only ``tenants`` iterates schemas, R34).

The summary refresh runs every minute so a change in a case shows on the dashboards within a
minute; it is incremental and takes a per-ministry advisory lock, so overlapping ticks skip
rather than queue up. Scheduled report e-mails are checked hourly; each schedule remembers the
last period it sent, so a repeated tick never sends twice.
"""

from celery import shared_task

from tenants.context import ministry_context
from tenants.models import Ministry


def _active() -> list[Ministry]:
    return list(
        Ministry.objects.filter(status=Ministry.Status.ACTIVE).exclude(schema_name="public")
    )


def analytics_refresh_enqueue(*, full: bool = False) -> int:
    from labourhub.analytics.tasks import summary_refresh_task

    ministries = _active()
    for ministry in ministries:
        with ministry_context(ministry):
            summary_refresh_task.delay(full=full)
    return len(ministries)


def analytics_reports_enqueue() -> int:
    from labourhub.analytics.tasks import report_schedules_send_task

    ministries = _active()
    for ministry in ministries:
        with ministry_context(ministry):
            report_schedules_send_task.delay()
    return len(ministries)


@shared_task
def analytics_refresh_all() -> int:
    return analytics_refresh_enqueue()


@shared_task
def analytics_rebuild_all() -> int:
    return analytics_refresh_enqueue(full=True)


@shared_task
def analytics_reports_all() -> int:
    return analytics_reports_enqueue()
