"""Plugin benchmarks (issue 3), in-process against the dev database.

1. Per-call overhead of per-ministry hook dispatch (``hooks_for(ministry).hook(...)``: cached
   activation set + subset caller) against calling the hook directly on the plugin manager.
2. Wall time to roll a no-op release (nothing to migrate) across 30 ministries: canary first,
   then all, each ministry migrated by the real ``migrate_schemas`` in parallel.

Ministries beyond the 8 demo ones are provisioned as ``benchNN`` and, with the bench's release,
removed again afterwards so the demo console stays clean (set BENCH_KEEP_MINISTRIES=1 to keep
them between runs).
"""

from __future__ import annotations

import os
import time

from bench.lib import BenchContext, Row, percentiles

TARGET_MINISTRIES = 30
PARALLEL = 4


def _dispatch_rows() -> list[Row]:
    from labourhub.extensions import activation_cache_clear, hooks_for
    from labourhub.extensions.manager import pm  # noqa: TID251 - the baseline being measured
    from tenants.selectors import ministry_get

    honduras = ministry_get(slug="honduras")
    if honduras is None:
        raise RuntimeError("Seed the demo first (make run).")
    rows = []
    n = 20000

    def per_call(fn) -> tuple[float, float]:
        samples = []
        for _ in range(20):
            t0 = time.perf_counter()
            for _ in range(n // 20):
                fn()
            samples.append((time.perf_counter() - t0) / (n // 20) * 1e6)
        return percentiles(samples)

    direct = per_call(lambda: pm.hook.register_document_templates(tenant=honduras))
    scoped = per_call(lambda: hooks_for(honduras).register_document_templates(tenant=honduras))
    rows.append(Row("hook call, direct pm.hook (baseline)", *direct, "us", f"{n} calls"))
    rows.append(Row("hook call, hooks_for(ministry) cached", *scoped, "us", f"{n} calls"))
    rows.append(
        Row(
            "per-ministry dispatch overhead (cached)",
            scoped[0] - direct[0],
            scoped[1] - direct[1],
            "us",
            "difference of the two above",
        )
    )

    def cold() -> None:
        activation_cache_clear()
        hooks_for(honduras).register_document_templates(tenant=honduras)

    samples = []
    for _ in range(300):
        t0 = time.perf_counter()
        cold()
        samples.append((time.perf_counter() - t0) * 1e6)
    p50, p95 = percentiles(samples)
    rows.append(
        Row(
            "hook call, hooks_for cold (activation query)",
            p50,
            p95,
            "us",
            "300 calls, cache cleared each time",
        )
    )
    return rows


def _ensure_ministries() -> list[object]:
    from devtools.ministries import DEMO_PASSWORD
    from tenants.selectors import ministry_get, ministry_list
    from tenants.services import MinistrySpec, ministry_provision

    existing = list(ministry_list())
    for i in range(1, TARGET_MINISTRIES - len(existing) + 1):
        slug = f"bench{i:02d}"
        while ministry_get(slug=slug) is not None:
            i += 100
            slug = f"bench{i:02d}"
        ministry_provision(
            spec=MinistrySpec(slug, f"Bench ministry {i}", "BB", ["en"], "en"),
            admin_username="admin",
            admin_password=DEMO_PASSWORD,
            actor=None,
        )
    return list(ministry_list())


def _rollout_rows() -> list[Row]:
    from tenants.models import TenantUpgrade
    from tenants.release_services import (
        release_create,
        release_pending_ids,
        release_rollout_start,
        upgrades_execute,
    )

    t0 = time.perf_counter()
    ministries = _ensure_ministries()
    provision_s = time.perf_counter() - t0
    release = release_create(version=f"0.1.{int(time.time())}", notes="bench: no-op", actor=None)
    # Run the queued upgrades here on a thread pool: the measurement must not depend on whether
    # a Celery worker happens to be running, so the usual dispatch is switched off.
    from unittest import mock

    with mock.patch("tenants.release_services.upgrades_dispatch"):
        t0 = time.perf_counter()
        release_rollout_start(release=release, canary=ministries[0], actor=None)
        upgrades_execute(upgrade_ids=release_pending_ids(release=release), parallel=1)
        canary_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        release_rollout_start(release=release, actor=None)
        upgrades_execute(
            upgrade_ids=release_pending_ids(release=release), parallel=PARALLEL, processes=True
        )
        all_s = time.perf_counter() - t1
    statuses = list(release.upgrades.values_list("status", flat=True))
    done = statuses.count(TenantUpgrade.Status.DONE)
    durations = [
        (u.finished_at - u.started_at).total_seconds()
        for u in release.upgrades.exclude(started_at=None).exclude(finished_at=None)
    ]
    p50, p95 = percentiles(durations)
    # What each ministry costs when the release does carry migrations: the full command.
    from django.core.management import call_command
    from django.db import connection

    full = []
    for ministry in ministries[:3]:
        t = time.perf_counter()
        call_command(
            "migrate_schemas",
            schema_name=ministry.schema_name,
            executor="standard",
            interactive=False,
            verbosity=0,
        )
        connection.set_schema_to_public()
        full.append(time.perf_counter() - t)
    f50, f95 = percentiles(full)
    return [
        Row(
            "no-op release rollout, canary (1 ministry)",
            canary_s,
            canary_s,
            "s",
            f"release {release.version}",
        ),
        Row(
            f"no-op release rollout, all ({len(ministries)} ministries)",
            canary_s + all_s,
            canary_s + all_s,
            "s",
            f"{done}/{len(statuses)} done, {PARALLEL} processes on {os.cpu_count()} CPUs",
        ),
        Row(
            "one ministry's no-op upgrade (status, audit, schema check)",
            p50,
            p95,
            "s",
            f"{len(durations)} ministries",
        ),
        Row(
            "one ministry's full migrate_schemas (nothing to apply)",
            f50,
            f95,
            "s",
            "3 ministries, fast path bypassed",
        ),
        Row(
            "provisioning bench ministries (first run only)",
            provision_s,
            provision_s,
            "s",
            f"up to {TARGET_MINISTRIES} ministries",
        ),
    ]


def _cleanup() -> None:
    from tenants.models import Ministry, Release

    if os.environ.get("BENCH_KEEP_MINISTRIES"):
        return
    Release.objects.filter(notes="bench: no-op").delete()
    for ministry in Ministry.objects.filter(schema_name__startswith="bench"):
        ministry.delete(force_drop=True)


def run(ctx: BenchContext) -> list[Row]:
    try:
        return _dispatch_rows() + _rollout_rows()
    finally:
        _cleanup()
