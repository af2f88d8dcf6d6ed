"""A plugin names its country; the core loads the national holidays into the calendar."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from labourhub.audit.models import AuditEvent
from labourhub.extensions import hookimpl
from labourhub.extensions.country_types import NationalCalendar
from labourhub.workflow.calendar import calendar_current
from labourhub.workflow.models import CalendarDay, Deadline, NationalHolidayDeclined
from labourhub.workflow.national_calendar import national_calendar_fill, national_holidays
from labourhub.workflow.services import calendar_day_add, calendar_day_remove, case_open
from tests.extensions.effects import effect_of
from tests.workflow.helpers import at

D = dt.date.fromisoformat


class ColombiaCalendar:
    @hookimpl
    def register_national_calendars(self, tenant):
        return [NationalCalendar("CO", language="es")]


@pytest.fixture
def co_calendar(register_temporary_plugin, ministry):
    return register_temporary_plugin(ColombiaCalendar(), slug="co-cal", active_for=(ministry,))


@effect_of("register_national_calendars")
def test_the_national_calendar_fills_three_years_in_spanish_and_keeps_the_ministry_s_days(
    co_calendar, ministry, in_ministry, staff
):
    # The ministry's own closure and its own name for a holiday are there before the fill.
    calendar_day_add(
        date=D("2026-12-24"), name="Cierre de fin de año", kind="closure", actor=staff["admin"]
    )
    calendar_day_add(date=D("2026-12-25"), name="Navidad (oficina cerrada)", actor=staff["admin"])
    with time_machine.travel(at("2026-12-03"), tick=False):
        added = national_calendar_fill(tenant=ministry)
    days = {d.date: d for d in CalendarDay.objects.filter(kind="holiday")}
    assert added == len(days) - 1 and added > 50
    assert {d.year for d in days} == {2026, 2027, 2028}
    # Ley Emiliani: Reyes Magos (6 January 2027, a Wednesday) is observed on Monday 11 January.
    assert days[D("2027-01-11")].name == "Día de los Reyes Magos (observado)"
    assert D("2027-01-06") not in days
    assert days[D("2027-01-01")].name == "Año Nuevo"
    # What the ministry entered is untouched.
    assert days[D("2026-12-25")].name == "Navidad (oficina cerrada)"
    assert CalendarDay.objects.filter(date=D("2026-12-24"), kind="closure").exists()
    cal = calendar_current()
    assert not cal.is_working(D("2027-01-11")) and cal.is_working(D("2027-01-06"))
    event = AuditEvent.objects.filter(action="calendar_day.seeded").latest("id")
    assert event.extra["values"]["country"] == "CO"
    # Running it again adds nothing.
    with time_machine.travel(at("2026-12-03"), tick=False):
        assert national_calendar_fill(tenant=ministry) == 0


def test_an_open_deadline_spanning_a_new_holiday_moves(co_calendar, ministry, in_ministry, staff):
    with time_machine.travel(at("2027-01-04"), tick=False):  # a Monday
        case = case_open(
            procedure="complaint",
            title="Horas extra sin pagar",
            office=staff["inspector"].office,
            assigned_to=staff["inspector"],
            actor=staff["supervisor"],
        )
        before = {d.pk: d.due_on for d in Deadline.objects.filter(case=case)}
        national_calendar_fill(tenant=ministry)
    moved = {d.pk: d.due_on for d in Deadline.objects.filter(case=case)}
    spanning = [pk for pk, due in before.items() if due >= D("2027-01-11")]
    assert spanning and all(moved[pk] > before[pk] for pk in spanning)


def test_nothing_is_loaded_where_no_pack_is_active(
    co_calendar, second_ministry, in_second_ministry
):
    before = CalendarDay.objects.count()
    assert national_calendar_fill(tenant=second_ministry, today=D("2026-12-03")) == 0
    assert CalendarDay.objects.count() == before


def test_unknown_countries_are_refused():
    with pytest.raises(ValueError):
        national_holidays(country="XX", years=range(2026, 2027))
    with pytest.raises(ValueError):
        national_holidays(country="'; DROP TABLE x; --", years=range(2026, 2027))


def test_the_daily_task_rolls_each_ministry_s_calendar_forward(
    co_calendar, ministry, second_ministry
):
    from tenants.calendar_schedules import country_packs_apply_all
    from tenants.context import ministry_context

    with time_machine.travel(at("2027-01-02"), tick=False):
        assert country_packs_apply_all() > 0
        assert country_packs_apply_all() == 0  # idempotent
    with ministry_context(ministry):
        years = set(CalendarDay.objects.values_list("date__year", flat=True))
        assert years == {2027, 2028, 2029}
    with ministry_context(second_ministry):
        assert not CalendarDay.objects.filter(date__year=2029).exists()


class BrokenCalendar:
    @hookimpl
    def register_national_calendars(self, tenant):
        return [NationalCalendar("ZZ")]


def test_one_ministry_s_broken_pack_does_not_stop_the_others(
    register_temporary_plugin, ministry, second_ministry
):
    from tenants.calendar_schedules import country_packs_apply_all
    from tenants.context import ministry_context

    register_temporary_plugin(BrokenCalendar(), slug="zz-cal", active_for=(ministry,))
    register_temporary_plugin(ColombiaCalendar(), slug="co-cal", active_for=(second_ministry,))
    with time_machine.travel(at("2026-12-03"), tick=False):
        assert country_packs_apply_all() > 0
    with ministry_context(second_ministry):
        assert CalendarDay.objects.filter(date=D("2027-01-11")).exists()


@pytest.mark.parametrize(("country", "ahead"), [("COL", 2), ("C1", 2), ("CO", -1), ("CO", 50)])
def test_a_pack_cannot_declare_a_nonsensical_calendar(country, ahead):
    with pytest.raises(ValueError):
        NationalCalendar(country, years_ahead=ahead)


def test_a_national_holiday_the_ministry_removes_stays_removed_until_put_back(
    co_calendar, ministry, in_ministry, staff, client_for
):
    with time_machine.travel(at("2026-12-03"), tick=False):
        national_calendar_fill(tenant=ministry)
        reyes = CalendarDay.objects.get(date=D("2027-01-11"))
        assert reyes.source == CalendarDay.Source.NATIONAL
        calendar_day_remove(day=reyes, actor=staff["admin"])
        # The daily reload does not bring it back.
        assert national_calendar_fill(tenant=ministry) == 0
        assert not CalendarDay.objects.filter(date=D("2027-01-11")).exists()
        assert calendar_current().is_working(D("2027-01-11"))
        # The calendar screen lists it as removed, with the way back.
        client = client_for(ministry)
        client.force_login(staff["admin"])
        page = client.get(reverse("workflow:calendar")).content.decode()
        assert "Día de los Reyes Magos (observado)" in page
        # Putting it back by hand makes it a ministry day, and the reload keeps it.
        calendar_day_add(date=D("2027-01-11"), name="Reyes Magos", actor=staff["admin"])
        assert not NationalHolidayDeclined.objects.exists()
        assert national_calendar_fill(tenant=ministry) == 0
        day = CalendarDay.objects.get(date=D("2027-01-11"))
        assert (day.name, day.source) == ("Reyes Magos", CalendarDay.Source.MINISTRY)


def test_removing_a_ministry_day_declines_nothing(co_calendar, ministry, in_ministry, staff):
    day, _moved = calendar_day_add(date=D("2027-03-03"), name="Cierre", actor=staff["admin"])
    calendar_day_remove(day=day, actor=staff["admin"])
    assert not NationalHolidayDeclined.objects.exists()
