"""Releases and upgrades: the coordination unit rolls a core + plugins release across ministries.

A rollout goes to one ministry first (the canary), then to all. Each ministry's upgrade is a row
(pending -> running -> done | failed with the error) and a unit of work that migrates that one
schema; units run in parallel (Celery workers, or a thread pool without a broker). A retry puts
failed rows back to pending and runs only those, so finished ministries are never touched twice.
Pre-flight refuses a release whose plugins do not fit its core version.
"""

import functools
import logging
import multiprocessing
import threading
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import close_old_connections, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from packaging.version import InvalidVersion, Version

from labourhub.audit.services import Actor, AuditAction, audit_actor_name, audit_record
from labourhub.common.background import task_enqueue_on_commit
from labourhub.common.exceptions import ApplicationError
from labourhub.extensions.plugin import requires_problem
from labourhub.extensions.registry import plugin_app_configs
from tenants.clone import unique_constraint_names_align
from tenants.context import ministry_context
from tenants.models import Ministry, PluginActivation, Release, TenantUpgrade
from tenants.selectors import ministry_list

logger = logging.getLogger(__name__)

ERR_VERSION = gettext_noop("%(version)s is not a valid version number (PEP 440), e.g. 0.2.0.")
ERR_VERSION_TAKEN = gettext_noop("Release %(version)s already exists.")
ERR_PREFLIGHT = gettext_noop(
    "Pre-flight check failed: %(count)d problem(s) must be fixed before rolling out."
)
ERR_CANARY_FIRST = gettext_noop(
    "Roll this release out to one ministry (the canary) first; roll out to all "
    "once it is done there."
)
ERR_NOTHING_TO_RETRY = gettext_noop("No ministry has a failed upgrade for this release.")
PREFLIGHT_PLUGIN_MISSING = gettext_noop(
    "Plugin %(slug)s is active for %(ministries)s but is not part of release %(version)s."
)

Migrator = Callable[[str], None]


def _actor_name(actor: Actor) -> str:
    return actor.get_username() if actor is not None and actor.is_authenticated else "system"


def installed_plugin_versions() -> dict[str, dict[str, str]]:
    return {
        slug: {"version": c.PluginMeta.version, "requires": c.PluginMeta.requires}
        for slug, c in sorted(plugin_app_configs().items())
    }


@transaction.atomic
def release_create(
    *, version: str, notes: str = "", plugins: dict[str, dict[str, str]] | None = None, actor: Actor
) -> Release:
    """Record a release; ``plugins`` defaults to the plugins installed with this core."""
    try:
        Version(version)
    except InvalidVersion as exc:
        raise ValidationError({"version": [_(ERR_VERSION) % {"version": version}]}) from exc
    if Release.objects.filter(version=version).exists():
        raise ValidationError({"version": [_(ERR_VERSION_TAKEN) % {"version": version}]})
    release = Release.objects.create(
        version=version,
        notes=notes,
        created_by=_actor_name(actor),
        plugins=installed_plugin_versions() if plugins is None else plugins,
    )
    audit_record(
        actor=actor,
        action=AuditAction.RELEASE_CREATED,
        subject=release,
        payload={"values": {"version": version, "plugins": release.plugins}},
    )
    return release


def release_preflight(*, release: Release) -> list[str]:
    """Every reason the release cannot be rolled out; an empty list means go."""
    problems = []
    for slug, info in sorted(release.plugins.items()):
        problem = requires_problem(
            slug=slug,
            requires=(info or {}).get("requires") or ">=0",
            core=release.version,
            translated=True,
        )
        if problem:
            problems.append(problem)
    active: dict[str, list[str]] = {}
    for act in PluginActivation.objects.filter(enabled=True).select_related("ministry"):
        active.setdefault(act.plugin_slug, []).append(act.ministry.name)
    for slug, names in sorted(active.items()):
        if slug not in release.plugins:
            problems.append(
                _(PREFLIGHT_PLUGIN_MISSING)
                % {"slug": slug, "ministries": ", ".join(sorted(names)), "version": release.version}
            )
    return problems


def _preflight_or_refuse(release: Release) -> None:
    problems = release_preflight(release=release)
    if problems:
        raise ApplicationError(
            _(ERR_PREFLIGHT) % {"count": len(problems)}, extra={"problems": problems}
        )


