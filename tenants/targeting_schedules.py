"""Nightly re-scoring with the active risk model, once per active ministry (R34).

Scores move as new complaints, accidents and unpaid fines are recorded; the model itself only
changes when the director trains and switches on a new version.
"""

from celery import shared_task

from tenants.context import ministry_context
from tenants.models import Ministry


def risk_scores_refresh_enqueue() -> int:
    from labourhub.targeting.selectors import risk_model_active
    from labourhub.targeting.tasks import risk_scores_refresh_task

    queued = 0
    ministries = Ministry.objects.filter(status=Ministry.Status.ACTIVE).exclude(
        schema_name="public"
    )
    for ministry in ministries:
        with ministry_context(ministry):
            version = risk_model_active()
            if version is not None:
                risk_scores_refresh_task.delay(version_id=version.pk)
                queued += 1
    return queued


@shared_task
def risk_scores_refresh_all() -> int:
    return risk_scores_refresh_enqueue()
