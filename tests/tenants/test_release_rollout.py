"""Releases: canary then all, per-ministry status, a real migration failure, retry, pre-flight."""

import pytest
from django.db import connection

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from tenants.context import ministry_context
from tenants.models import TenantUpgrade
from tenants.release_services import release_create, release_rollout_retry, release_rollout_start
from tenants.selectors import release_progress

pytestmark = pytest.mark.multi_tenant

PLUGIN_MIGRATION = ("hn_trade_unions", "0002_union_case")


@pytest.fixture
def via_tasks(settings):
    # Route the rollout through the Celery task (eager in tests) rather than the no-broker pool.
    settings.CELERY_BROKER_URL = "redis://eager-in-tests"


def _forget_migration(ministry):
    """Make the schema's history say the plugin's last migration never ran, while its tables
    exist: migrating that schema then fails for real ("relation already exists")."""
    with ministry_context(ministry), connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = %s AND name = %s", PLUGIN_MIGRATION
        )


def _restore_migration(ministry):
    with ministry_context(ministry), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, now())",
            PLUGIN_MIGRATION,
        )


def _statuses(release):
    return {u.ministry.schema_name: u.status for u in release.upgrades.select_related("ministry")}


def test_rollout_canary_then_all_failure_then_retry(
    ministry, second_ministry, via_tasks, django_capture_on_commit_callbacks
):
    release = release_create(version="0.1.1", notes="no-op", actor=None)
    with pytest.raises(ApplicationError, match="canary"):
        release_rollout_start(release=release, actor=None)

    with django_capture_on_commit_callbacks(execute=True):
        release_rollout_start(release=release, canary=ministry, actor=None)
    assert _statuses(release) == {"test": "done"}

    _forget_migration(second_ministry)
    with django_capture_on_commit_callbacks(execute=True):
        release_rollout_start(release=release, actor=None)
    statuses = _statuses(release)
    assert statuses == {"test": "done", "test2": "failed"}
    failed = release.upgrades.get(ministry=second_ministry)
    assert "already exists" in failed.error or "Inconsistent" in failed.error, failed.error
    done = release.upgrades.get(ministry=ministry)
    assert done.attempts == 1  # the canary was not migrated a second time

    _restore_migration(second_ministry)
    with django_capture_on_commit_callbacks(execute=True):
        release_rollout_retry(release=release, actor=None)
    assert _statuses(release) == {"test": "done", "test2": "done"}
    failed.refresh_from_db()
    assert (failed.attempts, failed.error) == (2, "")
    assert release_progress(release=release) == {"done": 2, "total": 2}
    actions = list(
        AuditEvent.objects.filter(action__startswith="upgrade.").values_list("action", flat=True)
    )
    assert actions.count("upgrade.failed") == 1 and actions.count("upgrade.succeeded") == 2


def test_a_second_start_never_reruns_finished_ministries(
    ministry, via_tasks, django_capture_on_commit_callbacks
):
    release = release_create(version="0.1.2", actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        release_rollout_start(release=release, canary=ministry, actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        queued = release_rollout_start(release=release, canary=ministry, actor=None)
    assert queued == []
    assert release.upgrades.get().attempts == 1


def test_retry_with_nothing_failed_is_refused(ministry):
    release = release_create(version="0.1.3", actor=None)
    with pytest.raises(ApplicationError):
        release_rollout_retry(release=release, actor=None)


def test_preflight_refuses_plugins_that_do_not_fit_the_new_core(ministry, enable_plugin):
    release = release_create(version="1.0.0", actor=None)
    before = TenantUpgrade.objects.count()
    with pytest.raises(ApplicationError) as exc:
        release_rollout_start(release=release, canary=ministry, actor=None)
    problems = exc.value.extra["problems"]
    assert any("trade-unions" in p and "1.0.0" in p and "<1" in p for p in problems), problems
    assert TenantUpgrade.objects.count() == before


def test_preflight_refuses_a_release_missing_an_active_plugin(ministry, enable_plugin):
    enable_plugin("trade-unions")
    release = release_create(version="0.1.4", plugins={}, actor=None)
    with pytest.raises(ApplicationError) as exc:
        release_rollout_start(release=release, canary=ministry, actor=None)
    assert any("trade-unions" in p for p in exc.value.extra["problems"])


def test_release_version_is_validated_with_a_translated_message(db):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("es"), pytest.raises(ValidationError) as exc:
        release_create(version="not a version", actor=None)
    assert "version" in exc.value.message_dict


def test_schema_is_current_until_a_migration_is_missing(ministry, second_ministry):
    from tenants.release_services import schema_is_current, schema_migrate

    # A reused test database can lag behind migrations added since it was built; bring both
    # schemas up to date first (a no-op when they already are).
    for schema in ("test", "test2"):
        if not schema_is_current(schema):
            schema_migrate(schema)
    assert schema_is_current("test") and schema_is_current("test2")
    _forget_migration(second_ministry)
    assert schema_is_current("test") and not schema_is_current("test2")
