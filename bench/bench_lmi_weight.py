"""Public LMI site: what a first visit transfers (compressed, as the browser receives it).

Fetches the home page and a page without charts the way a browser with an empty cache does:
the HTML, then every stylesheet and script it names, asking for brotli or gzip, and counts the
bytes on the wire (headers excluded). The chart library that lmi-charts.js loads only when a
chart is on the page is counted on its own line. Run against `make run` (collected, compressed
static files).
"""

from __future__ import annotations

import re

import requests

from bench.lib import BenchContext, Row, session_for

SLUG = "saintlucia"
ASSET = re.compile(rb'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')
LAZY = re.compile(rb'data-uplot-(?:js|css)="([^"]+)"')
TARGET_BYTES = 40_000


def _wire(session: requests.Session, url: str) -> tuple[int, str, str]:
    """(bytes transferred, Content-Encoding, Cache-Control) for one request."""
    r = session.get(url, stream=True, headers={"Accept-Encoding": "br, gzip"})
    r.raise_for_status()
    body = r.raw.read(decode_content=False)
    return len(body), r.headers.get("Content-Encoding", ""), r.headers.get("Cache-Control", "")


def _first_load(ctx: BenchContext, path: str) -> tuple[int, int, list[str], bytes]:
    anon = session_for(ctx, SLUG)
    html_url = anon.get(f"{ctx.base_url}{path}").url  # follows /<path> -> /<language>/<path>
    html = anon.get(html_url).content
    total, _enc, _cc = _wire(anon, html_url)
    notes = []
    assets = [m.decode() for m in ASSET.findall(html)]
    for asset in assets:
        size, encoding, cache = _wire(anon, f"{ctx.base_url}{asset}")
        total += size
        notes.append(f"{asset.rsplit('/', 1)[-1]} {size} B {encoding or 'identity'} [{cache}]")
    return total, len(assets), notes, html


def run(ctx: BenchContext) -> list[Row]:
    rows = []
    home, n_home, notes, html = _first_load(ctx, "/")
    verdict = "under" if home < TARGET_BYTES else "OVER"
    rows.append(
        Row(
            "LMI home, first load transferred (HTML+CSS+JS, no chart lib)",
            home,
            home,
            "bytes",
            f"{SLUG}, {n_home} assets, {verdict} the {TARGET_BYTES} B target",
        )
    )
    plain, n_plain, _notes, _html = _first_load(ctx, "/data/")
    rows.append(
        Row(
            "LMI data catalogue (no chart), first load transferred",
            plain,
            plain,
            "bytes",
            f"{SLUG}, {n_plain} assets",
        )
    )
    anon = session_for(ctx, SLUG)
    lazy = sum(_wire(anon, f"{ctx.base_url}{u.decode()}")[0] for u in LAZY.findall(html))
    rows.append(
        Row("LMI chart library (uPlot, loaded lazily), transferred", lazy, lazy, "bytes", SLUG)
    )
    for note in notes:
        print(f"  lmi weight: {note}")
    return rows
