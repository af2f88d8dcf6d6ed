"""A choropleth of the ministry's regions as inline SVG: no tiles, no internet, no JavaScript.

The outlines are the country's first-level divisions (``labourhub.analytics.divisions``: the
country pack's, or the ministry's own upload). A region office is drawn in the division whose
ISO 3166-2 code is the office's code (``CO-ANT``), else whose code ends in it (``ANT``), else
whose name the office's name contains ("Dirección Territorial de Antioquia"). Divisions with
no office are drawn pale, for orientation; an office with no division is a labelled square
below the map, so every ministry gets a usable map.
"""

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from labourhub.extensions.country_types import MapDivision, Ring

WIDTH, PAD = 400.0, 10.0
MIN_MAP_HEIGHT, MAX_MAP_HEIGHT = 180.0, 420.0
SQUARE, GAP = 36.0, 8.0
# Light-to-dark blues, readable as five classes by colour-blind viewers too.
PALETTE = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "#f0f0f0"
# Points closer than this (in map pixels) to the last one drawn add nothing visible.
MIN_STEP = 0.75

Region = tuple[int, str, str]  # (office id, code, name)


@dataclass(frozen=True)
class Shape:
    """A region office on the map."""

    region_id: int
    name: str
    path: str
    fill: str
    value: Decimal | None
    label_x: float
    label_y: float
    division: str = ""  # the division drawn, "" for a square


@dataclass(frozen=True)
class Outline:
    """A division no region office covers, drawn pale for orientation."""

    name: str
    path: str


@dataclass(frozen=True)
class MapDrawing:
    width: float
    height: float
    shapes: list[Shape]
    background: list[Outline]


def normalise(text: str) -> str:
    """Lower case, without accents or punctuation: "Hà Nội" and "Ha Noi" are the same name."""
    decomposed = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def match_regions(divisions: list[MapDivision], regions: list[Region]) -> dict[int, MapDivision]:
    """Office id -> its division; each division goes to one office at most."""
    by_code = {d.code.upper(): d for d in divisions}
    suffixes: dict[str, list[MapDivision]] = {}
    for d in divisions:
        if "-" in d.code:
            suffixes.setdefault(d.code.split("-", 1)[1].upper(), []).append(d)
    by_suffix = {k: v[0] for k, v in suffixes.items() if len(v) == 1}
    # Longest name first, so "Lima Metropolitana" wins over "Lima".
    names = sorted(((normalise(d.name), d) for d in divisions), key=lambda t: -len(t[0]))

    def by_name(name: str) -> MapDivision | None:
        padded = f" {normalise(name)} "
        return next((d for n, d in names if n and f" {n} " in padded), None)

    def exact(r: Region) -> MapDivision | None:
        return by_code.get(r[1].strip().upper())

    def suffix(r: Region) -> MapDivision | None:
        return by_suffix.get(r[1].strip().upper())

    def named(r: Region) -> MapDivision | None:
        return by_name(r[2])

    matched: dict[int, MapDivision] = {}
    taken: set[str] = set()
    # Whole passes, so an exact code is never lost to another office's looser match.
    for find in (exact, suffix, named):
        for region in regions:
            found = find(region) if region[0] not in matched else None
            if found is not None and found.code not in taken:
                matched[region[0]] = found
                taken.add(found.code)
    return matched


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


class _Projection:
    """Longitude and latitude to map pixels: equirectangular, true to scale at mid-latitude."""

    def __init__(self, divisions: Iterable[MapDivision]) -> None:
        rings = [p[0] for d in divisions for p in d.polygons]
        west = min(x for r in rings for x, _y in r)
        east = max(x for r in rings for x, _y in r)
        south = min(y for r in rings for _x, y in r)
        self.north = max(y for r in rings for _x, y in r)
        self.west = west
        self.kx = math.cos(math.radians((south + self.north) / 2))
        span_x = max((east - west) * self.kx, 1e-9)
        span_y = max(self.north - south, 1e-9)
        natural = (WIDTH - 2 * PAD) * span_y / span_x
        self.height = min(max(natural, MIN_MAP_HEIGHT), MAX_MAP_HEIGHT)
        self.k = min((WIDTH - 2 * PAD) / span_x, self.height / span_y)
        # Centre the country in the box.
        self.dx = PAD + ((WIDTH - 2 * PAD) - span_x * self.k) / 2
        self.dy = PAD + (self.height - span_y * self.k) / 2

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        return (
            round(self.dx + (x - self.west) * self.kx * self.k, 1),
            round(self.dy + (self.north - y) * self.k, 1),
        )


