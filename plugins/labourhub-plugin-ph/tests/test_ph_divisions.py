"""The Philippines's map divisions: the 17 regions, dissolved from Natural Earth's provinces, with real outlines."""

from labourhub_ph.divisions import register_map_divisions

from labourhub.plugin_api.testing import divisions_check


def test_each_division_once_with_its_iso_code_name_and_real_outline():
    divisions_check(
        register_map_divisions(),
        country="PH",
        expected=17,
        some_codes={"PH-41", "PH-00", "PH-07", "PH-14", "PH-40", "PH-11"},
        bounds=(116.9, 4.6, 126.7, 21.0),
    )
