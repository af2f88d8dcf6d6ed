"""Daily: every active ministry's national calendar and fine table follow its country packs.

It lives in ``tenants`` because only this package may iterate and switch schemas; the work is
``labourhub.extensions.country.country_pack_apply``, which only adds what is missing, so a
second run the same day changes nothing. On 1 January it loads the new third year.
"""

import logging

from celery import shared_task

from tenants.context import ministry_context
from tenants.models import Ministry

logger = logging.getLogger(__name__)


def country_packs_apply_all() -> int:
    """Apply the country packs in each active ministry; returns how many holidays were added."""
    from labourhub.extensions.country import country_pack_apply

    added = 0
    for ministry in Ministry.objects.filter(status=Ministry.Status.ACTIVE).exclude(
        schema_name="public"
    ):
        # One ministry's broken pack data must not stop the others' calendars.
        try:
            with ministry_context(ministry):
                added += country_pack_apply(tenant=ministry, actor=None).holidays_added
        except Exception:
            logger.exception("country pack apply failed for %s", ministry.schema_name)
    return added


@shared_task
def country_packs_apply_all_task() -> int:
    return country_packs_apply_all()
