from celery import Task, shared_task
from django.conf import settings

from labourhub.common.exceptions import ApplicationError


@shared_task(acks_late=True)
def import_batch_check_task(batch_id: int, actor_id: int | None = None) -> None:
    from labourhub.accounts.selectors import user_get
    from labourhub.registry.imports import import_batch_check

    actor = user_get(user_id=actor_id) if actor_id else None
    import_batch_check(batch_id=batch_id, actor=actor)


# Enough for a dead worker's import to go stale many times over; a live one finishes first.
RUN_RETRIES = 100


@shared_task(bind=True, acks_late=True, max_retries=RUN_RETRIES)
def import_batch_run_task(self: Task, batch_id: int, actor_id: int | None = None) -> None:
    from labourhub.accounts.selectors import user_get
    from labourhub.registry.imports import import_batch_run
    from labourhub.registry.models import ImportBatch

    actor = user_get(user_id=actor_id) if actor_id else None
    try:
        import_batch_run(batch_id=batch_id, actor=actor)
    except ApplicationError:
        # RabbitMQ hands a dead worker's task over as soon as its connection closes, while the
        # batch's heartbeat still looks live and a takeover is refused: try again once it can
        # have gone stale. Any other refusal (already done, nothing valid) is final.
        if ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.IMPORTING).exists():
            raise self.retry(countdown=settings.IMPORT_STALE_AFTER_SECONDS + 1) from None
        raise
