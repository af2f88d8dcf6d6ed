from celery import shared_task


@shared_task
def datasets_publish_due() -> list[int]:
    """Runs in the ministry schema that enqueued it (tenant-schemas-celery)."""
    from cms.services import dataset_publish_due

    return dataset_publish_due()
