"""Dashboards and reports at Philippines scale (issue 8).

Generates establishments, inspections and findings with PostgreSQL COPY into the active
ministry schema (`devtools/generators/analytics.py`), builds the summaries, then times every
dashboard and report page in-process (Django test client: the full middleware and view stack,
no network). Everything runs inside one transaction that is rolled back, so the demo data are
left as they were.

    make run   # then, in another shell:
    .venv/bin/python bench/run.py               # via the runner: ANALYTICS_BENCH_SCALE=...
    ANALYTICS_BENCH_SCALE=200000,1000000,300000 .venv/bin/python bench/bench_analytics.py

The suite also runs this module at a small scale (tests/analytics/test_scale.py), so it
cannot rot.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

try:
    from bench.lib import BenchContext, Row, percentiles
except ImportError:  # run as a script
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from bench.lib import BenchContext, Row, percentiles
from devtools.generators.analytics import generate

PHILIPPINES = (200_000, 1_000_000, 300_000)


def _time(fn: Any, n: int) -> tuple[float, float]:
    fn()  # warm-up
    samples = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return percentiles(samples)


def measure(host: str, n: int = 20) -> tuple[list[Row], dict[str, Any]]:
    """Build summaries, then time every page; returns rows and facts for checks."""
    from django.test import Client
    from django.utils import timezone

    from labourhub.accounts.models import User
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import user_create
    from labourhub.analytics.models import Fact
    from labourhub.analytics.services import summary_refresh
    from labourhub.inspections.models import Inspection

    rows: list[Row] = []
    size = f"{Inspection.objects.count():,} inspections"
    t0 = time.perf_counter()
    summary_refresh(full=True)
    build = time.perf_counter() - t0
    rows.append(Row("summary full build", build * 1000, build * 1000, "ms", size))
    facts = Fact.objects.count()

    director = User.objects.filter(username="bench_director").first() or user_create(
        username="bench_director",
        password="Bench-password-2026",
        office=None,
        roles=[Role.DIRECTOR],
        actor=None,
    )
    client = Client(HTTP_HOST=host)
    client.force_login(director)
    year = timezone.localdate().year
    period = f"start={year - 2}-01&end={year}-12"

    def get(url: str) -> Any:
        def call() -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return call

    pages = [
        ("leadership dashboard, 3 years, all tiles + map", f"/app/analytics/?{period}"),
        (
            "dashboard filtered by region",
            f"/app/analytics/?{period}&region=" + str(_first_region()),
        ),
        ("drill-down list, first page", f"/app/analytics/drill/inspections_done/?{period}"),
        ("API: all indicators", f"/api/v1/analytics/indicators/?{period}"),
        ("report: ILO C81 (screen)", f"/app/analytics/reports/ilo_c81/?period={year - 1}"),
        ("report: monthly office", f"/app/analytics/reports/monthly_office/?period={year}-01"),
        (
            "report: minimum-wage violations",
            f"/app/analytics/reports/minimum_wage/?period={year - 1}",
        ),
        ("report: case ageing", "/app/analytics/reports/case_ageing/"),
        ("report: ILO C81 (PDF)", f"/app/analytics/reports/ilo_c81/?period={year - 1}&format=pdf"),
    ]
    for label, url in pages:
        p50, p95 = _time(get(url), n)
        rows.append(Row(label, p50, p95, "ms", size))

    # A change in a case reaches the dashboard through the per-minute incremental refresh.
    changed = Inspection.objects.filter(status="planned").first()
    if changed is not None:
        Inspection.objects.filter(pk=changed.pk).update(
            status="completed", submitted_at=timezone.now(), updated_at=timezone.now()
        )
    t0 = time.perf_counter()
    summary_refresh()
    incremental = (time.perf_counter() - t0) * 1000
    rows.append(Row("incremental refresh after one change", incremental, incremental, "ms", size))
    return rows, {"facts": facts, "build_s": build}


def _first_region() -> int:
    from labourhub.accounts.models import Office

    region = Office.objects.filter(level=Office.Level.REGION).order_by("pk").first()
    return region.pk if region else 0


def scale_from_env() -> tuple[int, int, int]:
    raw = os.environ.get("ANALYTICS_BENCH_SCALE", "")
    if raw:
        a, b, c = (int(x) for x in raw.split(","))
        return a, b, c
    return PHILIPPINES


def bench_in_schema(slug: str, scale: tuple[int, int, int], n: int = 20) -> list[Row]:
    """Generate, measure, roll back; in the ministry ``slug`` of the configured database."""
    from django.db import connection, transaction

    from tenants.context import ministry_context
    from tenants.models import Ministry

    ministry = Ministry.objects.get(schema_name=slug)
    host = f"{slug}.localhost"
    with ministry_context(ministry), transaction.atomic():
        gen = generate(*scale)
        rows = [
            Row(
                "generate (COPY) establishments+inspections+findings",
                gen.seconds * 1000,
                gen.seconds * 1000,
                "ms",
                f"{gen.establishments:,} est / {gen.inspections:,} insp / "
                f"{gen.findings:,} findings",
            )
        ]
        measured, _info = measure(host, n)
        rows += measured
        transaction.set_rollback(True)
    connection.set_schema_to_public()
    return rows


def run(ctx: BenchContext) -> list[Row]:
    return bench_in_schema(
        os.environ.get("ANALYTICS_BENCH_MINISTRY", "philippines"), scale_from_env()
    )


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labourhub.config.settings.dev")
    django.setup()
    for row in run(BenchContext()):
        print(
            f"{row.measure:60} p50 {row.p50:10.1f}  p95 {row.p95:10.1f} {row.unit}  {row.data_size}"
        )
