"""Runs the enforcement benchmark's measurement in the test database: small by default (a
smoke test that the bench itself works), full size with BENCH_CASES=25000,50000,100000."""

import os

from bench.bench_enforcement import measure, rows_from

SIZES = [int(n) for n in os.environ.get("BENCH_CASES", "500,1000").split(",")]


def test_sweep_and_list_benchmark(in_ministry, capsys):
    results = measure(sizes=SIZES, list_requests=int(os.environ.get("BENCH_LIST_REQUESTS", "5")))
    for n, r in results["sweep"].items():
        assert r["alerts"] > 0 and r["rerun_alerts"] == 0, (n, r)
    assert results["list"]
    with capsys.disabled():
        for row in rows_from(results):
            print(
                f"\n{row.measure:70} p50={row.p50:9.3f} p95={row.p95:9.3f} {row.unit} "
                f"[{row.data_size}]",
                end="",
            )
        print()
