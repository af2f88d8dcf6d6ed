import pytest
from django.db import connection

from labourhub.audit.models import AuditEvent
from labourhub.audit.tasks import audit_chain_check
from labourhub.config.celery import app
from tenants.context import ministry_context
from tenants.models import Ministry

# django_db makes pytest-django build the test database; the worker reads committed rows only.
pytestmark = [pytest.mark.live, pytest.mark.django_db]


def test_worker_runs_each_task_in_the_schema_that_enqueued_it(celery_worker):
    app.conf.task_always_eager = False
    try:
        results = {}
        for slug in ("test", "test2"):
            ministry = Ministry.objects.get(schema_name=slug)
            with ministry_context(ministry):
                expected = AuditEvent.objects.count()
                results[slug] = (audit_chain_check.delay(), expected)
        for slug, (async_result, expected) in results.items():
            outcome = async_result.get(timeout=60)
            assert outcome["schema"] == slug
            assert outcome["ok"] is True
            assert outcome["checked"] == expected
    finally:
        app.conf.task_always_eager = True
        connection.set_schema_to_public()
