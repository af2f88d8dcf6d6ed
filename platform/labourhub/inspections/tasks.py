from celery import shared_task


@shared_task
def inspection_alert_notify_task(*, alert_id: int) -> int:
    from labourhub.inspections.services import inspection_alert_notify

    return inspection_alert_notify(alert_id=alert_id)
