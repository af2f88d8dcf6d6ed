"""The beat-driven sweep that publishes embargoed LMI data on its release date, per ministry.

It lives in ``tenants`` because only this package may iterate and switch schemas (R34); the
work itself is the per-ministry task ``cms.tasks.datasets_publish_due``.
"""

from celery import shared_task

from tenants.context import ministry_context
from tenants.models import Ministry


def cms_publish_due_enqueue() -> int:
    """Enqueue the publication sweep once per active ministry; returns how many were queued."""
    from cms.tasks import datasets_publish_due

    count = 0
    for ministry in Ministry.objects.filter(status=Ministry.Status.ACTIVE).exclude(
        schema_name="public"
    ):
        with ministry_context(ministry):
            # The tenant-aware Celery app stamps the active schema on the message.
            datasets_publish_due.delay()
        count += 1
    return count


@shared_task
def cms_publish_due_all() -> int:
    return cms_publish_due_enqueue()
