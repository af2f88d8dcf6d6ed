"""Saint Lucia's map divisions: the districts, with real outlines."""

from labourhub_lc.divisions import register_map_divisions

from labourhub.plugin_api.testing import divisions_check


def test_each_division_once_with_its_iso_code_name_and_real_outline():
    divisions_check(
        register_map_divisions(),
        country="LC",
        expected=9,
        some_codes={"LC-08", "LC-02", "LC-01", "LC-06", "LC-11"},
        bounds=(-61.08, 13.71, -60.88, 14.11),
    )
