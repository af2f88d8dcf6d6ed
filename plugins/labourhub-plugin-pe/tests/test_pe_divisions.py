"""Peru's map divisions: the regiones, Callao and Lima Metropolitana, with real outlines."""

from labourhub_pe.divisions import register_map_divisions

from labourhub.plugin_api.testing import divisions_check


def test_each_division_once_with_its_iso_code_name_and_real_outline():
    divisions_check(
        register_map_divisions(),
        country="PE",
        expected=26,
        some_codes={"PE-LAL", "PE-ARE", "PE-LIM", "PE-LMA", "PE-CAL"},
        bounds=(-81.4, -18.4, -68.6, -0.03),
    )
