"""Checks a country pack's map divisions pass in its own tests (``labourhub.plugin_api.testing``)."""

from collections.abc import Iterable, Sequence
from typing import Any


def divisions_check(
    divisions: Sequence[Any],
    *,
    country: str,
    expected: int,
    some_codes: Iterable[str],
    bounds: tuple[float, float, float, float],
    off_mainland: Iterable[str] = (),
) -> None:
    """Each division once, with its ISO 3166-2 code and a clean name; the outlines span the
    country's real ``bounds`` (west, south, east, north, within 3 %) with real shapes, not squares.

    ``off_mainland`` names divisions far from the rest (islands) that the extent leaves out.
    """
    codes = [d.code for d in divisions]
    assert len(divisions) == expected and len(set(codes)) == expected, len(divisions)
    assert set(codes) >= set(some_codes)
    assert all(c.startswith(f"{country}-") for c in codes)
    assert all(d.name and d.name.strip() == d.name for d in divisions)

    skip = set(off_mainland)
    shaped = [d for d in divisions if d.code not in skip]
    xs = [x for d in shaped for p in d.polygons for x, _y in p[0]]
    ys = [y for d in shaped for p in d.polygons for _x, y in p[0]]
    west, south, east, north = bounds
    tolerance = max(east - west, north - south) * 0.03
    for edge, want in zip((min(xs), min(ys), max(xs), max(ys)), bounds, strict=True):
        assert abs(edge - want) <= tolerance, (edge, want)
    # Real outlines, not squares: on average many points to a division.
    points = sum(len(ring) for d in shaped for p in d.polygons for ring in p)
    assert points >= 15 * len(shaped)
