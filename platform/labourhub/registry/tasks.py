from celery import shared_task


@shared_task(acks_late=True)
def import_batch_check_task(batch_id: int, actor_id: int | None = None) -> None:
    from labourhub.accounts.selectors import user_get
    from labourhub.registry.imports import import_batch_check

    actor = user_get(user_id=actor_id) if actor_id else None
    import_batch_check(batch_id=batch_id, actor=actor)


@shared_task(acks_late=True)
def import_batch_run_task(batch_id: int, actor_id: int | None = None) -> None:
    from labourhub.accounts.selectors import user_get
    from labourhub.registry.imports import import_batch_run

    actor = user_get(user_id=actor_id) if actor_id else None
    import_batch_run(batch_id=batch_id, actor=actor)
