"""Daily: each active ministry's plugins do their periodic work (``daily_housekeeping`` hook).

It lives in ``tenants`` because only this package may iterate and switch schemas. The hook is
called only for the plugins active in that ministry; one plugin's or one ministry's failure is
logged and does not stop the others.
"""

import logging

from celery import shared_task

from tenants.context import ministry_context
from tenants.models import Ministry

logger = logging.getLogger(__name__)


def plugins_daily_housekeeping_all() -> int:
    """Call ``daily_housekeeping`` in every active ministry; returns how many ministries ran."""
    from labourhub.extensions import hooks_for

    ran = 0
    for ministry in Ministry.objects.filter(status=Ministry.Status.ACTIVE).exclude(
        schema_name="public"
    ):
        try:
            with ministry_context(ministry):
                hooks_for(ministry).daily_housekeeping(tenant=ministry)
            ran += 1
        except Exception:
            logger.exception("daily housekeeping failed for %s", ministry.schema_name)
    return ran


@shared_task
def plugins_daily_housekeeping_all_task() -> int:
    return plugins_daily_housekeeping_all()
