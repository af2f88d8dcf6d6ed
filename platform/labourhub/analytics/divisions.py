"""The first-level divisions a ministry's map is drawn in: from its country pack, or its own file.

A country pack ships its divisions as GeoJSON and returns them from ``register_map_divisions``
(read with ``map_divisions_load``); a ministry's administrator may upload its own GeoJSON, which
then replaces the pack's outlines (``division_map_upload``). Both go through ``divisions_parse``,
which accepts only a FeatureCollection of Polygon/MultiPolygon features with a ``code`` and a
``name``, within the size and count limits below, so a hostile file cannot reach the page.
"""

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from labourhub.extensions.country_types import MapDivision, Ring

MAX_BYTES = 2 * 1024 * 1024
MAX_DIVISIONS = 300
MAX_POINTS = 150_000
DECIMALS = 5  # about a metre: finer than any map here can show
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,19}")
# Names are shown as text; markup or control characters in one mean the file is not a map.
UNSAFE_NAME = re.compile(r"[<>\x00-\x1f\x7f]")


def _error(message: str, number: int | None = None, code: str = "") -> ValidationError:
    if number is None:
        return ValidationError(message)
    where = (
        _("Division %(n)d (%(code)s)") % {"n": number, "code": code}
        if code
        else _("Division %(n)d") % {"n": number}
    )
    return ValidationError(f"{where}: {message}")


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError
    number = float(value)
    if not math.isfinite(number):
        raise TypeError
    return number


def _ring(raw: Any) -> Ring:
    if not isinstance(raw, list) or len(raw) < 3:
        raise TypeError
    points: list[tuple[float, float]] = []
    for position in raw:
        if not isinstance(position, list) or not 2 <= len(position) <= 3:
            raise TypeError
        lon, lat = _number(position[0]), _number(position[1])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValueError
        point = (round(lon, DECIMALS), round(lat, DECIMALS))
        if not points or points[-1] != point:
            points.append(point)
    if points[0] != points[-1]:
        points.append(points[0])
    if len(points) < 4:
        raise TypeError
    return tuple(points)


def _polygons(geometry: Any, number: int, code: str) -> tuple[tuple[Ring, ...], ...]:
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind not in ("Polygon", "MultiPolygon"):
        raise _error(
            _("only Polygon and MultiPolygon outlines are accepted, not %(kind)s.")
            % {"kind": str(kind or _("none"))[:40]},
            number,
            code,
        )
    raw = geometry.get("coordinates")
    try:
        parts = [raw] if kind == "Polygon" else raw
        if not isinstance(parts, list) or not parts:
            raise TypeError
        polygons = []
        for part in parts:
            if not isinstance(part, list) or not part:
                raise TypeError
            polygons.append(tuple(_ring(r) for r in part))
    except ValueError:
        raise _error(
            _(
                "a point lies off the globe: give longitude (-180 to 180) then latitude (-90 to 90)."
            ),
            number,
            code,
        ) from None
    except TypeError:
        raise _error(
            _("the outline is not a list of closed rings of longitude, latitude pairs."),
            number,
            code,
        ) from None
    return tuple(polygons)


def _refuse_constant(name: str) -> None:
    raise ValueError(name)


def divisions_parse(raw: bytes) -> list[MapDivision]:
    """Check a GeoJSON file and return its divisions; ``ValidationError`` says what is wrong."""
    if len(raw) > MAX_BYTES:
        raise _error(_("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // (1024 * 1024)})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _error(_("The file is not UTF-8 text.")) from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        raise _error(_("The file is not valid JSON.")) from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise _error(_("The file is not a GeoJSON FeatureCollection."))
    if not isinstance(features, list) or not features:
        raise _error(_("The file has no divisions."))
    if len(features) > MAX_DIVISIONS:
        raise _error(_("The file has more than %(n)d divisions.") % {"n": MAX_DIVISIONS})
    divisions: list[MapDivision] = []
    seen: set[str] = set()
    points = 0
    for number, feature in enumerate(features, 1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        props = props if isinstance(props, dict) else {}
        code, name = props.get("code"), props.get("name")
        if not isinstance(code, str) or not CODE.fullmatch(code.strip()):
            raise _error(
                _(
                    "give each division a “code” of up to 20 letters, digits and hyphens, "
                    "e.g. CO-ANT."
                ),
                number,
            )
        code = code.strip().upper()
        if code in seen:
            raise _error(_("the code appears twice."), number, code)
        seen.add(code)
        if (
            not isinstance(name, str)
            or not 0 < len(name.strip()) <= 120
            or UNSAFE_NAME.search(name)
        ):
            raise _error(
                _("give a “name” of 1 to 120 characters of plain text, without markup."),
                number,
                code,
            )
        polygons = _polygons(feature.get("geometry"), number, code)
        points += sum(len(r) for p in polygons for r in p)
        if points > MAX_POINTS:
            raise _error(
                _("The file has more than %(n)d points: simplify the outlines first.")
                % {"n": MAX_POINTS}
            )
        divisions.append(MapDivision(code, name.strip(), polygons))
    return divisions


def divisions_geojson(divisions: list[MapDivision]) -> dict[str, Any]:
    """The divisions as a GeoJSON FeatureCollection with only ``code`` and ``name``."""

    def coords(polygon: tuple[Ring, ...]) -> list[list[list[float]]]:
        return [[[x, y] for x, y in ring] for ring in polygon]

    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": d.code, "name": d.name},
                "geometry": (
                    {"type": "Polygon", "coordinates": coords(d.polygons[0])}
                    if len(d.polygons) == 1
                    else {"type": "MultiPolygon", "coordinates": [coords(p) for p in d.polygons]}
                ),
            }
            for d in divisions
        ],
    }


def divisions_bounds(divisions: list[MapDivision]) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of all the outer rings, or None when there are none."""
    xs = [x for d in divisions for p in d.polygons for x, _y in p[0]]
    ys = [y for d in divisions for p in d.polygons for _x, y in p[0]]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


@lru_cache(maxsize=32)
def _load(path: str, mtime_ns: int) -> tuple[MapDivision, ...]:
    try:
        return tuple(divisions_parse(Path(path).read_bytes()))
    except ValidationError as exc:
        raise ValueError(f"{path}: {' '.join(exc.messages)}") from None


def map_divisions_load(path: str | Path) -> list[MapDivision]:
    """Read a pack's GeoJSON file of divisions (``code``, ``name``, Polygon/MultiPolygon).

    Parsed once per process (again when the file changes); a broken file raises ``ValueError``
    naming the file and the problem.
    """
    resolved = Path(path).resolve()
    return list(_load(str(resolved), resolved.stat().st_mtime_ns))
