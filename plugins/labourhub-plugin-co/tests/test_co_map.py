"""A Colombian ministry's dashboard map shows the real departamentos, its offices in theirs."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from labourhub_co.hooks import SLUG

from labourhub.plugin_api import Role


@pytest.fixture
def pack(enable_plugin, ministry):
    at = dt.datetime(2026, 11, 27, 10, tzinfo=zoneinfo.ZoneInfo(ministry.time_zone))
    with time_machine.travel(at, tick=False):
        return enable_plugin(SLUG)


def test_the_dashboard_draws_the_departamentos_and_the_offices_in_theirs(
    pack, ministry, in_ministry, client_for, user_with_role
):
    from labourhub.accounts.services import office_create

    # As the demo ministry: an ISO code, an old short code, and a name only.
    for code, name in (
        ("CO-ANT", "Dirección Territorial de Antioquia"),
        ("CUN", "Dirección Territorial de Cundinamarca"),
        ("DT-ATL", "Dirección Territorial del Atlántico"),
        ("DT-X", "Dirección Territorial Especial"),
    ):
        office_create(code=code, name=name, level="region", actor=None)
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    response = client.get("/app/analytics/")
    assert response.status_code == 200
    shapes = {m["shape"].name: m["shape"] for m in response.context["map_shapes"]}
    antioquia = shapes["Dirección Territorial de Antioquia"]
    cundinamarca = shapes["Dirección Territorial de Cundinamarca"]
    assert antioquia.division == "Antioquia"
    assert cundinamarca.division == "Cundinamarca"
    assert shapes["Dirección Territorial del Atlántico"].division == "Atlántico"
    assert shapes["Dirección Territorial Especial"].division == ""  # a square below the map
    # Real outlines in the right places: Antioquia lies north-west of Cundinamarca, the
    # Caribbean coast (Atlántico) north of both.
    assert antioquia.path.count("L") > 20
    assert antioquia.label_x < cundinamarca.label_x and antioquia.label_y < cundinamarca.label_y
    assert shapes["Dirección Territorial del Atlántico"].label_y < antioquia.label_y
    # Every other departamento is drawn pale for orientation; the test region of the kit (no
    # Colombian name) is a square too.
    background = {o.name for o in response.context["map_background"]}
    assert len(background) == 33 - 3 and "Bogotá D.C." in background
    html = response.content.decode()
    assert html.count('<path class="bg"') == 30
    width, height = response.context["map_size"]
    assert height > width  # Colombia is taller than it is wide
