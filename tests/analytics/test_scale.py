"""The benchmark module at a small scale: it must keep working, and stay fast and right."""

import datetime as dt
import os

from django.utils import timezone

from bench.bench_analytics import measure
from devtools.generators.analytics import generate


def test_bench_generates_data_and_pages_agree_with_a_plain_count(in_ministry):
    from labourhub.analytics.indicators import INDICATOR_BY_CODE
    from labourhub.analytics.selectors import Filters, indicator_value
    from labourhub.inspections.models import Inspection

    # ANALYTICS_BENCH_SCALE=200000,1000000,300000 runs the same checks at Philippines scale.
    scale = os.environ.get("ANALYTICS_BENCH_SCALE", "2000,10000,3000")
    n_est, n_insp, n_find = (int(x) for x in scale.split(","))
    gen = generate(n_est, n_insp, n_find)
    assert gen.completed > n_insp * 0.8
    print(f"generated in {gen.seconds:.1f} s: {gen}")
    rows, info = measure("test.localhost", n=20 if n_insp > 100_000 else 5)
    for r in rows:
        print(f"{r.measure:60} {r.p50:8.1f} {r.p95:8.1f} {r.unit}")
    assert info["facts"] > 0
    # Speed targets (p95 under 300 ms per page, the per-minute refresh under 30 s) are checked
    # by `make bench` on an idle stack, not here: a shared CI machine would make them flaky.
    assert {r.measure for r in rows if "incremental" in r.measure}
    year = timezone.localdate().year
    f = Filters(start=dt.date(year - 2, 1, 1), end=dt.date(year, 12, 1))
    plain = Inspection.objects.filter(
        status="completed",
        submitted_at__date__gte=f.start,
        submitted_at__date__lt=dt.date(year + 1, 1, 1),
    ).count()
    assert indicator_value(INDICATOR_BY_CODE["inspections_done"], f) == plain
