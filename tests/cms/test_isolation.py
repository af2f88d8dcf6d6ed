"""Another ministry can reach none of this ministry's indicators, datasets or pages."""

from cms.models import Indicator
from cms.services import dataset_submit
from labourhub.accounts.roles import Role
from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tenants.context import ministry_context
from tests.cms.conftest import english, upload


def test_second_ministry_cannot_reach_first_ministry_data(
    lmi, client_for, api_client_for, second_ministry
):
    dataset = dataset_submit(
        actor=lmi.stats, indicator=lmi.unemployment, upload=upload("period,sex,value\n2024,F,9\n")
    )
    other = english(client_for(second_ministry))
    assert other.get("/lmi/data/unemployment-rate.csv").status_code == 404
    assert other.get("/lmi/data/unemployment-rate.sdmx.json").status_code == 404
    api = api_client_for(second_ministry)
    assert api.get("/api/v1/open/indicators/unemployment-rate/").status_code == 404
    listing = api.get("/api/v1/open/indicators/").json()["results"]
    assert all(i["code"] != "unemployment-rate" for i in listing)
    with ministry_context(second_ministry):
        from labourhub.accounts.services import user_create

        editor2 = user_create(
            username="editor2", password=TEST_PASSWORD, roles=[Role.DIRECTOR], actor=None
        )
        assert not Indicator.objects.exists()
        other.force_login(editor2)
    assert other.get(f"/lmi/datasets/{dataset.pk}/").status_code == 404
    response = other.post(f"/lmi/datasets/{dataset.pk}/approve/", {"release_at": "2031-01-01"})
    assert response.status_code == 404
    dataset.refresh_from_db()
    assert dataset.status == "submitted"


def test_first_ministry_editor_cannot_sign_into_second(lmi, client_for, second_ministry):
    other = english(client_for(second_ministry))
    response = other.post("/app/login/", {"username": "editor", "password": TEST_PASSWORD})
    assert response.status_code == 200  # the form again, with an error
    assert other.get("/lmi/contribute/").status_code == 302  # to the login page
