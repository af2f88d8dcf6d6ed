import datetime as dt

import pytest

from labourhub.workflow.calendar import CALENDAR_DAYS, MONTHS, WORKING_DAYS, MinistryCalendar

D = dt.date.fromisoformat
CO = MinistryCalendar(dates=frozenset({D("2026-07-20"), D("2026-08-07"), D("2026-08-17")}))


@pytest.mark.parametrize(
    ("start", "amount", "unit", "due"),
    [
        # Friday + 3 calendar days = Monday 20 July, a holiday: the limit runs to Tuesday.
        ("2026-07-17", 3, CALENDAR_DAYS, "2026-07-21"),
        # 10 working days from Monday 27 July skip two weekends and Friday 7 August.
        ("2026-07-27", 10, WORKING_DAYS, "2026-08-11"),
        # 15 working days from 12 August skip Monday 17 August.
        ("2026-08-12", 15, WORKING_DAYS, "2026-09-03"),
        ("2026-08-12", 0, WORKING_DAYS, "2026-08-12"),
        # 31 January + 1 month clamps to 28 February 2026 (a Saturday) -> Monday 2 March.
        ("2026-01-31", 1, MONTHS, "2026-03-02"),
    ],
)
def test_limits_fall_on_the_right_working_day(start, amount, unit, due):
    assert CO.add(D(start), amount, unit) == D(due)


def test_yearly_holiday_and_custom_working_week():
    # A Sunday-to-Thursday week (as in some Gulf ministries) with a yearly 1 May holiday.
    cal = MinistryCalendar(working_week=frozenset({6, 0, 1, 2, 3}), yearly=frozenset({(5, 1)}))
    assert not cal.is_working(D("2026-05-01"))
    assert not cal.is_working(D("2027-05-01"))
    assert cal.is_working(D("2026-05-03"))  # Sunday
    assert cal.add(D("2026-04-30"), 1, WORKING_DAYS) == D("2026-05-03")


def test_warning_is_counted_back_in_working_days():
    assert CO.subtract_working_days(D("2026-07-21"), 1) == D("2026-07-17")
    assert CO.working_days_between(D("2026-07-17"), D("2026-07-21")) == 1


def test_a_calendar_without_working_days_fails_loudly():
    with pytest.raises(ValueError, match="no working day"):
        MinistryCalendar(working_week=frozenset()).add(D("2026-01-01"), 1, CALENDAR_DAYS)
