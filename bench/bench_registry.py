"""Registry at Philippines scale: search p50/p95 at 200,000 establishments, and bulk-import
throughput (rows/s) with the Celery worker's peak memory for 50,000- and 200,000-row files.

Needs `make run`. The first run tops the Philippines demo registry up to 200,000 generated
establishments (`manage.py registry_generate philippines --total 200000`, a few minutes).
Import runs go to Saint Lucia with run-unique registration numbers and are deleted afterwards.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]
import requests

from bench.lib import BenchContext, Row, percentiles, session_for

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
SCALE = int(os.environ.get("BENCH_REGISTRY_SCALE", "200000"))
SEARCH_SLUG = "philippines"
IMPORT_SLUG = "saintlucia"
# Substring of the Celery worker command line whose memory is sampled.
WORKER_MATCH = os.environ.get("BENCH_WORKER_MATCH", " worker")
IMPORT_SIZES = [int(n) for n in os.environ.get("BENCH_IMPORT_ROWS", "50000,200000").split(",")]


def _manage(*args: str) -> str:
    out = subprocess.run(
        [PY, str(ROOT / "infra" / "devstack.py"), "exec", "--", PY, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def _misspell(name: str, i: int) -> str:
    word = name.split(" ")[0].lower()
    if len(word) > 4:
        j = 1 + i % (len(word) - 2)
        word = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return " ".join([word, *name.lower().split(" ")[1:2]])


def _timed(session: requests.Session, url: str, params: dict[str, str]) -> float:
    t0 = time.perf_counter()
    session.get(url, params=params).raise_for_status()
    return (time.perf_counter() - t0) * 1000


def _search_rows(ctx: BenchContext) -> list[Row]:
    info = _manage("registry_generate", SEARCH_SLUG, "--total", str(SCALE), "--no-history")
    size = f"{info.rsplit('total ', 1)[-1]} in {SEARCH_SLUG}"
    s = session_for(ctx, SEARCH_SLUG, "inspector")
    token = requests.post(
        f"{ctx.base_url}/api/v1/auth/token/",
        json={"username": "inspector", "password": ctx.password},
        headers={"Host": ctx.host(SEARCH_SLUG)},
    ).json()["token"]
    api = requests.Session()
    api.headers.update({"Host": ctx.host(SEARCH_SLUG), "Authorization": f"Token {token}"})
    page = f"{ctx.base_url}/app/establishments/"
    api_url = f"{ctx.base_url}/api/v1/registry/establishments/"
    names = [r["name"] for r in api.get(api_url, params={"limit": 200}).json()["results"]]
    queries = [_misspell(n, i) for i, n in enumerate(names[::2])][:100]
    cursor = api.get(api_url, params={"limit": 50}).json()["next_cursor"]
    cases = {
        "search page, misspelt name (q)": (s, page, [{"q": q} for q in queries]),
        "search API, misspelt name (q)": (api, api_url, [{"q": q} for q in queries]),
        "search API, sector C + size small": (
            api,
            api_url,
            [{"sector": "C", "size_band": "small"}] * 50,
        ),
        "search API, not inspected since 2024 + high risk": (
            api,
            api_url,
            [{"inspected_before": "2024-01-01", "risk_level": "high"}] * 50,
        ),
        "search API, keyset page 2": (api, api_url, [{"cursor": cursor}] * 50),
    }
    rows = []
    for label, (session, url, params_list) in cases.items():
        _timed(session, url, params_list[0])
        samples = [_timed(session, url, p) for p in params_list]
        p50, p95 = percentiles(samples)
        rows.append(Row(label, p50, p95, "ms", f"{size}, {len(samples)} requests"))
    return rows


def _write_csv(path: Path, n: int, run_id: str) -> None:
    from devtools.ministries import DEMO

    offices = [
        d
        for spec, regions in DEMO
        if spec.slug == IMPORT_SLUG
        for _c, _n, districts in regions
        for d, _dn in districts
    ]
    isic = ["4711", "5610", "1071", "0111", "4520", "8610"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "registration_number",
                "name",
                "employer_name",
                "employer_tax_id",
                "address",
                "office",
                "isic_code",
                "workers_female",
                "workers_male",
                "opened_on",
            ]
        )
        for i in range(n):
            w.writerow(
                [
                    f"{run_id}-{i:07d}",
                    f"Bench establishment {i}",
                    f"Bench employer {i // 3}",
                    f"{run_id}-T{i // 3}",
                    f"{i} Main Street",
                    offices[i % len(offices)],
                    isic[i % len(isic)],
                    i % 17,
                    i % 23,
                    "2015-06-30",
                ]
            )


class PeakRss(threading.Thread):
    """Samples the resident memory of every Celery worker process every 100 ms."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for proc in psutil.process_iter(["cmdline"]):
                cmd = " ".join(proc.info["cmdline"] or [])
                if "celery" in cmd and WORKER_MATCH in cmd:
                    try:
                        self.peak = max(self.peak, proc.memory_info().rss)
                    except psutil.Error:
                        continue
            time.sleep(0.1)