@transaction.atomic
def release_rollout_start(
    *, release: Release, canary: Ministry | None = None, actor: Actor
) -> list[TenantUpgrade]:
    """Queue the release for ``canary`` alone, or for every ministry once a canary is done."""
    release = Release.objects.select_for_update().get(pk=release.pk)
    _preflight_or_refuse(release)
    if canary is not None:
        targets = [canary]
        release.canary = canary
        release.save(update_fields=["canary"])
    else:
        if not release.upgrades.filter(status=TenantUpgrade.Status.DONE).exists():
            raise ApplicationError(_(ERR_CANARY_FIRST))
        targets = list(ministry_list())
    queued = []
    for ministry in targets:
        upgrade, created = TenantUpgrade.objects.get_or_create(release=release, ministry=ministry)
        if not created and upgrade.status != TenantUpgrade.Status.FAILED:
            continue  # done or already queued/running: a second click never runs it twice
        upgrade.status = TenantUpgrade.Status.PENDING
        upgrade.error = ""
        upgrade.save(update_fields=["status", "error"])
        queued.append(upgrade)
    audit_record(
        actor=actor,
        action=AuditAction.RELEASE_ROLLOUT_STARTED,
        subject=release,
        payload={
            "values": {
                "canary": canary.schema_name if canary else None,
                "queued": [u.ministry.schema_name for u in queued],
            }
        },
    )
    _queued_record(queued, release.version, actor)
    _dispatch_on_commit([u.pk for u in queued])
    return queued


@transaction.atomic
def release_rollout_retry(*, release: Release, actor: Actor) -> list[TenantUpgrade]:
    """Put failed upgrades back to pending and run them; done ones are left alone."""
    failed = list(
        release.upgrades.select_for_update()
        .filter(status=TenantUpgrade.Status.FAILED)
        .select_related("ministry")
    )
    if not failed:
        raise ApplicationError(_(ERR_NOTHING_TO_RETRY))
    _preflight_or_refuse(release)
    for upgrade in failed:
        upgrade.status = TenantUpgrade.Status.PENDING
        upgrade.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=AuditAction.RELEASE_ROLLOUT_RETRIED,
        subject=release,
        payload={"values": {"ministries": [u.ministry.schema_name for u in failed]}},
    )
    _queued_record(failed, release.version, actor)
    _dispatch_on_commit([u.pk for u in failed])
    return failed


def _queued_record(upgrades: list[TenantUpgrade], version: str, actor: Actor) -> None:
    # Each ministry's own trail says who scheduled its upgrade; the operator has no account
    # there, so they are recorded by name.
    for upgrade in upgrades:
        with ministry_context(upgrade.ministry):
            audit_record(
                actor=None,
                action=AuditAction.RELEASE_ROLLOUT_QUEUED,
                payload={"values": {"release": version}},
                actor_name=audit_actor_name(actor),
            )


def _dispatch_on_commit(upgrade_ids: list[int]) -> None:
    if upgrade_ids:
        transaction.on_commit(lambda: upgrades_dispatch(upgrade_ids=upgrade_ids))


def upgrades_dispatch(*, upgrade_ids: list[int]) -> None:
    """One Celery task per ministry; without a broker, a background thread pool instead."""
    # Without a broker (dev without Redis) an eager task would run every migration inside the
    # console's request; a thread pool keeps the request short and the progress page live.
    if str(getattr(settings, "CELERY_BROKER_URL", "")).startswith("memory"):
        threading.Thread(
            target=upgrades_execute,
            kwargs={"upgrade_ids": upgrade_ids},
            daemon=True,
            name="rollout",
        ).start()
        return
    for upgrade_id in upgrade_ids:
        task_enqueue_on_commit("tenants.tasks.tenant_upgrade_run_task", upgrade_id=upgrade_id)


@functools.cache
def _migration_leaves() -> frozenset[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes())


def schema_is_current(schema_name: str) -> bool:
    """True when the schema has applied the last migration of every app this code ships.

    One query instead of ``migrate_schemas``, which reloads the migration graph and re-runs
    post-migrate handlers (about 1-2 s per ministry) even when there is nothing to apply.
    """
    table = f"{connection.ops.quote_name(schema_name)}.django_migrations"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT app, name FROM {table}")  # noqa: S608 - quoted identifier
        applied = set(cursor.fetchall())
    return _migration_leaves() <= applied


def schema_migrate(schema_name: str) -> None:
    """Apply every pending migration to one ministry's schema (a no-op when up to date)."""
    # Migrations remove and rename unique constraints by name: the template's names, which
    # ministries cloned before tenants/clone.py existed do not all have.
    unique_constraint_names_align(source=settings.TENANT_BASE_SCHEMA, dest=schema_name)
    if schema_is_current(schema_name):
        return
    try:
        call_command(
            "migrate_schemas",
            schema_name=schema_name,
            executor="standard",
            interactive=False,
            verbosity=0,
        )
    finally:
        connection.set_schema_to_public()  # type: ignore[attr-defined]


