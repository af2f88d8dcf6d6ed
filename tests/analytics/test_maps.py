"""The dashboard map: divisions from a country pack or the ministry's own upload, offices matched
by code or name, and the upload's checks against hostile files."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from labourhub.accounts.roles import Role
from labourhub.analytics import divisions as parser
from labourhub.analytics import geo
from labourhub.analytics.divisions import MAX_BYTES, divisions_parse, map_divisions_load
from labourhub.analytics.models import DivisionMap
from labourhub.analytics.selectors import map_divisions_current
from labourhub.audit.models import AuditEvent
from labourhub.extensions import hookimpl
from labourhub.extensions.country_types import MapDivision
from tests.extensions.effects import effect_of

URL = "/app/analytics/map/"
PERIOD = "start=2025-01&end=2025-12"


def square(lon, lat, size=0.5):
    ring = ((lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat))
    return (ring,)


def feature(code, name, geometry):
    return {"type": "Feature", "properties": {"code": code, "name": name}, "geometry": geometry}


def polygon(lon, lat, size=0.5):
    return {"type": "Polygon", "coordinates": [[list(p) for p in square(lon, lat, size)[0]]]}


def collection(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


class HondurasMap:
    """A pack declaring three departments around Tegucigalpa and San Pedro Sula."""

    @hookimpl
    def register_map_divisions(self, tenant):
        return [
            MapDivision("HN-FM", "Francisco Morazán", (square(-87.5, 13.8),)),
            MapDivision("HN-CR", "Cortés", (square(-88.2, 15.2),)),
            MapDivision("HN-OL", "Olancho", (square(-86.5, 14.5, 1.0),)),
        ]


@pytest.fixture
def hn_map(register_temporary_plugin, ministry):
    return register_temporary_plugin(HondurasMap(), slug="hn-map", active_for=(ministry,))


def _client(client_for, ministry, user):
    client = client_for(ministry)
    client.force_login(user)
    return client


# -- matching offices to divisions -----------------------------------------------------------


def test_offices_match_by_iso_code_then_code_suffix_then_name():
    divisions = [
        MapDivision("PE-LIM", "Lima", (square(-77, -12),)),
        MapDivision("PE-LMA", "Lima Metropolitana", (square(-77.1, -12.1, 0.1),)),
        MapDivision("PE-ARE", "Arequipa", (square(-72, -16),)),
        MapDivision("VN-HN", "Hà Nội", (square(105.8, 21),)),
        MapDivision("VN-DN", "Đà Nẵng", (square(108.2, 16),)),
    ]
    regions = [
        (1, "LIM", "Intendencia Regional de Lima"),  # code suffix
        (2, "MET", "Intendencia de Lima Metropolitana"),  # longest name wins over "Lima"
        (3, "PE-ARE", "Arequipa"),  # exact ISO code
        (4, "X1", "Ha Noi"),  # name without accents
        (5, "X2", "Thanh tra Da Nang"),  # Đ read as D
        (6, "ZZZ", "Nowhere"),
    ]
    found = {rid: d.code for rid, d in geo.match_regions(divisions, regions).items()}
    assert found == {1: "PE-LIM", 2: "PE-LMA", 3: "PE-ARE", 4: "VN-HN", 5: "VN-DN"}


def test_a_division_goes_to_one_office_and_an_exact_code_beats_a_name():
    divisions = [MapDivision("HN-FM", "Francisco Morazán", (square(-87.5, 13.8),))]
    regions = [(1, "TGU", "Francisco Morazán"), (2, "HN-FM", "Regional Centro")]
    assert {rid: d.code for rid, d in geo.match_regions(divisions, regions).items()} == {2: "HN-FM"}


def test_the_map_draws_matched_offices_in_their_outline_others_pale_and_squares_below():
    divisions = [
        MapDivision("HN-FM", "Francisco Morazán", (square(-87.5, 13.8),)),
        MapDivision("HN-OL", "Olancho", (square(-86.5, 14.5, 1.0),)),
    ]
    drawing = geo.region_map(
        divisions=divisions,
        regions=[(1, "HN-FM", "Tegucigalpa"), (2, "X", "Unknown")],
        values={1: None, 2: None},
    )
    by_id = {s.region_id: s for s in drawing.shapes}
    assert by_id[1].division == "Francisco Morazán" and "h36" not in by_id[1].path
    assert by_id[2].division == "" and by_id[2].path.endswith("h-36Z")
    assert [o.name for o in drawing.background] == ["Olancho"]
    # The square sits below the country, inside the picture.
    assert by_id[2].label_y > max(float(p.split(",")[1]) for p in by_id[1].path[1:-1].split("L"))
    assert by_id[2].label_y < drawing.height


def test_without_divisions_every_office_is_a_square():
    drawing = geo.region_map(divisions=[], regions=[(1, "A", "North")], values={})
    assert drawing.background == [] and drawing.shapes[0].path.startswith("M10,10h")


@effect_of("register_map_divisions")
def test_a_pack_s_divisions_draw_the_dashboard_map(
    hn_map, refreshed, client_for, ministry, user_with_role
):
    from labourhub.accounts.models import Office

    director = user_with_role(Role.DIRECTOR)
    Office.objects.filter(code="T-REG").update(code="HN-FM")
    Office.objects.filter(code="T-REG2").update(name="Dirección Regional de Cortés")
    response = _client(client_for, ministry, director).get(f"/app/analytics/?{PERIOD}")
    assert response.status_code == 200
    shapes = {m["shape"].name: m["shape"] for m in response.context["map_shapes"]}
    assert shapes["Test region"].division == "Francisco Morazán"
    assert shapes["Dirección Regional de Cortés"].division == "Cortés"
    assert shapes["Test region"].fill != shapes["Dirección Regional de Cortés"].fill
    assert [o.name for o in response.context["map_background"]] == ["Olancho"]
    html = response.content.decode()
    assert '<path class="bg"' in html and "<title>Olancho</title>" in html
    assert f'<path d="{shapes["Test region"].path}"' in html


def test_where_no_pack_is_active_the_map_falls_back_to_squares(
    hn_map, second_ministry, in_second_ministry
):
    divisions, upload = map_divisions_current(tenant=second_ministry)
    assert divisions == [] and upload is None


# -- the parser ------------------------------------------------------------------------------


def test_a_valid_file_is_reduced_to_code_name_and_outline():
    data = collection(
        {
            "type": "Feature",
            "properties": {"code": "hn-fm", "name": " Francisco Morazán ", "extra": "x" * 500},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[[[-87.5, 13.8, 900], [-87.0, 13.8], [-87.0, 14.3]]]],
            },
        }
    )
    (division,) = divisions_parse(b"\xef\xbb\xbf" + data)  # a BOM is tolerated
    assert division.code == "HN-FM" and division.name == "Francisco Morazán"
    ring = division.polygons[0][0]
    assert ring[0] == ring[-1] == (-87.5, 13.8) and len(ring) == 4  # closed, altitude dropped


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
        (b'{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": []}', "no divisions"),
        (collection(feature("HN-FM", "X", {"type": "Point", "coordinates": [1, 2]})), "Point"),
        (collection(feature("HN-FM", "X", {"type": "LineString", "coordinates": []})), "Polygon"),
        (collection(feature("HN-FM", "X", None)), "only Polygon"),
        (collection(feature("HN-FM", "<script>alert(1)</script>", polygon(-87, 14))), "plain"),
        (collection(feature("HN-FM", "a\x00b", polygon(-87, 14))), "plain"),
        (collection(feature("HN-FM", "", polygon(-87, 14))), "plain"),
        (collection(feature("<b>", "X", polygon(-87, 14))), "code"),
        (collection(feature(None, "X", polygon(-87, 14))), "code"),
        (collection(feature("HN-FM", "X", polygon(-87, 95))), "off the globe"),
        (collection(feature("HN-FM", "X", polygon(500000, 1500000))), "off the globe"),
        (
            collection(
                feature("HN-FM", "X", {"type": "Polygon", "coordinates": [[["a", "b"], [1, 2]]]})
            ),
            "closed rings",
        ),
        (
            collection(
                feature("HN-FM", "X", {"type": "Polygon", "coordinates": [[[True, 1], [1, 2]]]})
            ),
            "closed rings",
        ),
        (
            b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
            b'{"code":"HN-FM","name":"X"},"geometry":{"type":"Polygon","coordinates":'
            b"[[[NaN,1],[1,2],[2,2],[NaN,1]]]}}]}",
            "not valid JSON",
        ),
        (
            collection(
                feature("HN-FM", "X", polygon(-87, 14)), feature("hn-fm", "Y", polygon(-86, 14))
            ),
            "twice",
        ),
    ],
)
def test_hostile_files_are_refused_with_a_clear_message(data, message):
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        divisions_parse(data)
    assert message in " ".join(caught.value.messages)


def test_files_over_the_limits_are_refused(monkeypatch):
    with translation.override("en"):
        with pytest.raises(ValidationError, match="larger than 2 MB"):
            divisions_parse(b" " * (MAX_BYTES + 1))
        monkeypatch.setattr(parser, "MAX_POINTS", 10)
        ring = [[-87 + i * 0.01, 14] for i in range(12)] + [[-87, 14.5], [-87, 14]]
        many = collection(feature("HN-FM", "X", {"type": "Polygon", "coordinates": [ring]}))
        with pytest.raises(ValidationError, match="more than 10 points"):
            divisions_parse(many)
        monkeypatch.setattr(parser, "MAX_DIVISIONS", 1)
        two = collection(feature("A", "A", polygon(1, 1)), feature("B", "B", polygon(2, 2)))
        with pytest.raises(ValidationError, match="more than 1 divisions"):
            divisions_parse(two)


def test_a_pack_file_is_read_once_and_a_broken_one_names_itself(tmp_path):
    good = tmp_path / "divisions.geojson"
    good.write_bytes(collection(feature("HN-FM", "Francisco Morazán", polygon(-87.5, 13.8))))
    first = map_divisions_load(good)
    assert first == map_divisions_load(good) and first[0].code == "HN-FM"
    broken = tmp_path / "broken.geojson"
    broken.write_bytes(b"{")
    with pytest.raises(ValueError, match=r"broken\.geojson"):
        map_divisions_load(broken)


# -- the administrator's upload --------------------------------------------------------------


def _upload(client, data, name="regions.geojson", **extra):
    return client.post(
        URL, {"file": SimpleUploadedFile(name, data, "application/geo+json")}, **extra
    )


def test_the_administrator_s_outlines_replace_the_pack_s_and_are_audited(
    hn_map, offices, client_for, ministry, user_with_role
):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    client = _client(client_for, ministry, admin)
    page = client.get(URL)
    assert page.status_code == 200
    assert {name: d for name, _code, d in page.context["rows"]} == {
        "Test region": None,  # T-REG matches no Honduran department
        "Second region": None,
    }
    data = collection(
        feature("T-REG", "Región Centro", polygon(-87.6, 13.7, 0.8)),
        feature("HN-OL", "Olancho", polygon(-86.5, 14.5)),
    )
    response = _upload(client, data)
    assert response.status_code == 302
    upload = DivisionMap.objects.get()
    assert upload.division_count == 2 and upload.uploaded_by == admin
    assert [f["properties"] for f in upload.geojson["features"]] == [
        {"code": "T-REG", "name": "Región Centro"},
        {"code": "HN-OL", "name": "Olancho"},
    ]
    event = AuditEvent.objects.filter(action="division_map.uploaded").latest("id")
    assert event.extra["values"]["divisions"] == 2 and event.actor_id == admin.pk
    divisions, current = map_divisions_current(tenant=ministry)
    assert current == upload and {d.code for d in divisions} == {"T-REG", "HN-OL"}
    page = client.get(URL)
    assert {name: getattr(d, "code", None) for name, _code, d in page.context["rows"]} == {
        "Test region": "T-REG",
        "Second region": None,
    }
    assert "Región Centro" in page.content.decode() and "regions.geojson" in page.content.decode()
    # Going back to the pack's outlines keeps the upload on record, and is audited too.
    assert client.post(f"{URL}withdraw/").status_code == 302
    divisions, current = map_divisions_current(tenant=ministry)
    assert current is None and {d.code for d in divisions} == {"HN-FM", "HN-CR", "HN-OL"}
    assert DivisionMap.objects.get().withdrawn_at is not None
    assert AuditEvent.objects.filter(action="division_map.withdrawn").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", "El archivo no es un JSON válido"),
        (b" " * (MAX_BYTES + 1), "El archivo pesa más de 2 MB"),
        (
            collection(feature("T-REG", "X", {"type": "Point", "coordinates": [-87, 14]})),
            "solo se aceptan contornos Polygon y MultiPolygon",
        ),
        (
            collection(feature("T-REG", "<script>alert(1)</script>", polygon(-87, 14))),
            "texto sin formato",
        ),
        (collection(feature("CO-ANT", "Antioquia", polygon(-75.5, 6.5))), "ISO 3166-2"),
        (collection(feature("HN-YO", "Yoro", polygon(-87, 15))), "Ninguna división"),
        # Latitude and longitude swapped: the outline lands off Africa, far from Honduras.
        (collection(feature("T-REG", "Centro", polygon(14, -87.5))), "fuera del país"),
    ],
)
def test_hostile_uploads_get_a_translated_error_and_save_nothing(
    hn_map, offices, client_for, ministry, user_with_role, data, message
):
    client = _client(client_for, ministry, user_with_role(Role.SYSTEM_ADMIN))
    with translation.override("es"):
        response = _upload(client, data, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body, body[body.find('class="error"') :][:400]
    assert "<script>alert(1)</script>" not in body
    assert not DivisionMap.objects.exists()
    assert not AuditEvent.objects.filter(action="division_map.uploaded").exists()


def test_only_those_who_configure_analytics_reach_the_page(
    offices, client_for, ministry, user_with_role
):
    inspector = _client(client_for, ministry, user_with_role(Role.INSPECTOR))
    assert inspector.get(URL).status_code == 403
    data = collection(feature("T-REG", "Centro", polygon(-87.6, 13.7)))
    assert _upload(inspector, data).status_code == 403
    assert inspector.post(f"{URL}withdraw/").status_code == 403
    assert not DivisionMap.objects.exists()
    director = _client(client_for, ministry, user_with_role(Role.DIRECTOR))
    assert director.get(URL).status_code == 200


def test_another_ministry_s_administrator_cannot_reach_or_change_this_map(
    offices, client_for, ministry, second_ministry, user_with_role
):
    from labourhub.accounts.services import user_create
    from tenants.context import ministry_context

    admin = user_with_role(Role.SYSTEM_ADMIN)
    assert (
        _upload(
            _client(client_for, ministry, admin),
            collection(feature("T-REG", "Centro", polygon(-87.6, 13.7))),
        ).status_code
        == 302
    )
    with ministry_context(second_ministry):
        other = user_create(
            username="admin.py",
            password="Test-password-2026",
            office=None,
            roles=[Role.SYSTEM_ADMIN],
            actor=None,
        )
        # The first ministry's outlines are not the second's.
        assert map_divisions_current(tenant=second_ministry) == ([], None)
        assert not DivisionMap.objects.exists()
        own = _client(client_for, second_ministry, other)
        assert "Centro" not in own.get(URL).content.decode()
        # Signed in at their own ministry, then sent to this ministry's address.
        intruder = client_for(ministry)
        intruder.force_login(other)
    assert intruder.get(URL).status_code in (302, 403, 404)
    assert intruder.post(f"{URL}withdraw/").status_code in (302, 403, 404)
    response = _upload(intruder, collection(feature("T-REG", "Hack", polygon(-87.6, 13.7))))
    assert response.status_code in (302, 403, 404)
    assert list(DivisionMap.objects.values_list("withdrawn_at", flat=True)) == [None]
    assert not DivisionMap.objects.filter(geojson__features__0__properties__name="Hack").exists()
