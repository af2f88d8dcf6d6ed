from celery import shared_task


@shared_task(ignore_result=True)
def summary_refresh_task(full: bool = False) -> int:
    """Runs in the schema that enqueued it (tenant-aware Celery app)."""
    from labourhub.analytics.services import summary_refresh

    return summary_refresh(full=full).rows_written


@shared_task(ignore_result=True)
def report_schedules_send_task() -> int:
    from labourhub.analytics.services import report_schedules_send_due

    return report_schedules_send_due()
