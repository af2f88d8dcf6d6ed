"""Viet Nam's map divisions: the 63 provinces and cities, with real outlines."""

from labourhub_vn.divisions import register_map_divisions

from labourhub.plugin_api.testing import divisions_check


def test_each_division_once_with_its_iso_code_name_and_real_outline():
    divisions_check(
        register_map_divisions(),
        country="VN",
        expected=63,
        some_codes={"VN-53", "VN-DN", "VN-66", "VN-39", "VN-SG", "VN-HN"},
        bounds=(102.1, 8.5, 109.5, 23.4),
    )
