"""The ministry's administrator loads a gazette's holiday list (e.g. Sri Lanka's Poya days) from
a CSV on the calendar page; hostile files save nothing; from 1 October the calendar keepers are
warned when next year has no public holidays yet; another ministry sees none of it."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.audit.models import AuditEvent
from labourhub.workflow.models import CalendarDay
from labourhub.workflow.selectors import calendar_next_year_missing
from tenants.context import ministry_context

pytestmark = pytest.mark.multi_tenant
URL = "/app/cases/calendar/"
D = dt.date.fromisoformat
GOOD = (
    b"date,name\n"
    b"2027-01-22,Duruthu Full Moon Poya Day\n"
    b"2027-02-04,National Day\n"
    b"2027-02-20,Navam Full Moon Poya Day\n"
)


def _post(client, data: bytes, name: str = "gazette-2027.csv"):
    return client.post(URL, {"gazette": "1", "file": SimpleUploadedFile(name, data, "text/csv")})


@pytest.fixture
def admin(in_ministry, user_with_role):
    return user_with_role(Role.DIRECTOR, username="calendar-keeper")


def test_the_gazette_list_is_loaded_and_audited(admin, client_for, ministry):
    web = client_for(ministry)
    web.force_login(admin)
    page = web.get(URL)
    assert page.status_code == 200 and b'name="gazette"' in page.content
    response = _post(web, GOOD)
    assert response.status_code == 302
    names = dict(CalendarDay.objects.values_list("date", "name"))
    assert names == {
        D("2027-01-22"): "Duruthu Full Moon Poya Day",
        D("2027-02-04"): "National Day",
        D("2027-02-20"): "Navam Full Moon Poya Day",
    }
    event = AuditEvent.objects.filter(action="calendar_day.seeded").latest("id")
    assert "gazette-2027.csv" in str(event.payload())
    # Loading the same list again changes nothing.
    assert _post(web, GOOD).status_code == 302
    assert CalendarDay.objects.count() == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"2027-02-30,Not a day\n2027-01-22,Poya\n", "is not a date written as YYYY-MM-DD"),
        (b"22/01/2027,Poya\n", "is not a date written as YYYY-MM-DD"),
        ("2027-01-22,Duruthu Poya\n".encode("utf-16"), "is not UTF-8 text"),
        ("2027-01-22,Poya Día\n".encode("latin-1"), "is not UTF-8 text"),
        (b"2027-01-22,Poya\n2027-01-22,Poya again\n", "is already on line 1"),
        (b"2027-01-22\n", "give a date and a name"),
        (b"2027-01-22,=cmd|' /C calc'!A0,extra\n", "give a date and a name"),
        (b"date,name\n", "has no holiday"),
        (b"2027-01-22," + b"x" * 201 + b"\n", "1 to 200 characters"),
        (b"".join(b"2027-01-01,Day\n" for _ in range(10_000)), "larger than 64 KB"),
    ],
)
def test_hostile_files_save_nothing_and_say_why(admin, client_for, ministry, data, message):
    web = client_for(ministry)
    web.force_login(admin)
    response = _post(web, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CalendarDay.objects.exists()


def test_errors_are_translated(admin, client_for, ministry):
    web = client_for(ministry)
    web.force_login(admin)
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    body = _post(web, b"2027-13-01,Poya\n").content.decode()
    assert "no es una fecha escrita como AAAA-MM-DD" in body
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    body = _post(web, "x".encode("utf-16")).content.decode()
    assert "pas un texte UTF-8" in body
    assert not CalendarDay.objects.exists()


def test_only_calendar_keepers_load_a_list_and_another_ministry_is_untouched(
    admin, user_with_role, client_for, ministry, second_ministry
):
    inspector = user_with_role(Role.INSPECTOR, username="insp-gazette")
    web = client_for(ministry)
    web.force_login(inspector)
    assert _post(web, GOOD).status_code == 403
    assert not CalendarDay.objects.exists()
    web.force_login(admin)
    assert _post(web, GOOD).status_code == 302
    with ministry_context(second_ministry):
        assert not CalendarDay.objects.exists()
        other = user_create(
            username="dir-2", password="Xx-2026-pass!", roles=[Role.DIRECTOR], actor=None
        )
        outsider = client_for(second_ministry)
        outsider.force_login(other)
        assert "Duruthu" not in outsider.get(URL).content.decode()


def test_keepers_are_warned_from_october_when_next_year_has_no_holidays(
    admin, user_with_role, client_for, ministry
):
    inspector = user_with_role(Role.INSPECTOR, username="insp-warn")
    tz = zoneinfo.ZoneInfo(ministry.time_zone)
    assert calendar_next_year_missing(today=D("2026-09-30")) is None
    assert calendar_next_year_missing(today=D("2026-10-01")) == 2027
    # A day repeating every year does not cover a gazette.
    CalendarDay.objects.create(date=D("2026-02-04"), name="National Day", yearly=True)
    assert calendar_next_year_missing(today=D("2026-12-31")) == 2027
    web = client_for(ministry)
    with time_machine.travel(dt.datetime(2026, 10, 2, 9, tzinfo=tz), tick=False):
        web.force_login(admin)
        assert b"data-gazette-missing" in web.get("/app/").content
        assert b"data-gazette-missing" in web.get(URL).content
        web.force_login(inspector)
        assert b"data-gazette-missing" not in web.get("/app/").content
        web.force_login(admin)
        assert _post(web, GOOD).status_code == 302
        assert b"data-gazette-missing" not in web.get("/app/").content
    assert calendar_next_year_missing(today=D("2026-10-02")) is None
