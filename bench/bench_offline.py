"""Offline inspections: bytes of the app shell and of one assignment pack, and the time of a
sync batch and of its replay (the same key again, applied once).

Against `make run`'s demo ministry, as its demo inspector. Targets: shell under 500 KB, one
assignment under 200 KB (photos excluded).

The sync of 20 visits with 60 photos over a throttled 3G link needs a browser and its own
ministry, so it runs as tests/live/test_offline_sync_3g.py (Debian Chromium, DevTools network
conditions); its last numbers are in docs/operations/offline.md.
"""

from __future__ import annotations

import gzip
import re
import uuid

from bench.lib import BenchContext, Row, repeat, session_for

ASSET = re.compile(r'(?:src|href)="(/static/(?:web|offline)/[^"]+)"')


def run(ctx: BenchContext) -> list[Row]:
    slug = ctx.ministries[0]
    s = session_for(ctx, slug, "inspector")
    page = s.get(f"{ctx.base_url}/app/offline/")
    page.raise_for_status()
    assets = sorted(set(ASSET.findall(page.text)) | {"/static/offline/icon-192.png"})
    bodies = [page.content] + [s.get(f"{ctx.base_url}{a}").content for a in assets]
    raw = sum(len(b) for b in bodies)
    wire = sum(len(gzip.compress(b)) for b in bodies)
    rows = [
        Row("offline app shell, raw", raw, raw, "bytes", f"page + {len(assets)} files"),
        Row("offline app shell, gzip on the wire", wire, wire, "bytes", slug),
    ]
    listed = s.get(f"{ctx.base_url}/api/v1/offline/assignments/").json()
    if listed:
        pack = s.get(f"{ctx.base_url}/api/v1/offline/assignments/{listed[0]['id']}/").content
        rows.append(Row("one assignment pack, raw", len(pack), len(pack), "bytes", slug))
        rows.append(
            Row("one assignment pack, gzip", len(gzip.compress(pack)), len(gzip.compress(pack)),
                "bytes", slug)
        )  # fmt: skip
        p50, p95 = repeat(
            lambda: s.get(f"{ctx.base_url}/api/v1/offline/assignments/{listed[0]['id']}/"), 20
        )
        rows.append(Row("take one assignment offline (GET pack)", p50, p95, "ms", "20 requests"))
    headers = {
        "X-CSRFToken": s.cookies.get("csrftoken", ""),
        "Referer": f"http://{ctx.host(slug)}/",
    }
    body = {"key": uuid.uuid4().hex, "visits": []}

    def sync() -> None:
        s.post(
            f"{ctx.base_url}/api/v1/offline/sync/", json=body, headers=headers
        ).raise_for_status()

    p50, p95 = repeat(sync, 50)  # the first call applies, the rest are replays
    rows.append(Row("sync batch replayed (same key)", p50, p95, "ms", "50 requests"))
    return rows
