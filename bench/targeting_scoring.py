"""Risk targeting at Philippines scale: feature query, training (backtest + refit + scoring),
re-scoring every establishment (target under 60 s) and the ranking page p50/p95.

Runs against the throwaway test database (no `make run` needed), inside one transaction that
is rolled back, so nothing is left behind:

    make test PYTEST_ARGS="-q -s -p no:cacheprovider bench/targeting_scoring.py"

Scale with BENCH_TARGETING_N (establishments, default 200,000) and BENCH_TARGETING_VISITS
(archived inspections, default 5 per establishment: 1,000,000).
"""

import datetime as dt
import os
import time

from django.db import connection, transaction

from bench.lib import percentiles
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create
from labourhub.targeting.features import risk_features_list
from labourhub.targeting.models import RiskModelVersion
from labourhub.targeting.services import (
    risk_model_activate,
    risk_model_train,
    risk_scores_refresh,
)
from labourhub.testing.pytest_plugin import django_db_setup  # noqa: F401

N = int(os.environ.get("BENCH_TARGETING_N", "200000"))
VISITS = int(os.environ.get("BENCH_TARGETING_VISITS", str(5 * N)))


def _generate(district_ids: list[int]) -> None:
    """Establishments and archived inspections with a planted signal, in bulk SQL."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.42)")
        cursor.execute(
            "INSERT INTO registry_employer (created_at, updated_at, legal_name, trade_names,"
            " legal_form, tax_id, identifiers) VALUES (now(), now(), 'Bench', '{}', 'company',"
            " '', '{}') RETURNING id"
        )
        employer = cursor.fetchone()[0]
        cursor.execute(
            """INSERT INTO registry_establishment (created_at, updated_at, employer_id,
                   registration_number, name, address, locality, office_id, isic_code, size_band,
                   workers_female, workers_male, workers_minors, hours_pattern, licences, status,
                   risk_level, extra, opened_on)
               SELECT now(), now(), %(employer)s, 'B-' || g, 'Bench workplace ' || g, '', '',
                      (%(offices)s::bigint[])[1 + g %% cardinality(%(offices)s::bigint[])],
                      (ARRAY['1410','4711','5610','4100','0111'])[1 + (g * 7) %% 5],
                      (ARRAY['micro','small','medium','large'])[1 + (g * 3) %% 4],
                      5, 5, 0, 'day', '[]', 'active', 'medium', '{}',
                      DATE '2000-01-01' + (g %% 7000)
                 FROM generate_series(1, %(n)s) AS g""",
            {"employer": employer, "offices": district_ids, "n": N},
        )
        cursor.execute(
            """INSERT INTO registry_historicalinspection (created_at, updated_at,
                   establishment_id, inspected_on, inspector_name, findings_summary, outcome,
                   source_reference)
               SELECT now(), now(), e.id, DATE '2021-01-01' + (random() * 1820)::int, '', '',
                      CASE WHEN random() < (CASE WHEN e.id %% 10 < 3 THEN 0.9 ELSE 0.08 END)
                           THEN 'order' ELSE 'compliant' END,
                      'BH-' || g
                 FROM generate_series(1, %(visits)s) AS g
                 JOIN registry_establishment e
                   ON e.registration_number = 'B-' || (1 + (g::bigint * 7919) %% %(n)s)""",
            {"visits": VISITS, "n": N},
        )
        cursor.execute("ANALYZE registry_establishment")
        cursor.execute("ANALYZE registry_historicalinspection")


def _timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def test_targeting_at_scale(in_ministry, user_with_role, client_for):
    region = office_create(code="B-R", name="Bench region", level="region", actor=None)
    districts = [
        office_create(
            code=f"B-D{i}", name=f"Bench {i}", level="district", parent=region, actor=None
        )
        for i in range(8)
    ]
    _, gen_s = _timed(lambda: _generate([d.pk for d in districts]))
    rows: list[tuple[str, float, str]] = [("generate data (not part of the product)", gen_s, "s")]
    _, feat_s = _timed(lambda: risk_features_list(as_of=dt.date(2026, 1, 1), active_only=True))
    rows.append(("features for every establishment (one query)", feat_s, "s"))
    for kind in ("baseline", "learned"):
        with transaction.atomic():
            version = RiskModelVersion.objects.create(kind=kind)
        trained, train_s = _timed(lambda v=version: risk_model_train(version_id=v.pk))
        m = trained.metrics
        rows.append((f"train {kind}: backtest + refit + score all", train_s, "s"))
        rows.append(
            (
                f"  {kind} precision@100 / base rate / lift",
                0,
                f"{m['precision_at_k']} / {m['base_rate']} / {m['lift']}",
            )
        )
    risk_model_activate(version_id=trained.pk, actor=None)
    scored, score_s = _timed(lambda: risk_scores_refresh(version_id=trained.pk))
    rows.append((f"re-score all {scored} establishments", score_s, "s"))
    client = client_for(in_ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    samples = []
    for i in range(30):
        params = {"page": str(1 + i % 5)}
        if i % 3 == 1:
            params["size_band"] = "large"
        if i % 3 == 2:
            params["sector"] = "F"
        t0 = time.perf_counter()
        assert client.get("/app/targeting/", params).status_code == 200
        samples.append((time.perf_counter() - t0) * 1000)
    p50, p95 = percentiles(samples)
    rows.append(("ranking page p50", p50, "ms"))
    rows.append(("ranking page p95", p95, "ms"))
    print(f"\nRisk targeting benchmark: {N} establishments, {VISITS} archived inspections")
    for name, value, unit in rows:
        print(f"  {name:<52} {value:10.2f} {unit}" if value else f"  {name:<52} {unit}")
    assert score_s < 60, "scoring every establishment must stay under a minute"