def _ring_points(ring: Ring, project: _Projection) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for x, y in ring:
        p = project(x, y)
        if not points or abs(p[0] - points[-1][0]) + abs(p[1] - points[-1][1]) >= MIN_STEP:
            points.append(p)
    return points


def _area(points: list[tuple[float, float]]) -> float:
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)
            )
        )
        / 2
    )


def _draw(division: MapDivision, project: _Projection) -> tuple[str, float, float]:
    """SVG path data of ``division`` and the middle of its largest part."""
    parts: list[str] = []
    best: list[tuple[float, float]] = []
    best_area = -1.0
    for polygon in division.polygons:
        shell = _ring_points(polygon[0], project)
        area = _area(shell) if len(shell) >= 3 else 0.0
        if area > best_area:
            best, best_area = shell, area
        if len(shell) < 3 or area < 1.0:
            continue  # smaller than a pixel: an islet the eye cannot see at this size
        for ring in polygon:
            points = shell if ring is polygon[0] else _ring_points(ring, project)
            if len(points) >= 3:
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
    if not parts and len(best) >= 1:
        # The whole division is tiny (a city district): still draw it, as a dot-sized mark.
        x, y = best[0]
        parts.append(f"M{x - 1:g},{y - 1:g}h2v2h-2Z")
    xs = [x for x, _y in best] or [0.0]
    ys = [y for _x, y in best] or [0.0]
    return "".join(parts), (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def region_map(
    *,
    divisions: list[MapDivision],
    regions: list[Region],
    values: dict[int, Decimal | None],
) -> MapDrawing:
    """The map of ``regions`` coloured by ``values`` over the country's ``divisions``."""
    bounds = _classes([v for v in values.values() if v is not None])
    matched = match_regions(divisions, regions)
    missing = [r for r in regions if r[0] not in matched]
    shapes: list[Shape] = []
    background: list[Outline] = []
    top = PAD
    if divisions:
        project = _Projection(divisions)
        used = {d.code for d in matched.values()}
        background = [
            Outline(d.name, _draw(d, project)[0]) for d in divisions if d.code not in used
        ]
        for rid, _code, name in regions:
            if rid in matched:
                path, lx, ly = _draw(matched[rid], project)
                value = values.get(rid)
                shapes.append(
                    Shape(rid, name, path, _fill(value, bounds), value, lx, ly, matched[rid].name)
                )
        top = PAD + project.height + GAP
    # Offices without an outline: rows of labelled squares (the whole box when nothing matched).
    cols = max(1, min(len(missing), 6))
    size = SQUARE if divisions else min(110.0, (WIDTH - PAD * 2) / cols - GAP)
    for i, (rid, _code, name) in enumerate(missing):
        x = PAD + (i % cols) * (size + GAP)
        y = top + (i // cols) * (size + GAP)
        value = values.get(rid)
        shapes.append(
            Shape(
                rid,
                name,
                f"M{x:g},{y:g}h{size:g}v{size:g}h-{size:g}Z",
                _fill(value, bounds),
                value,
                x + size / 2,
                y + size / 2,
            )
        )
    rows = math.ceil(len(missing) / cols)
    height = top + rows * (size + GAP) + (PAD if rows else PAD - GAP)
    return MapDrawing(WIDTH, round(max(height, 2 * PAD + SQUARE), 1), shapes, background)


def legend(values: dict[int, Decimal | None]) -> list[tuple[str, Decimal]]:
    bounds = _classes([v for v in values.values() if v is not None])
    seen: list[tuple[str, Decimal]] = []
    for colour, bound in zip(PALETTE, bounds, strict=False):
        if not seen or seen[-1][1] != bound:
            seen.append((colour, bound))
    return seen
