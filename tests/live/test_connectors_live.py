"""Live: a 500-worker payroll file in object storage is loaded by a real Celery worker on Redis.

Every write commits (no django_db mark) so the worker process sees it; the ministry is
provisioned for this module and dropped afterwards.
"""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from tests.connectors.conftest import payroll_csv

from .conftest import temporary_ministry

pytestmark = [pytest.mark.live]


def _wait_finished(run_id, timeout=120):
    from labourhub.connectors.models import ConnectorRun

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = ConnectorRun.objects.get(pk=run_id)
        if run.finished:
            return run
        time.sleep(0.1)
    pytest.fail(f"run {run_id} still {run.status} after {timeout}s")


def test_a_worker_loads_500_declared_workers_once(
    django_db_setup, django_db_blocker, celery_worker, capsys
):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.config.celery import app
    from labourhub.connectors.models import DeclaredWorker
    from labourhub.connectors.services import (
        connector_file_drop,
        connector_run_start,
        connector_source_create,
    )
    from labourhub.registry.services import employer_create, establishment_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug="connectors",
        name="Ministerio de Trabajo (conectores)",
        country="PE",
        languages=["es"],
        default_language="es",
        time_zone="America/Lima",
        currency="PEN",
    ) as ministry:
        app.conf.task_always_eager = False
        try:
            with django_db_blocker.unblock(), ministry_context(ministry):
                office = office_create(code="PE-LIM", name="Lima", level="region", actor=None)
                admin = user_create(
                    username="connadmin",
                    password=TEST_PASSWORD,
                    office=office,
                    roles=[Role.SYSTEM_ADMIN],
                    actor=None,
                )
                employer = employer_create(legal_name="Textil S.A.", tax_id="", actor=None)
                site = establishment_create(
                    employer=employer,
                    name="Planta Ate",
                    office=office,
                    isic_code="1410",
                    registration_number="EST-1",
                    actor=None,
                )
                source = connector_source_create(
                    name="Planillas", kind="payroll-csv", transport="drop", actor=admin
                )
                name = connector_file_drop(
                    source=source,
                    upload=SimpleUploadedFile("roster.csv", payroll_csv(500)),
                    actor=admin,
                )
                started = time.perf_counter()
                first = connector_run_start(source=source, file_name=name, actor=admin)
                first = _wait_finished(first.pk)
                elapsed = time.perf_counter() - started
                assert first.status == "done" and first.created_count == 500
                stamps = sorted(
                    DeclaredWorker.objects.filter(establishment=site).values_list(
                        "id_number", "updated_at"
                    )
                )
                second = _wait_finished(
                    connector_run_start(source=source, file_name=name, actor=admin).pk
                )
                assert second.status == "unchanged"
                assert (
                    sorted(
                        DeclaredWorker.objects.filter(establishment=site).values_list(
                            "id_number", "updated_at"
                        )
                    )
                    == stamps
                )
                with capsys.disabled():
                    print(
                        f"\nlive: 500-worker file loaded by the Celery worker in "
                        f"{elapsed * 1000:.0f} ms (run {first.duration_ms} ms)"
                    )
        finally:
            app.conf.task_always_eager = True
            connection.set_schema_to_public()
