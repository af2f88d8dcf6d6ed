"""Colombia's map divisions: the 32 departamentos and Bogotá D.C., with real outlines.

San Andrés y Providencia lies 700 km off the mainland, so the shape test leaves it out.
"""

from labourhub_co.divisions import register_map_divisions

from labourhub.plugin_api.testing import divisions_check


def test_each_division_once_with_its_iso_code_name_and_real_outline():
    divisions_check(
        register_map_divisions(),
        country="CO",
        expected=33,
        some_codes={"CO-DC", "CO-VAC", "CO-ANT", "CO-SAP", "CO-CUN"},
        bounds=(-79.1, -4.3, -66.8, 12.5),
        off_mainland=["CO-SAP"],
    )
