"""Sri Lanka's map divisions: the 9 provinces, dissolved from Natural Earth's districts, with real outlines."""

from labourhub_lk.divisions import register_map_divisions

from labourhub.plugin_api.testing import divisions_check


def test_each_division_once_with_its_iso_code_name_and_real_outline():
    divisions_check(
        register_map_divisions(),
        country="LK",
        expected=9,
        some_codes={"LK-9", "LK-2", "LK-4", "LK-1"},
        bounds=(79.6, 5.9, 81.9, 9.9),
    )
