"""A choropleth of the ministry's regions as inline SVG: no tiles, no internet, no JavaScript.

Outlines come from ``geo/<schema>.geojson`` (features keyed by the region office's ``code``);
a region without an outline is drawn as a square in a grid, so every ministry gets a usable map.
"""

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

GEO_DIR = Path(__file__).parent / "geo"
WIDTH, HEIGHT, PAD = 400.0, 300.0, 10.0
# Light-to-dark blues, readable as five classes by colour-blind viewers too.
PALETTE = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "#f0f0f0"


@dataclass(frozen=True)
class Shape:
    region_id: int
    name: str
    path: str
    fill: str
    value: Decimal | None
    label_x: float
    label_y: float


@lru_cache(maxsize=32)
def _outlines(schema: str) -> dict[str, list[list[tuple[float, float]]]]:
    path = GEO_DIR / f"{schema}.geojson"
    if not schema.isidentifier() or not path.is_file():
        return {}
    data = json.loads(path.read_text())
    out: dict[str, list[list[tuple[float, float]]]] = {}
    for feature in data.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons: list[Any] = (
            [geometry["coordinates"]]
            if geometry.get("type") == "Polygon"
            else geometry.get("coordinates", [])
            if geometry.get("type") == "MultiPolygon"
            else []
        )
        rings = [[(float(x), float(y)) for x, y in poly[0]] for poly in polygons if poly]
        out[str(feature.get("properties", {}).get("code", ""))] = rings
    return out


def _classes(values: list[Decimal]) -> list[Decimal]:
    """Upper bounds of up to five equal-count classes."""
    ordered = sorted(values)
    if not ordered:
        return []
    n = len(PALETTE)
    last = len(ordered) - 1
    return [ordered[max(0, min(last, (len(ordered) * (i + 1)) // n - 1))] for i in range(n)]


def _fill(value: Decimal | None, bounds: list[Decimal]) -> str:
    if value is None or not bounds:
        return NO_DATA
    for colour, bound in zip(PALETTE, bounds, strict=False):
        if value <= bound:
            return colour
    return PALETTE[-1]


def region_shapes(
    *, schema: str, regions: list[tuple[int, str, str]], values: dict[int, Decimal | None]
) -> list[Shape]:
    """``regions`` is [(id, code, name)]; returns shapes projected into a WIDTH x HEIGHT box."""
    outlines = _outlines(schema)
    bounds = _classes([v for v in values.values() if v is not None])
    drawn = [(r, outlines[r[1]]) for r in regions if outlines.get(r[1])]
    missing = [r for r in regions if not outlines.get(r[1])]
    shapes: list[Shape] = []
    if drawn:
        xs = [x for _r, rings in drawn for ring in rings for x, _y in ring]
        ys = [y for _r, rings in drawn for ring in rings for _x, y in ring]
        span = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
        usable_h = HEIGHT - PAD * 2 - (40 if missing else 0)
        k = min((WIDTH - PAD * 2) / span[0], usable_h / span[1])

        def project(x: float, y: float) -> tuple[float, float]:
            return PAD + (x - min(xs)) * k, PAD + (max(ys) - y) * k

        for (rid, _code, name), rings in drawn:
            parts, cx, cy, count = [], 0.0, 0.0, 0
            for ring in rings:
                points = [project(x, y) for x, y in ring]
                parts.append("M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in points) + "Z")
                cx += sum(p[0] for p in points)
                cy += sum(p[1] for p in points)
                count += len(points)
            shapes.append(
                Shape(
                    rid,
                    name,
                    "".join(parts),
                    _fill(values.get(rid), bounds),
                    values.get(rid),
                    cx / count,
                    cy / count,
                )
            )
    # Regions without an outline: a row of labelled squares (the whole box when none has one).
    cols = max(1, min(len(missing), 6))
    size = 36.0 if drawn else min(110.0, (WIDTH - PAD * 2) / cols - 8)
    for i, (rid, _code, name) in enumerate(missing):
        x = PAD + (i % cols) * (size + 8)
        row = i // cols
        y = (HEIGHT - PAD - size - row * (size + 8)) if drawn else (PAD + row * (size + 8))
        path = f"M{x:.1f},{y:.1f}h{size:.1f}v{size:.1f}h-{size:.1f}Z"
        shapes.append(
            Shape(
                rid,
                name,
                path,
                _fill(values.get(rid), bounds),
                values.get(rid),
                x + size / 2,
                y + size / 2,
            )
        )
    return shapes


def legend(values: dict[int, Decimal | None]) -> list[tuple[str, Decimal]]:
    bounds = _classes([v for v in values.values() if v is not None])
    seen: list[tuple[str, Decimal]] = []
    for colour, bound in zip(PALETTE, bounds, strict=False):
        if not seen or seen[-1][1] != bound:
            seen.append((colour, bound))
    return seen
