"""Load a ministry with N inspections and time the inspector's pages in-process.

    manage.py inspections_bench <slug> --total 1000000 [--provision] [--repeat 100]

Rows are generated with one INSERT ... SELECT generate_series (no per-row Python), spread over
200 inspectors, 2,000 establishments and ten years, so each page query faces the full table.
The pages are requested through Django's test client: full middleware, tenant routing,
templates and database, without the network hop (a few ms under gunicorn on loopback).
"""

import json
import secrets
import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from devtools.generators.registry import registry_generate
from labourhub.accounts.models import Office, RoleGrant, User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create
from labourhub.inspections.models import Inspection
from labourhub.registry.models import Establishment
from tenants.context import ministry_context
from tenants.models import Ministry

INSPECTORS = 200
SITES = 2000


def _p(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]


class Command(BaseCommand):
    help = "Generate inspections in a ministry and time 'my inspections' and site history."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("slug")
        parser.add_argument("--total", type=int, default=1_000_000)
        parser.add_argument("--repeat", type=int, default=100)
        parser.add_argument("--provision", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        slug = opts["slug"]
        ministry = Ministry.objects.filter(schema_name=slug).first()
        if ministry is None and opts["provision"]:
            from tenants.services import MinistrySpec, ministry_provision

            ministry = ministry_provision(
                spec=MinistrySpec(
                    slug=slug,
                    name=f"Bench {slug}",
                    country="PH",
                    languages=["en"],
                    default_language="en",
                ),
                admin_username="admin",
                admin_password=secrets.token_urlsafe(24),
                actor=None,
            )
        if ministry is None:
            raise SystemExit(f"no ministry {slug!r} (use --provision)")
        with ministry_context(ministry):
            inspector = self._prepare(opts["total"])
            rows = self._measure(slug, inspector, opts["repeat"])
        for row in rows:
            self.stdout.write(json.dumps(row))

    def _prepare(self, total: int) -> User:
        office = Office.objects.filter(code="BENCH-D").first()
        if office is None:
            region = office_create(code="BENCH-R", name="Bench region", level="region", actor=None)
            office = office_create(
                code="BENCH-D", name="Bench district", level="district", parent=region, actor=None
            )
        have_sites = Establishment.objects.count()
        if have_sites < SITES:
            registry_generate(count=SITES - have_sites, with_history=False)
        if not User.objects.filter(username="bench-inspector-0").exists():
            users = User.objects.bulk_create(
                User(username=f"bench-inspector-{n}", office=office) for n in range(INSPECTORS)
            )
            RoleGrant.objects.bulk_create(RoleGrant(user=u, role=Role.INSPECTOR) for u in users)
        have = Inspection.objects.count()
        if have < total:
            t0 = time.monotonic()
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    """
                    WITH sites AS (
                        SELECT array_agg(id ORDER BY id) AS ids,
                               array_agg(office_id ORDER BY id) AS offices
                        FROM registry_establishment),
                    people AS (
                        SELECT array_agg(id ORDER BY id) AS ids FROM accounts_user
                        WHERE username LIKE 'bench-inspector-%%')
                    INSERT INTO inspections_inspection
                        (created_at, updated_at, reference, establishment_id, office_id,
                         origin, origin_reference, status, version, scheduled_for, inspector_id,
                         persons_met, workers_interviewed_female, workers_interviewed_male,
                         outcome, cancelled_reason, notes)
                    SELECT now(), now(), 'BENCH-' || g,
                           sites.ids[1 + g %% array_length(sites.ids, 1)],
                           sites.offices[1 + g %% array_length(sites.ids, 1)],
                           (ARRAY['planned','complaint','accident','follow_up','request',
                                  'ex_officio'])[1 + g %% 6],
                           '',
                           CASE WHEN g %% 10 < 8 THEN 'completed'
                                WHEN g %% 10 = 8 THEN 'assigned' ELSE 'in_progress' END,
                           1,
                           current_date - 3650 + ((g * 7919) %% 3700)::int,
                           people.ids[1 + (g / 7) %% array_length(people.ids, 1)],
                           '', 0, 0, '', '', ''
                    FROM generate_series(%s::bigint, %s::bigint) AS g, sites, people
                    """,
                    [have + 1, total],
                )
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE inspections_inspection")
            self.stderr.write(
                f"generated {total - have} inspections in {time.monotonic() - t0:.1f}s"
            )
        return User.objects.get(username="bench-inspector-0")

    def _measure(self, slug: str, inspector: User, repeat: int) -> list[dict[str, Any]]:
        total = Inspection.objects.count()
        busiest = (
            Inspection.objects.values("establishment_id")
            .order_by()
            .annotate(n=Count("id"))
            .order_by("-n")
            .first()
        )
        assert busiest is not None
        mine_today = Inspection.objects.filter(inspector=inspector).count()
        client = Client(HTTP_HOST=f"{slug}.localhost")
        client.force_login(inspector)
        cases = [
            (
                "my inspections page (GET /app/inspections/mine/)",
                "/app/inspections/mine/",
                f"{total:,} inspections; this inspector has {mine_today:,}",
            ),
            (
                "establishment history page",
                f"/app/inspections/establishments/{busiest['establishment_id']}/history/",
                f"{total:,} inspections; this site has {busiest['n']:,}",
            ),
            (
                "my inspections API (GET /api/v1/inspections/mine/)",
                "/api/v1/inspections/mine/",
                f"{total:,} inspections",
            ),
            ("baseline: dashboard (GET /app/), same process and load", "/app/", "-"),
        ]
        rows = []
        for label, url, size in cases:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            samples, db = [], []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as queries:
                    t0 = time.perf_counter()
                    client.get(url)
                    samples.append((time.perf_counter() - t0) * 1000)
                db.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
            p50, p95 = _p(samples)
            rows.append(
                {
                    "measure": label,
                    "p50": round(p50, 1),
                    "p95": round(p95, 1),
                    "unit": "ms",
                    "data_size": size,
                }
            )
            p50, p95 = _p(db)
            rows.append(
                {
                    "measure": f"{label}: SQL time only",
                    "p50": round(p50, 1),
                    "p95": round(p95, 1),
                    "unit": "ms",
                    "data_size": size,
                }
            )
        return rows
