"""Dashboards and reports at Philippines scale (issue 8).

Generates establishments, inspections and findings with PostgreSQL COPY into the active
ministry schema, builds the summaries, then times every dashboard and report page in-process
(Django test client: the full middleware and view stack, no network). Everything runs inside
one transaction that is rolled back, so the demo data are left as they were.

    make run   # then, in another shell:
    .venv/bin/python bench/run.py               # via the runner: ANALYTICS_BENCH_SCALE=...
    ANALYTICS_BENCH_SCALE=200000,1000000,300000 .venv/bin/python bench/bench_analytics.py

The suite also runs this module at a small scale (tests/analytics/test_scale.py), so it
cannot rot.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import sys
import time
from dataclasses import dataclass
from typing import Any

try:
    from bench.lib import BenchContext, Row, percentiles
except ImportError:  # run as a script
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from bench.lib import BenchContext, Row, percentiles

PHILIPPINES = (200_000, 1_000_000, 300_000)
ISIC = ["0111", "1010", "1410", "2511", "4100", "4711", "4922", "5510", "6201", "8610"]
ORIGINS = ["planned", "planned", "planned", "complaint", "accident", "follow_up", "request"]
PROVISIONS = [
    f"Art. {n} {t}"
    for n, t in (
        (10, "minimum wage"),
        (12, "overtime pay"),
        (20, "working hours"),
        (31, "safety equipment"),
        (40, "child labour"),
        (55, "social security"),
        (60, "rest days"),
        (70, "holiday pay"),
    )
]


@dataclass
class Generated:
    establishments: int
    inspections: int
    completed: int
    findings: int
    seconds: float


def _copy(table: str, columns: list[str], rows: Any) -> None:
    from django.db import connection

    buf = io.StringIO()
    for row in rows:
        buf.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
    buf.seek(0)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            while chunk := buf.read(1 << 20):
                copy.write(chunk)


def _col(model: Any, name: str) -> str:
    return str(model._meta.get_field(name).column)


def generate(n_est: int, n_insp: int, n_find: int, seed: int = 8) -> Generated:
    """Bulk data in the active schema; returns counts (call inside a transaction)."""
    from django.db import connection
    from django.utils import timezone

    from labourhub.accounts.models import Office, User
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.inspections.models import Finding, Inspection
    from labourhub.registry.models import Employer, Establishment

    t0 = time.perf_counter()
    rnd = random.Random(seed)
    districts = list(Office.objects.filter(level=Office.Level.DISTRICT))
    while len(districts) < 8:
        n = len(districts)
        region = (
            office_create(code=f"BR{n}", name=f"Bench region {n // 2}", level="region", actor=None)
            if n % 2 == 0
            else districts[-1].parent
        )
        districts.append(
            office_create(
                code=f"BD{n}",
                name=f"Bench district {n}",
                level="district",
                parent=region,
                actor=None,
            )
        )
    inspectors = [
        user_create(
            username=f"bench_insp_{i}",
            password="Bench-password-2026",
            office=districts[i % len(districts)],
            roles=[Role.INSPECTOR],
            actor=None,
        )
        for i in range(40)
    ]
    # Entered an hour ago: the incremental refresh then sees only what changes afterwards.
    now = (timezone.now() - dt.timedelta(hours=1)).isoformat()
    emp_start = (Employer.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    n_emp = max(1, n_est // 10)
    _copy(
        Employer._meta.db_table,
        [
            "id",
            "legal_name",
            "trade_names",
            "legal_form",
            "tax_id",
            "identifiers",
            "created_at",
            "updated_at",
        ],
        (
            (emp_start + i, f"Bench employer {i}", "{}", "company", "", "{}", now, now)
            for i in range(n_emp)
        ),
    )
    est_start = (
        Establishment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ) + 1
    est_office = [districts[rnd.randrange(len(districts))].pk for _ in range(n_est)]
    est_workers = [(rnd.randint(0, 60), rnd.randint(0, 60)) for _ in range(n_est)]
    _copy(
        Establishment._meta.db_table,
        [
            "id",
            _col(Establishment, "employer"),
            "registration_number",
            "name",
            "address",
            "locality",
            _col(Establishment, "office"),
            "isic_code",
            "size_band",
            "workers_female",
            "workers_male",
            "workers_minors",
            "hours_pattern",
            "licences",
            "status",
            "risk_level",
            "extra",
            "created_at",
            "updated_at",
        ],
        (
            (
                est_start + i,
                emp_start + i % n_emp,
                f"BENCH-{est_start + i}",
                f"Bench site {i}",
                "",
                "",
                est_office[i],
                rnd.choice(ISIC),
                "small",
                est_workers[i][0],
                est_workers[i][1],
                0,
                "day",
                "[]",
                "active",
                "medium",
                "{}",
                now,
                now,
            )
            for i in range(n_est)
        ),
    )
    insp_start = (Inspection.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    today = timezone.localdate()
    completed: list[int] = []
    rows = []
    for i in range(n_insp):
        e = rnd.randrange(n_est)
        day = today - dt.timedelta(days=rnd.randrange(3 * 365))
        done = rnd.random() < 0.85
        if done:
            completed.append(insp_start + i)
        rows.append(
            (
                insp_start + i,
                f"B{insp_start + i}",
                est_start + e,
                est_office[e],
                rnd.choice(ORIGINS),
                "",
                "completed" if done else "planned",
                1,
                day.isoformat(),
                rnd.choice(inspectors).pk,
                f"{day.isoformat()}T10:00:00+00:00" if done else None,
                0,
                0,
                "visited" if done else "",
                "",
                "",
                "",
                now,
                now,
            )
        )
    _copy(
        Inspection._meta.db_table,
        [
            "id",
            "reference",
            _col(Inspection, "establishment"),
            _col(Inspection, "office"),
            "origin",
            "origin_reference",
            "status",
            "version",
            "scheduled_for",
            _col(Inspection, "inspector"),
            "submitted_at",
            "workers_interviewed_female",
            "workers_interviewed_male",
            "outcome",
            "persons_met",
            "cancelled_reason",
            "notes",
            "created_at",
            "updated_at",
        ],
        rows,
    )
    del rows
    _copy(
        Finding._meta.db_table,
        [
            _col(Finding, "inspection"),
            "provision",
            "description",
            "workers_affected_female",
            "workers_affected_male",
            "severity",
            "corrective_measure",
            "child_labour",
            "created_at",
            "updated_at",
        ],
        (
            (rnd.choice(completed), p, p, 0, 0, "serious", "", p.endswith("child labour"), now, now)
            for p in (rnd.choice(PROVISIONS) for _ in range(n_find))
        ),
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    User.objects.filter(pk__in=[u.pk for u in inspectors]).update(is_active=True)
    return Generated(n_est, n_insp, len(completed), n_find, time.perf_counter() - t0)


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
