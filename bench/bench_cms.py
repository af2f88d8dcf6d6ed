"""Public LMI site: a cached and an uncached indicator page (p50/p95), and the bytes on the wire.

The page cache serves anonymous GETs without a query string; adding ``?uncached=<n>`` makes the
same page render from the database every time, which is the cost after each publication.
"""

from __future__ import annotations

import gzip
import itertools

from bench.lib import BenchContext, Row, repeat, session_for

PAGE = "/employment-and-unemployment/unemployment-rate/"
N = 100


def run(ctx: BenchContext) -> list[Row]:
    rows: list[Row] = []
    slug = "saintlucia"
    anon = session_for(ctx, slug)
    url = f"{ctx.base_url}{PAGE}"
    first = anon.get(url)
    first.raise_for_status()
    p50, p95 = repeat(lambda: anon.get(url).raise_for_status(), N)
    rows.append(Row("indicator page, cached", p50, p95, "ms", f"{slug}, {N} requests"))
    counter = itertools.count()
    p50, p95 = repeat(lambda: anon.get(f"{url}?uncached={next(counter)}").raise_for_status(), N)
    rows.append(Row("indicator page, uncached (rendered)", p50, p95, "ms", f"{slug}, {N} requests"))

    html = first.content
    static = [
        f"{ctx.base_url}/static/web/app.css",
        f"{ctx.base_url}/static/cms/lmi.css",
        f"{ctx.base_url}/static/cms/lmi-charts.js",
    ]
    chart_lib = [
        f"{ctx.base_url}/static/cms/uPlot.iife.min.js",
        f"{ctx.base_url}/static/cms/uPlot.min.css",
    ]
    assets = [anon.get(u).content for u in static]
    lib = [anon.get(u).content for u in chart_lib]
    raw = len(html) + sum(map(len, assets))
    wire = len(gzip.compress(html)) + sum(len(gzip.compress(a)) for a in assets)
    lib_wire = sum(len(gzip.compress(a)) for a in lib)
    rows.append(Row("indicator page HTML+CSS+JS, raw (no charts lib)", raw, raw, "bytes", slug))
    rows.append(Row("indicator page HTML+CSS+JS, gzip", wire, wire, "bytes", slug))
    rows.append(
        Row(
            "chart library loaded lazily (uPlot), gzip",
            lib_wire,
            lib_wire,
            "bytes",
            "only on pages with a chart",
        )
    )
    csv_url = f"{ctx.base_url}/lmi/data/unemployment-rate.csv"
    p50, p95 = repeat(lambda: anon.get(csv_url).raise_for_status(), N)
    rows.append(
        Row(
            "CSV download (unemployment rate)",
            p50,
            p95,
            "ms",
            f"{len(anon.get(csv_url).content)} bytes",
        )
    )
    home = f"{ctx.base_url}/"
    p50, p95 = repeat(lambda: anon.get(home).raise_for_status(), N)
    rows.append(Row("home page, cached", p50, p95, "ms", f"{slug}, {N} requests"))
    apex = session_for(ctx, "x")
    apex.headers["Host"] = "localhost"
    p50, p95 = repeat(lambda: apex.get(f"{ctx.base_url}/lmi/").raise_for_status(), 50)
    rows.append(Row("regional portal (apex /lmi/)", p50, p95, "ms", "8 ministries, 50 requests"))
    return rows
