"""Benchmark helpers: every bench module returns Rows; run.py prints one table."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

BASE_URL = os.environ.get("BENCH_BASE_URL", "http://127.0.0.1:8000")
DEMO_PASSWORD = "Demo-LabourHub-2026"


@dataclass
class Row:
    measure: str
    p50: float
    p95: float
    unit: str
    data_size: str = ""


@dataclass
class BenchContext:
    base_url: str = BASE_URL
    ministries: list[str] = field(default_factory=lambda: ["honduras", "colombia"])
    password: str = DEMO_PASSWORD

    def host(self, slug: str) -> str:
        return f"{slug}.localhost"


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95_index = max(0, round(0.95 * len(ordered)) - 1)
    return statistics.median(ordered), ordered[p95_index]


def repeat(fn: Callable[[], object], n: int) -> tuple[float, float]:
    """Run ``fn`` n times (after one warm-up); return p50 and p95 in milliseconds."""
    fn()
    samples = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return percentiles(samples)


def session_for(ctx: BenchContext, slug: str, username: str | None = None) -> requests.Session:
    """A requests session bound to a ministry host, signed in when ``username`` is given."""
    s = requests.Session()
    s.headers["Host"] = ctx.host(slug)
    if username:
        s.get(f"{ctx.base_url}/app/login/")
        s.post(
            f"{ctx.base_url}/app/login/",
            data={
                "username": username,
                "password": ctx.password,
                "csrfmiddlewaretoken": s.cookies.get("csrftoken", ""),
            },
            headers={"Referer": f"http://{ctx.host(slug)}/app/login/"},
            allow_redirects=False,
        )
    return s


def stack_is_up(ctx: BenchContext) -> bool:
    try:
        return requests.get(f"{ctx.base_url}/health/", headers={"Host": "localhost"}, timeout=2).ok
    except requests.RequestException:
        return False
