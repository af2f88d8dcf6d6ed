from datetime import UTC, datetime

from django.conf import settings

from cms.models import Dataset
from cms.services import dataset_approve, dataset_submit
from tenants.cms_schedules import cms_publish_due_all
from tests.cms.conftest import upload


def test_beat_entry_points_at_a_task_the_worker_registers():
    from labourhub.config.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["cms-publish-due-all-ministries"]
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks
    assert "cms.tasks.datasets_publish_due" in app.tasks


def test_beat_task_publishes_only_in_the_ministry_that_owns_the_dataset(lmi, second_ministry):
    import time_machine

    dataset = dataset_submit(
        actor=lmi.stats, indicator=lmi.unemployment, upload=upload("period,sex,value\n2024,F,9\n")
    )
    dataset_approve(actor=lmi.editor, dataset=dataset, release_at=datetime(2030, 1, 1, tzinfo=UTC))
    with time_machine.travel(datetime(2030, 1, 2, tzinfo=UTC), tick=False):
        queued = cms_publish_due_all()
    assert queued >= 2  # one per active ministry
    dataset.refresh_from_db()
    assert dataset.status == Dataset.Status.PUBLISHED
