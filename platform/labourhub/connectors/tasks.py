from celery import shared_task


@shared_task(acks_late=True)
def connector_run_task(run_id: int) -> str:
    from labourhub.connectors.services import connector_run_execute

    return str(connector_run_execute(run_id=run_id).status)
