"""A redelivered import task that finds its batch still looking live waits and tries again.

RabbitMQ hands a dead worker's task to another worker at once, before the batch's heartbeat
has gone stale; the takeover is refused then, and the task must come back later instead of
failing for good (which would leave the batch "importing" forever)."""

import datetime as dt
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.test import override_settings
from django.utils import timezone

from labourhub.common.exceptions import ApplicationError
from labourhub.registry.models import ImportBatch
from labourhub.registry.tasks import import_batch_run_task

from .test_import import checked, mixed_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(offices):
    return checked(mixed_csv())


@override_settings(IMPORT_STALE_AFTER_SECONDS=7)
def test_a_takeover_refused_while_the_heartbeat_is_fresh_is_retried_after_it_goes_stale(batch):
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.IMPORTING, updated_at=timezone.now()
    )
    with mock.patch.object(import_batch_run_task, "retry", side_effect=Retry()) as retry:
        result = import_batch_run_task.apply(kwargs={"batch_id": batch.pk}, throw=False)
    assert result.state == "RETRY"
    assert retry.call_args.kwargs == {"countdown": 8}
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.IMPORTING  # untouched: the live run owns it


def test_a_stale_batch_is_taken_over_at_once(batch):
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.IMPORTING, updated_at=timezone.now() - dt.timedelta(hours=1)
    )
    with mock.patch.object(import_batch_run_task, "retry") as retry:
        import_batch_run_task.apply(kwargs={"batch_id": batch.pk}, throw=False).get()
    retry.assert_not_called()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE


def test_a_final_refusal_is_not_retried(batch):
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.DONE)
    with mock.patch.object(import_batch_run_task, "retry") as retry:
        result = import_batch_run_task.apply(kwargs={"batch_id": batch.pk}, throw=False)
    assert result.state == "FAILURE"
    assert isinstance(result.result, ApplicationError)
    retry.assert_not_called()
