"""Inspections at 1,000,000 rows: p50/p95 of the inspector's "my inspections" page and of the
establishment history page (target: p95 < 150 ms).

Runs ``manage.py inspections_bench`` against the dev database (``make run``'s cluster) in a
dedicated ministry ``benchinsp`` that it provisions on first use, so the demo ministries keep
their small, readable data. Generating 1,000,000 rows takes a few minutes the first time; later
runs reuse them. BENCH_INSPECTIONS_TOTAL lowers the size for a quick look.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from bench.lib import BenchContext, Row

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
TOTAL = int(os.environ.get("BENCH_INSPECTIONS_TOTAL", "1000000"))
SLUG = os.environ.get("BENCH_INSPECTIONS_SLUG", "benchinsp")


def run(ctx: BenchContext) -> list[Row]:
    out = subprocess.run(
        [
            PY,
            str(ROOT / "infra" / "devstack.py"),
            "exec",
            "--",
            PY,
            str(ROOT / "manage.py"),
            "inspections_bench",
            SLUG,
            "--total",
            str(TOTAL),
            "--repeat",
            "100",
            "--provision",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = []
    for line in out.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            rows.append(Row(r["measure"], r["p50"], r["p95"], r["unit"], r["data_size"]))
    return rows
