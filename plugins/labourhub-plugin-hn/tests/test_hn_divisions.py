"""Honduras's map divisions: the 18 departamentos, with real outlines."""

from labourhub_hn.divisions import register_map_divisions

from labourhub.plugin_api.testing import divisions_check


def test_each_division_once_with_its_iso_code_name_and_real_outline():
    divisions_check(
        register_map_divisions(),
        country="HN",
        expected=18,
        some_codes={"HN-CR", "HN-IB", "HN-AT", "HN-FM"},
        bounds=(-89.4, 12.9, -83.1, 16.5),
    )
