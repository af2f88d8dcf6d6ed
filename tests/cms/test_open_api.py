from datetime import UTC, datetime

from cms.services import observations_apply
from tests.cms.conftest import rows


def test_open_data_api_is_public_and_read_only(lmi, api_client_for, ministry):
    observations_apply(
        indicator=lmi.unemployment,
        dataset=None,
        now=datetime(2030, 1, 1, tzinfo=UTC),
        rows=rows(("2023", {"sex": "F"}, 9.5, "P"), ("2023", {"sex": "M"}, 7.5)),
    )
    api = api_client_for(ministry)
    listing = api.get("/api/v1/open/indicators/")
    assert listing.status_code == 200
    assert {i["code"] for i in listing.json()["results"]} == {
        "unemployment-rate",
        "fatal-injury-rate",
        "labour-inspections",
    }
    detail = api.get("/api/v1/open/indicators/unemployment-rate/").json()
    assert detail["ilo_code"] == "UNE_DEAP_SEX_AGE_RT" and detail["dimensions"] == ["sex"]
    obs = api.get("/api/v1/open/indicators/unemployment-rate/observations/?dim=sex:F").json()[
        "results"
    ]
    assert obs == [{"period": "2023", "dims": {"sex": "F"}, "value": "9.5000", "flag": "P"}]
    assert api.post("/api/v1/open/indicators/", {}).status_code == 405
    assert api.get("/api/v1/open/indicators/nope/").status_code == 404
    hostile = api.get(
        "/api/v1/open/indicators/unemployment-rate/observations/"
        "?dim=sex__in:F&dim=__class__:x&period=' OR 1=1"
    )
    assert hostile.status_code == 200 and hostile.json()["results"] == []


def test_open_api_is_in_the_openapi_schema(lmi, api_client_for, ministry, user_with_role):
    from labourhub.accounts.roles import Role

    staff = user_with_role(Role.ANALYST)
    schema = api_client_for(ministry, user=staff).get("/api/v1/schema/?format=json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/open/indicators/{code}/observations/" in paths
    op = paths["/api/v1/open/indicators/{code}/observations/"]["get"]
    assert op["tags"] == ["open data"]
    assert op.get("security") in (None, [], [{}]) or {} in op["security"]


def test_observations_are_paginated(lmi, api_client_for, ministry):
    points = [(str(y), {"sex": s}, 5) for y in range(1990, 2020) for s in ("F", "M")]
    observations_apply(
        indicator=lmi.unemployment,
        dataset=None,
        now=datetime(2030, 1, 1, tzinfo=UTC),
        rows=rows(*points),
    )
    url = "/api/v1/open/indicators/unemployment-rate/observations/?limit=10&offset=50"
    body = api_client_for(ministry).get(url).json()
    assert body["count"] == 60 and len(body["results"]) == 10 and body["next"] is None
