"""Deadlines at scale: the alert sweep over 25k/50k/100k open cases in one ministry (target
under 30 s at 100,000, linear as cases grow) and the case-list p95 at 100,000 (target 150 ms).

In-process against the Colombia demo ministry of the `make run` database. Cases, deadlines and
alerts are bulk-inserted with generate_series inside one transaction that is rolled back at the
end, so the demo data is untouched. The same ``measure`` runs in the test database through
tests/enforcement/test_bench_enforcement.py (BENCH_CASES=100000 for the full size).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from typing import Any

from bench.lib import BenchContext, Row, percentiles

SIZES = [int(n) for n in os.environ.get("BENCH_CASES", "25000,50000,100000").split(",")]
SLUG = os.environ.get("BENCH_ENFORCEMENT_SLUG", "colombia")


class _RollbackError(Exception):
    pass


def _bulk_cases(
    n: int, *, office_id: int, owner_ids: list[int], supervisor_id: int, today: dt.date, tag: str
) -> None:
    """n open complaint-procedure cases with one open deadline each, due from 30 days ago to 60
    days ahead (a third overdue, a tenth in the warning window), owners round-robin."""
    from django.db import connection

    owners = "ARRAY[" + ",".join(str(i) for i in owner_ids) + "]::bigint[]"
    with connection.cursor() as cur:
        cur.execute(
            f"""
            INSERT INTO workflow_case (created_at, updated_at, procedure, reference, title, state,
                office_id, assigned_to_id, supervisor_id, next_due_on, next_warn_on)
            SELECT now(), now(), 'complaint', %(tag)s || '-' || g, 'Bench case ' || g, 'received',
                %(office)s, ({owners})[1 + g %% cardinality({owners})], %(sup)s,
                %(today)s::date + ((g * 7919) %% 91 - 30), %(today)s::date + ((g * 7919) %% 91 - 33)
            FROM generate_series(1, %(n)s) AS g""",  # owners are integers we built
            {"tag": tag, "office": office_id, "sup": supervisor_id, "today": today, "n": n},
        )
        cur.execute(
            """
            INSERT INTO workflow_deadline (created_at, updated_at, case_id, code, label, amount,
                unit, start_on, due_on, warn_on, escalate_on, status)
            SELECT now(), now(), c.id, 'triage', 'Triage the complaint', 5, 'working_days',
                c.next_due_on - 7, c.next_due_on, c.next_warn_on, c.next_due_on + 2, 'open'
            FROM workflow_case c WHERE c.reference LIKE %(tag)s || '-%%'""",
            {"tag": tag},
        )
        cur.execute("ANALYZE workflow_case; ANALYZE workflow_deadline; ANALYZE workflow_alert")


def measure(*, sizes: list[int], list_requests: int = 60) -> dict[str, Any]:
    """Run inside the active ministry schema; everything is rolled back. Returns timings."""
    from django.db import connection, transaction
    from django.test import Client

    from labourhub.accounts.models import Office
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.workflow.selectors import case_list
    from labourhub.workflow.services import deadline_sweep, ministry_today

    results: dict[str, Any] = {"sweep": {}, "list": {}}
    today = ministry_today()
    try:
        with transaction.atomic():
            office = Office.objects.filter(code="BENCH-WF").first() or office_create(
                code="BENCH-WF", name="Bench office", level="region", actor=None
            )
            owners = [
                user_create(
                    username=f"bench-wf-insp-{i}",
                    password="Bench-pass-2026!",
                    office=office,
                    roles=[Role.INSPECTOR],
                    actor=None,
                ).pk
                for i in range(20)
            ]
            sup = user_create(
                username="bench-wf-sup",
                password="Bench-pass-2026!",
                office=office,
                roles=[Role.SUPERVISOR],
                actor=None,
            )
            admin = user_create(
                username="bench-wf-admin",
                password="Bench-pass-2026!",
                office=office,
                roles=[Role.SYSTEM_ADMIN],
                actor=None,
            )
            for n in sizes:
                sid = transaction.savepoint()
                _bulk_cases(
                    n,
                    office_id=office.pk,
                    owner_ids=owners,
                    supervisor_id=sup.pk,
                    today=today,
                    tag=f"BW{n}",
                )
                t0 = time.perf_counter()
                first = deadline_sweep(today=today)
                elapsed = time.perf_counter() - t0
                t0 = time.perf_counter()
                again = deadline_sweep(today=today)
                rerun = time.perf_counter() - t0
                results["sweep"][n] = {
                    "seconds": elapsed,
                    "rerun_seconds": rerun,
                    "alerts": first.warnings + first.expired + first.escalations,
                    "rerun_alerts": again.warnings + again.expired + again.escalations,
                }
                if n == max(sizes):
                    host = f"{connection.tenant.schema_name}.localhost"
                    for who, user in (
                        ("system admin, whole ministry", admin),
                        ("supervisor, own office", sup),
                    ):
                        client = Client(HTTP_HOST=host)
                        client.force_login(user)
                        for label, url in (
                            ("list", "/app/cases/"),
                            ("red filter", "/app/cases/?light=red"),
                            ("due this week", "/app/cases/?due_this_week=on"),
                            ("page 500", "/app/cases/?page=500"),
                        ):
                            samples = []
                            client.get(url)
                            for _i in range(list_requests):
                                t0 = time.perf_counter()
                                response = client.get(url)
                                samples.append((time.perf_counter() - t0) * 1000)
                                assert response.status_code == 200, response.status_code
                            results["list"][f"{label} ({who})"] = percentiles(samples)
                        # The database's share: the selector's count + first page, no HTTP.
                        samples = []
                        for _i in range(list_requests):
                            t0 = time.perf_counter()
                            list(case_list(user=user, filters={}, today=today)[:51])
                            samples.append((time.perf_counter() - t0) * 1000)
                        results["list"][f"DB only: first page ({who})"] = percentiles(samples)
                transaction.savepoint_rollback(sid)
            raise _RollbackError
    except _RollbackError:
        pass
    return results


def rows_from(results: dict[str, Any]) -> list[Row]:
    rows = []
    for n, r in sorted(results["sweep"].items()):
        rows.append(
            Row(
                f"deadline sweep, first run ({r['alerts']} alerts)",
                r["seconds"],
                r["seconds"],
                "s",
                f"{n} open cases",
            )
        )
        rows.append(
            Row(
                f"deadline sweep, rerun ({r['rerun_alerts']} new alerts)",
                r["rerun_seconds"],
                r["rerun_seconds"],
                "s",
                f"{n} open cases",
            )
        )
    size = max(results["sweep"], default=0)
    for label, (p50, p95) in results["list"].items():
        rows.append(Row(f"case list GET /app/cases/ {label}", p50, p95, "ms", f"{size} cases"))
    return rows


def run(ctx: BenchContext) -> list[Row]:
    from tenants.context import ministry_context
    from tenants.models import Ministry

    ministry = Ministry.objects.get(schema_name=SLUG)
    with ministry_context(ministry):
        return rows_from(measure(sizes=SIZES))
