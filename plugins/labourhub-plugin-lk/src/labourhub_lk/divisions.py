"""Sri Lanka: the provinces the ministry's maps are drawn in.

The outlines are built from Natural Earth by ``infra/maps/build_divisions.py``; see
``data/README.md`` for the source, licence and what was changed.
"""

from pathlib import Path

from labourhub.plugin_api import MapDivision, hookimpl, map_divisions_load

DATA = Path(__file__).parent / "data" / "divisions.geojson"


@hookimpl
def register_map_divisions() -> list[MapDivision]:
    return map_divisions_load(DATA)