def _claim(upgrade_id: int) -> TenantUpgrade | None:
    with transaction.atomic():
        upgrade = (
            TenantUpgrade.objects.select_for_update()
            .select_related("ministry", "release")
            .filter(pk=upgrade_id)
            .first()
        )
        if upgrade is None or upgrade.status != TenantUpgrade.Status.PENDING:
            return None  # a duplicate delivery of the task, or already handled
        upgrade.status = TenantUpgrade.Status.RUNNING
        upgrade.attempts += 1
        upgrade.started_at = timezone.now()
        upgrade.finished_at = None
        upgrade.save(update_fields=["status", "attempts", "started_at", "finished_at"])
        audit_record(
            actor=None,
            action=AuditAction.UPGRADE_STARTED,
            subject=upgrade,
            payload={
                "values": {
                    "ministry": upgrade.ministry.schema_name,
                    "release": upgrade.release.version,
                    "attempt": upgrade.attempts,
                }
            },
        )
    return upgrade


def _finish(upgrade: TenantUpgrade, error: str) -> TenantUpgrade:
    with transaction.atomic():
        upgrade.status = TenantUpgrade.Status.FAILED if error else TenantUpgrade.Status.DONE
        upgrade.error = error
        upgrade.finished_at = timezone.now()
        upgrade.save(update_fields=["status", "error", "finished_at"])
        audit_record(
            actor=None,
            action=(AuditAction.UPGRADE_FAILED if error else AuditAction.UPGRADE_SUCCEEDED),
            subject=upgrade,
            payload={
                "values": {
                    "ministry": upgrade.ministry.schema_name,
                    "release": upgrade.release.version,
                    "error": error[:2000],
                }
            },
        )
    return upgrade


def tenant_upgrade_run(*, upgrade_id: int, migrate: Migrator = schema_migrate) -> TenantUpgrade:
    """Run one ministry's upgrade. Never raises for a migration error: it is recorded instead.

    The status changes are committed around the migration, not with it, so a failed migration
    still leaves 'failed' and its error visible to the console.
    """
    upgrade = _claim(upgrade_id)
    if upgrade is None:
        return TenantUpgrade.objects.get(pk=upgrade_id)
    try:
        migrate(str(upgrade.ministry.schema_name))
    except Exception as exc:  # any failure of one ministry must not stop the others
        logger.warning("upgrade of %s failed", upgrade.ministry.schema_name, exc_info=True)
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return _finish(upgrade, detail or type(exc).__name__)
    return _finish(upgrade, "")


def _run_in_child(upgrade_id: int) -> str:
    try:
        return str(tenant_upgrade_run(upgrade_id=upgrade_id).status)
    finally:
        connections.close_all()


def upgrades_execute(
    *,
    upgrade_ids: Iterable[int],
    parallel: int = 4,
    processes: bool = False,
    migrate: Migrator = schema_migrate,
) -> list[TenantUpgrade]:
    """Run upgrades in parallel, each worker with its own database connection.

    Loading the migration graph is CPU-bound Python, so threads barely overlap (the GIL);
    ``processes=True`` forks workers instead, which is what Celery workers give in production.
    """
    ids = list(upgrade_ids)
    if processes:
        # A forked child must never reuse the parent's database socket.
        connections.close_all()
        with multiprocessing.get_context("fork").Pool(max(1, parallel)) as workers:
            workers.map(_run_in_child, ids, chunksize=1)
        return list(TenantUpgrade.objects.filter(pk__in=ids))

    def one(upgrade_id: int) -> TenantUpgrade:
        try:
            return tenant_upgrade_run(upgrade_id=upgrade_id, migrate=migrate)
        finally:
            close_old_connections()
            connection.close()

    with ThreadPoolExecutor(max_workers=max(1, parallel), thread_name_prefix="upgrade") as pool:
        return list(pool.map(one, ids))


def release_pending_ids(*, release: Release) -> list[int]:
    return list(
        release.upgrades.filter(status=TenantUpgrade.Status.PENDING).values_list("pk", flat=True)
    )


__all__: list[Any] = [
    "release_create",
    "release_preflight",
    "release_rollout_retry",
    "release_rollout_start",
    "schema_migrate",
    "tenant_upgrade_run",
    "upgrades_dispatch",
    "upgrades_execute",
]
