from celery import shared_task

from labourhub.workflow.services import alert_daily_digest_send, alert_digest_send, deadline_sweep


@shared_task(acks_late=True)
def deadline_sweep_task() -> dict[str, int]:
    """Runs in the schema that enqueued it (tenant-aware Celery app); safe to run twice."""
    result = deadline_sweep()
    return {
        "warnings": result.warnings,
        "expired": result.expired,
        "escalations": result.escalations,
    }


@shared_task(acks_late=True)
def alert_digest_send_task() -> int:
    return alert_digest_send()


@shared_task(acks_late=True)
def alert_daily_digest_task() -> int:
    """Runs in the ministry's schema; sends each opted-in user at most one digest a day."""
    return alert_daily_digest_send()
