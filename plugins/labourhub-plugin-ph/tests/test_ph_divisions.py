"""The Philippines's map divisions: the 17 regions, dissolved from Natural Earth's provinces, with real outlines."""

from labourhub_ph.divisions import register_map_divisions

EXPECTED = 17
SOME_CODES = {"PH-41", "PH-00", "PH-07", "PH-14", "PH-40", "PH-11"}
# (west, south, east, north) of the country, in degrees
COUNTRY = (116.9, 4.6, 126.7, 21.0)


def _bounds(divisions):
    xs = [x for d in divisions for p in d.polygons for x, _y in p[0]]
    ys = [y for d in divisions for p in d.polygons for _x, y in p[0]]
    return min(xs), min(ys), max(xs), max(ys)


def test_the_pack_ships_each_division_once_with_its_iso_code_and_name():
    divisions = register_map_divisions()
    codes = [d.code for d in divisions]
    assert len(divisions) == EXPECTED and len(set(codes)) == EXPECTED
    assert set(codes) >= SOME_CODES
    assert all(c.startswith("PH-") for c in codes)
    assert all(d.name and d.name.strip() == d.name for d in divisions)


def test_the_outlines_are_the_country_s_real_shape():
    divisions = register_map_divisions()
    west, south, east, north = _bounds(divisions)
    cw, cs, ce, cn = COUNTRY
    tolerance = max(ce - cw, cn - cs) * 0.03
    for edge, expected in zip((west, south, east, north), COUNTRY, strict=True):
        assert abs(edge - expected) <= tolerance, (edge, expected)
    # Real outlines, not squares: on average many points to a division.
    points = sum(len(ring) for d in divisions for p in d.polygons for ring in p)
    assert points >= 15 * len(divisions)
