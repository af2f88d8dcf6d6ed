"""Legal time limits on a ministry's calendar: working week, public holidays and closure days.

Pure functions over a ``MinistryCalendar`` snapshot, so one deadline computation never queries.
Rule for calendar-day and month limits: when the last day is not a working day, the limit runs
to the next working day (the common rule in the source countries' administrative procedure
laws, e.g. Colombia CPACA art. 62, Peru LPAG art. 145).
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import gettext_lazy as _

WORKING_DAYS = "working_days"
CALENDAR_DAYS = "calendar_days"
MONTHS = "months"
UNITS = {
    WORKING_DAYS: _("working days"),
    CALENDAR_DAYS: _("calendar days"),
    MONTHS: _("months"),
}
# A year has ~250 working days; a calendar with no working day at all must not loop forever.
_MAX_SCAN = 3660


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class MinistryCalendar:
    working_week: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    dates: frozenset[dt.date] = field(default_factory=frozenset)
    yearly: frozenset[tuple[int, int]] = field(default_factory=frozenset)

    def is_working(self, day: dt.date) -> bool:
        return (
            day.weekday() in self.working_week
            and day not in self.dates
            and (day.month, day.day) not in self.yearly
        )

    def next_working(self, day: dt.date) -> dt.date:
        for _i in range(_MAX_SCAN):
            if self.is_working(day):
                return day
            day += dt.timedelta(days=1)
        raise ValueError("calendar has no working day")

    def add(self, start: dt.date, amount: int, unit: str) -> dt.date:
        """The last day of a limit of ``amount`` ``unit`` counted from ``start`` (excluded)."""
        if unit == WORKING_DAYS:
            day, left, scanned = start, amount, 0
            while left > 0:
                day += dt.timedelta(days=1)
                scanned += 1
                if scanned > _MAX_SCAN * max(1, amount // 250 + 1):
                    raise ValueError("calendar has no working day")
                if self.is_working(day):
                    left -= 1
            return day
        if unit == CALENDAR_DAYS:
            return self.next_working(start + dt.timedelta(days=amount))
        if unit == MONTHS:
            return self.next_working(add_months(start, amount))
        raise ValueError(f"unknown unit {unit!r}")

    def subtract_working_days(self, day: dt.date, amount: int) -> dt.date:
        left = amount
        while left > 0:
            day -= dt.timedelta(days=1)
            if self.is_working(day):
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when end < start)."""
        sign = 1 if end >= start else -1
        lo, hi = (start, end) if sign == 1 else (end, start)
        count, day = 0, lo
        while day < hi:
            day += dt.timedelta(days=1)
            if self.is_working(day):
                count += 1
        return sign * count


def calendar_current() -> MinistryCalendar:
    """The active ministry's calendar, read from the database now (not cached across calls)."""
    from labourhub.workflow.models import CalendarDay

    tenant = getattr(connection, "tenant", None)
    week = frozenset(getattr(tenant, "working_week", None) or [0, 1, 2, 3, 4])
    dates: set[dt.date] = set()
    yearly: set[tuple[int, int]] = set()
    for day, is_yearly in CalendarDay.objects.values_list("date", "yearly"):
        if is_yearly:
            yearly.add((day.month, day.day))
        else:
            dates.add(day)
    return MinistryCalendar(working_week=week, dates=frozenset(dates), yearly=frozenset(yearly))
