"""`make bench`: run every bench/bench_*.py against the running stack and print one table.

HTTP benchmarks need `make run` in another terminal; in-process ones use the dev database.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labourhub.config.settings.dev")


def main() -> int:
    import django

    django.setup()
    from bench.lib import BenchContext, Row, stack_is_up

    ctx = BenchContext()
    if not stack_is_up(ctx):
        print(f"No stack answers at {ctx.base_url}; start it with 'make run' first.")
        return 2
    rows: list[Row] = []
    failed = []
    only = set(sys.argv[1:])
    for path in sorted((ROOT / "bench").glob("bench_*.py")):
        if only and path.stem not in only:
            continue
        module = importlib.import_module(f"bench.{path.stem}")
        try:
            rows.extend(module.run(ctx))
        except Exception:  # a broken bench must not hide the others' numbers
            failed.append(path.stem)
            traceback.print_exc()
    width = max([len(r.measure) for r in rows] + [7])
    print(f"\n{'measure':<{width}}  {'p50':>10}  {'p95':>10}  {'unit':<6}  data size")
    for r in rows:
        print(f"{r.measure:<{width}}  {r.p50:>10.2f}  {r.p95:>10.2f}  {r.unit:<6}  {r.data_size}")
    if failed:
        print(f"\nFAILED benchmarks: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
