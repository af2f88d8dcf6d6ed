"""Bulk analytics data for benchmarks: establishments, inspections and findings by COPY.

Used by ``bench/bench_analytics.py`` at Philippines scale and by the suite at a small scale.
"""

import datetime as dt
import io
import random
import time
from dataclasses import dataclass
from typing import Any

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
    rnd = random.Random(seed)  # noqa: S311 - reproducible bench data, not secrets
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
            password="Bench-password-2026",  # noqa: S106 - throwaway bench users
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
