"""Fault test: a Celery worker killed with SIGKILL in the middle of an import loses nothing.

The import task is acknowledged late, so the broker redelivers it once the dead worker's
visibility timeout passes; the new run takes over the batch whose heartbeat stopped and skips
the rows already written. Measured: 0 rows lost, 0 rows written twice. The ministry is
provisioned for this module and dropped afterwards, so no committed row leaks into the shared
test ministries.
"""

import os
import signal
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import Count

from .conftest import start_worker, temporary_ministry

# No django_db mark: every write here must commit so the worker processes can see it.
pytestmark = [pytest.mark.live]

SLUG = "faults"
ROWS = 12_000
HEADER = (
    "registration_number,name,employer_name,employer_tax_id,address,office,isic_code,"
    "workers_female,workers_male,workers_minors,opened_on\n"
)


@pytest.fixture(scope="module")
def ministry(django_db_setup, django_db_blocker):
    from labourhub.accounts.services import office_create
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="Ministry of Labour (fault test)",
        country="LC",
        languages=["en"],
        default_language="en",
        time_zone="America/St_Lucia",
        currency="XCD",
    ) as ministry:
        with django_db_blocker.unblock():
            with ministry_context(ministry):
                office_create(code="LC-CAS", name="Castries", level="region", actor=None)
            connection.set_schema_to_public()
        yield ministry


# Fast redelivery: a dead worker's task comes back after 5 s, its import after 3 s of silence.
FAST_RECOVERY = {
    "CELERY_VISIBILITY_TIMEOUT": "5",
    "CELERY_UNACKED_RESTORE_INTERVAL": "1",
    "CELERY_UNACKED_RESTORE_THROTTLE": "1",
    "IMPORT_STALE_AFTER_SECONDS": "3",
}


def _wait(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout}s waiting for {what}")


def test_sigkill_of_a_worker_mid_import_loses_and_duplicates_nothing(
    ministry, live_env, django_db_blocker
):
    from labourhub.audit.selectors import audit_chain_verify
    from labourhub.config.celery import app
    from labourhub.registry.imports import import_batch_check, import_batch_create
    from labourhub.registry.models import Establishment, ImportBatch
    from labourhub.registry.tasks import import_batch_run_task
    from tenants.context import ministry_context

    lines = [
        f"LC-{n:06d},Shop {n},Employer {n % 400},,Rue {n},LC-CAS,4711,2,3,0," for n in range(ROWS)
    ]
    content = (HEADER + "\n".join(lines) + "\n").encode()
    first = second = None
    logs = []
    with django_db_blocker.unblock():
        with ministry_context(ministry):
            batch = import_batch_create(
                kind="establishments",
                upload=SimpleUploadedFile("registry.csv", content, content_type="text/csv"),
                actor=None,
                language="en",
            )
            batch = import_batch_check(batch_id=batch.pk)
            assert batch.valid_rows == ROWS, batch.error_rows
        app.conf.task_always_eager = False
        try:
            first, first_log = start_worker(
                live_env, "fault-worker-1.log", FAST_RECOVERY, node="fault-worker-1"
            )
            with ministry_context(ministry):
                import_batch_run_task.apply_async(kwargs={"batch_id": batch.pk})

                def progress():
                    batch.refresh_from_db()
                    return 0 < batch.processed_rows < ROWS and batch.processed_rows

                killed_at = _wait(progress, 120, "the first chunk to be written")
            os.killpg(first.pid, signal.SIGKILL)
            first.wait(timeout=10)
            first_log.close()
            with ministry_context(ministry):
                batch.refresh_from_db()
                assert batch.status == ImportBatch.Status.IMPORTING  # left behind by the dead run
                written_before = Establishment.objects.filter(import_batch=batch).count()
            assert written_before < ROWS, "the worker finished before it could be killed"

            second, second_log = start_worker(
                live_env, "fault-worker-2.log", FAST_RECOVERY, node="fault-worker-2"
            )
            logs.append(second_log)
            with ministry_context(ministry):

                def done():
                    batch.refresh_from_db()
                    return batch.status in (ImportBatch.Status.DONE, ImportBatch.Status.FAILED)

                _wait(done, 240, "the redelivered import to finish")
                assert batch.status == ImportBatch.Status.DONE, batch.failure
                rows = Establishment.objects.filter(import_batch=batch)
                duplicates = (
                    rows.values("registration_number").annotate(n=Count("pk")).filter(n__gt=1)
                )
                assert rows.count() == ROWS, f"lost {ROWS - rows.count()} rows"
                assert not duplicates.exists()
                assert batch.created_rows == ROWS
                assert audit_chain_verify().ok
            print(
                f"\nfault test: killed at {killed_at} of {ROWS} rows processed "
                f"({written_before} written); after redelivery {ROWS} rows, 0 lost, 0 duplicated"
            )
        finally:
            app.conf.task_always_eager = True
            for proc in (first, second):
                if proc is not None and proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGTERM)
                    proc.wait(timeout=20)
            for log in logs:
                log.close()
            connection.set_schema_to_public()
