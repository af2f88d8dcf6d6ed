"""Every date and time a ministry's staff enter or read is on the ministry's clock, stored in UTC.

The test ministry is Honduran (America/Tegucigalpa, UTC-6 all year, no daylight saving).
"""

import datetime as dt

import pytest
import time_machine
from celery import shared_task
from django.utils import timezone, translation

from labourhub.accounts.models import Office
from labourhub.common.localtime import ministry_zone
from labourhub.documents.models import Document
from labourhub.documents.tasks import document_issue_task
from labourhub.enforcement.models import Hearing
from labourhub.workflow.models import CaseEvent
from labourhub.workflow.services import case_open
from tests.case_fixtures import staff  # noqa: F401
from tests.documents.conftest import admin, inspector, template_for  # noqa: F401

UTC = dt.UTC


@shared_task
def clock_probe() -> list[str]:
    return [timezone.get_current_timezone_name(), translation.get_language() or ""]


def _dispute(staff):  # noqa: F811
    return case_open(
        procedure="dispute",
        title="Unpaid wages",
        office=staff["inspector"].office,
        assigned_to=staff["inspector"],
        actor=None,
    )


def test_a_hearing_entered_at_10_in_honduras_shows_10_and_is_stored_in_utc(
    in_ministry,
    staff,  # noqa: F811
    client_for,
    ministry,
):
    case = _dispute(staff)
    client = client_for(ministry)  # Spanish: the ministry's default language
    client.force_login(staff["inspector"])
    response = client.post(
        f"/app/enforcement/cases/{case.pk}/hearings/",
        {
            "room": "Sala 1",
            "officer": staff["inspector"].pk,
            "starts_at": "2026-03-10T10:00",
            "ends_at": "2026-03-10T11:30",
        },
        follow=True,
    )
    assert response.status_code == 200
    hearing = Hearing.objects.get(case=case)
    # Stored in UTC: 10:00 in Tegucigalpa is 16:00 UTC.
    assert hearing.starts_at.astimezone(UTC) == dt.datetime(2026, 3, 10, 16, 0, tzinfo=UTC)
    assert hearing.ends_at.astimezone(UTC) == dt.datetime(2026, 3, 10, 17, 30, tzinfo=UTC)
    page = response.content.decode()
    assert "2026-03-10 10:00\u201311:30" in page  # the hearings list
    assert "16:00" not in page
    # The timeline line written by the service says 10:00 too, and the form names the clock.
    note = CaseEvent.objects.get(case=case, kind="hearing")
    assert "2026-03-10 10:00" in note.text
    assert "America/Tegucigalpa" in page


def test_the_same_instant_reads_in_each_ministrys_own_time(
    ministry, second_ministry, client_for, user_with_role
):
    assert ministry_zone(ministry).key == "America/Tegucigalpa"
    assert ministry_zone(second_ministry).key == "America/Asuncion"
    assert ministry_zone(None).key == "UTC"
    ministry.time_zone = "Not/AZone"
    assert ministry_zone(ministry).key == "UTC"  # a bad name never breaks a page


def test_staff_pages_run_on_the_ministrys_clock(client_for, ministry, user_with_role):
    admin_user = user_with_role("system_admin")
    client = client_for(ministry)
    # 03:00 UTC on 1 January is still 31 December, 21:00 in Tegucigalpa.
    with time_machine.travel(dt.datetime(2027, 1, 1, 3, 0, tzinfo=UTC), tick=False):
        client.force_login(admin_user)
        client.get("/app/account/?totp=start")  # writes an audit event "now"
        page = client.get("/app/audit/").content.decode()
    assert 'datetime="2026-12-31T21:00:00-06:00"' in page


def test_a_celery_task_runs_on_the_ministrys_clock_and_language(in_ministry):
    timezone.deactivate()
    translation.activate("en")
    zone, language = clock_probe.delay().get()
    assert zone == "America/Tegucigalpa"
    assert language == "es"
    # The caller's clock and language come back afterwards.
    assert timezone.get_current_timezone_name() == "UTC"
    assert translation.get_language() == "en"


@pytest.mark.usefixtures("in_ministry")
def test_a_pdf_issued_by_a_task_late_in_the_evening_carries_the_local_date(
    inspector,  # noqa: F811
    template_for,  # noqa: F811
):
    template_for("certificate")
    timezone.deactivate()
    # 03:00 UTC on 1 January 2027 is 21:00 on 31 December 2026 in Honduras.
    with time_machine.travel(dt.datetime(2027, 1, 1, 3, 0, tzinfo=UTC), tick=False):
        pk = document_issue_task.delay(
            kind="certificate",
            subject_label="accounts.Office",
            subject_id=str(Office.objects.get(code="T-DIS").pk),
            officer_id=inspector.pk,
        ).get()
    doc = Document.objects.get(pk=pk)
    assert "-2026-" in doc.number, doc.number  # numbered in the local year, not 2027
