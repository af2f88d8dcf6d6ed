from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied

from cms.models import Dataset
from cms.services import dataset_approve, dataset_return, dataset_submit
from labourhub.common.exceptions import ApplicationError
from tests.cms.conftest import english, upload

WHEN = datetime(2031, 1, 1, tzinfo=UTC)


@pytest.fixture
def dataset(lmi):
    return dataset_submit(
        actor=lmi.stats, indicator=lmi.unemployment, upload=upload("period,sex,value\n2024,F,9\n")
    )


def test_agency_user_cannot_approve_own_upload(lmi, dataset):
    with pytest.raises(PermissionDenied, match="vetting"):
        dataset_approve(actor=lmi.stats, dataset=dataset, release_at=WHEN)
    dataset.refresh_from_db()
    assert dataset.status == Dataset.Status.SUBMITTED


def test_return_needs_a_comment_and_a_returned_upload_cannot_be_approved(lmi, dataset):
    with pytest.raises(ApplicationError):
        dataset_return(actor=lmi.editor, dataset=dataset, comment="  ")
    dataset_return(actor=lmi.editor, dataset=dataset, comment="Fix 2024")
    with pytest.raises(ApplicationError):
        dataset_approve(actor=lmi.editor, dataset=dataset, release_at=WHEN)


def test_editor_vets_through_the_web(lmi, dataset, client_for, ministry):
    web = english(client_for(ministry))
    web.force_login(lmi.editor)
    bad = web.post(f"/lmi/datasets/{dataset.pk}/approve/", {"release_at": "tomorrow"})
    assert bad.status_code == 400
    dataset.refresh_from_db()
    assert dataset.status == Dataset.Status.SUBMITTED
    ok = web.post(f"/lmi/datasets/{dataset.pk}/approve/", {"release_at": "2031-01-01T09:00"})
    assert ok.status_code == 302
    dataset.refresh_from_db()
    assert dataset.status == Dataset.Status.APPROVED and dataset.release is not None
    again = web.post(f"/lmi/datasets/{dataset.pk}/return/", {"comment": "late"})
    assert again.status_code == 409


def test_agency_user_cannot_post_vetting(lmi, dataset, client_for, ministry):
    web = english(client_for(ministry))
    web.force_login(lmi.stats)
    response = web.post(f"/lmi/datasets/{dataset.pk}/approve/", {"release_at": "2031-01-01"})
    assert response.status_code == 403
    dataset.refresh_from_db()
    assert dataset.status == Dataset.Status.SUBMITTED


def test_release_calendar_lists_the_approved_date(lmi, dataset, client_for, ministry):
    from cms.models import HomePage, ReleaseCalendarPage

    cal = ReleaseCalendarPage(title="Release calendar", slug="releases")
    HomePage.objects.get().add_child(instance=cal)
    cal.save_revision().publish()
    web = english(client_for(ministry))
    assert "No release is scheduled" in web.get(cal.url).content.decode()
    dataset_approve(actor=lmi.editor, dataset=dataset, release_at=WHEN)
    html = web.get(cal.url).content.decode()  # approval invalidated the cached page
    # The same instant, on the ministry's clock (Tegucigalpa, UTC-6).
    assert "2030-12-31T18:00:00-06:00" in html and "Unemployment rate: new data" in html


def test_menu_offers_uploads_to_agency_users_and_vetting_to_the_editor(lmi, client_for, ministry):
    web = english(client_for(ministry))
    web.force_login(lmi.stats)
    html = web.get("/lmi/contribute/").content.decode()
    assert "LMI data uploads" in html and "LMI data vetting" not in html
    web.force_login(lmi.editor)
    html = web.get("/lmi/contribute/").content.decode()
    assert "LMI data vetting" in html and "Upload a dataset" not in html
