"""Another ministry's connector sources, runs and files are unreachable."""

from django.core.files.storage import default_storage

from labourhub.accounts.roles import Role
from labourhub.connectors.models import ConnectorSource
from tenants.context import ministry_context

from .conftest import payroll_csv


def test_connector_pages_api_and_drops_stay_in_their_ministry(
    in_ministry,
    ministry,
    second_ministry,
    admin,
    site,
    payroll_source,
    run_file,
    client_for,
    api_client_for,
    user_with_role,
):
    source_site = site()
    source = payroll_source(name="Fuente del ministerio A")
    run = run_file(source, "roster.csv", payroll_csv(5))
    own = client_for(ministry)
    own.force_login(admin)
    assert own.get(f"/app/connectors/{source.pk}/").status_code == 200
    assert own.get(f"/app/connectors/runs/{run.pk}/").status_code == 200
    assert (
        api_client_for(ministry, admin)
        .get(f"/api/v1/connectors/runs/{run.pk}/")
        .json()["created_count"]
        == 5
    )

    from django.utils import timezone

    from labourhub.connectors.models import ObservedWorker
    from labourhub.inspections.models import Inspection
    from labourhub.inspections.services import inspection_create

    inspection = inspection_create(
        establishment=source_site,
        origin=Inspection.Origin.PLANNED,
        scheduled_for=timezone.localdate(),
        actor=None,
    )
    with ministry_context(second_ministry):
        other_admin = user_with_role(Role.SYSTEM_ADMIN, username="otheradmin")
        other_inspector = user_with_role(Role.INSPECTOR, username="otherinsp")
        intruder = client_for(second_ministry)
        intruder.force_login(other_inspector)
        assert not ConnectorSource.objects.exists()
        _dirs, files = default_storage.listdir(source.drop_prefix)
        assert files == []  # the same prefix in another ministry's storage is empty
        other = client_for(second_ministry)
        other.force_login(other_admin)
        api = api_client_for(second_ministry, other_admin)
    assert "Fuente del ministerio A" not in other.get("/app/connectors/").content.decode()
    for url in (
        f"/app/connectors/{source.pk}/",
        f"/app/connectors/runs/{run.pk}/",
    ):
        assert other.get(url).status_code == 404, url
    assert (
        other.post(f"/app/connectors/{source.pk}/run/", {"file_name": "roster.csv"}).status_code
        == 404
    )
    assert api.get(f"/api/v1/connectors/runs/{run.pk}/").status_code == 404
    url = f"/app/connectors/inspections/{inspection.pk}/observed/"
    assert intruder.post(url, {"workers": "DNI1"}).status_code == 404
    assert not ObservedWorker.objects.exists()


def test_only_the_administrator_reaches_connector_pages(
    in_ministry, ministry, payroll_source, client_for, api_client_for, user_with_role
):
    source = payroll_source()
    inspector = user_with_role(Role.INSPECTOR, username="nosy")
    browser = client_for(ministry)
    browser.force_login(inspector)
    assert browser.get("/app/connectors/").status_code == 403
    assert browser.get(f"/app/connectors/{source.pk}/").status_code == 403
    api = api_client_for(ministry, inspector)
    assert api.get("/api/v1/connectors/runs/1/").status_code == 403
