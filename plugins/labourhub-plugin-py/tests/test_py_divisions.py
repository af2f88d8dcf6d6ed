"""Paraguay's map divisions: the 17 departamentos and Asunción, with real outlines."""

from labourhub_py.divisions import register_map_divisions

from labourhub.plugin_api.testing import divisions_check


def test_each_division_once_with_its_iso_code_name_and_real_outline():
    divisions_check(
        register_map_divisions(),
        country="PY",
        expected=18,
        some_codes={"PY-10", "PY-ASU", "PY-11", "PY-19"},
        bounds=(-62.7, -27.6, -54.2, -19.3),
    )
