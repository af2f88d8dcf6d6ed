"""Foundation benchmarks: bytes of the first page and p95 of the login page."""

from __future__ import annotations

import gzip

from bench.lib import BenchContext, Row, repeat, session_for


def run(ctx: BenchContext) -> list[Row]:
    rows = []
    slug = ctx.ministries[0]
    anon = session_for(ctx, slug)
    login_url = f"{ctx.base_url}/app/login/"
    p50, p95 = repeat(lambda: anon.get(login_url).raise_for_status(), 100)
    rows.append(Row("login page (GET /app/login/)", p50, p95, "ms", "100 requests"))

    staff = session_for(ctx, slug, "admin")
    first = staff.get(f"{ctx.base_url}/app/", headers={"Accept-Encoding": "gzip"})
    first.raise_for_status()
    html = first.content
    css = staff.get(f"{ctx.base_url}/static/web/app.css").content
    wire = len(gzip.compress(html)) + len(gzip.compress(css))
    rows.append(
        Row(
            "first page after sign-in, HTML+CSS raw",
            len(html) + len(css),
            len(html) + len(css),
            "bytes",
            f"{slug} dashboard",
        )
    )
    rows.append(
        Row("first page after sign-in, gzip on the wire", wire, wire, "bytes", f"{slug} dashboard")
    )
    p50, p95 = repeat(lambda: staff.get(f"{ctx.base_url}/app/").raise_for_status(), 100)
    rows.append(Row("dashboard (GET /app/)", p50, p95, "ms", "100 requests"))
    return rows