def _wait(
    api: requests.Session, url: str, until: set[str], timeout: float = 3600
) -> dict[str, Any]:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        batch: dict[str, Any] = api.get(url).json()
        if batch["status"] in until:
            return batch
        time.sleep(0.25)
    raise TimeoutError(url)


def _import_rows(ctx: BenchContext) -> list[Row]:
    token = requests.post(
        f"{ctx.base_url}/api/v1/auth/token/",
        json={"username": "admin", "password": ctx.password},
        headers={"Host": ctx.host(IMPORT_SLUG)},
    ).json()["token"]
    api = requests.Session()
    api.headers.update({"Host": ctx.host(IMPORT_SLUG), "Authorization": f"Token {token}"})
    base = f"{ctx.base_url}/api/v1/registry/imports/"
    rows = []
    for n in IMPORT_SIZES:
        run_id = f"BENCH{int(time.time())}"
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"bench-{n}.csv"
            _write_csv(path, n, run_id)
            mb = path.stat().st_size / 1048576
            with open(path, "rb") as fh:
                batch = api.post(
                    base,
                    data={"kind": "establishments"},
                    files={"file": (path.name, fh, "text/csv")},
                ).json()
        url = f"{base}{batch['id']}/"
        sampler = PeakRss()
        sampler.start()
        t0 = time.perf_counter()
        api.post(f"{url}check/", json={}).raise_for_status()
        checked = _wait(api, url, {"checked", "failed"})
        t1 = time.perf_counter()
        api.post(f"{url}run/", json={}).raise_for_status()
        done = _wait(api, url, {"done", "failed"})
        t2 = time.perf_counter()
        sampler.stop.set()
        sampler.join()
        assert checked["error_rows"] == 0 and done["created_rows"] == n, (checked, done)
        size = f"{n:,} rows, {mb:.0f} MB CSV"
        rows.append(
            Row("import dry run (check every row)", n / (t1 - t0), n / (t1 - t0), "rows/s", size)
        )
        rows.append(
            Row("import write (after dry run)", n / (t2 - t1), n / (t2 - t1), "rows/s", size)
        )
        rows.append(
            Row(
                "import worker peak RSS", sampler.peak / 1048576, sampler.peak / 1048576, "MB", size
            )
        )
        _manage(
            "tenant_command",
            "shell",
            f"--schema={IMPORT_SLUG}",
            "-c",
            "from labourhub.registry.models import Employer, Establishment;"
            f"Establishment.objects.filter(registration_number__startswith='{run_id}')"
            ".delete();"
            f"Employer.objects.filter(tax_id__startswith='{run_id}').delete()",
        )
    return rows


def run(ctx: BenchContext) -> list[Row]:
    rows = _search_rows(ctx)
    if "--no-import" not in sys.argv:
        rows += _import_rows(ctx)
    return rows
