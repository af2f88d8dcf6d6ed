"""National public holidays from the ``holidays`` library, loaded into a ministry's calendar.

A country pack names its country (``register_national_calendars``); the core loads that
country's holidays for this year and the next ``years_ahead`` years into ``CalendarDay``, with
the names in the pack's language and moved holidays on the day they are observed (Colombia's
Ley Emiliani moves most holidays to the following Monday; the library computes it).

Loading only adds days: a day the ministry already has (its own additions, closures, a renamed
holiday) is kept as it is, and a national holiday the ministry removed stays removed
(``NationalHolidayDeclined``), so running it again, on activation or from the daily beat task,
changes nothing but the new years. Open deadlines that a new holiday affects are recomputed and
the move is recorded on the case, exactly as when an administrator adds the day by hand.
"""

import datetime as dt
from typing import Any

import holidays
from django.db import transaction
from django.utils.translation import gettext as _

from labourhub.audit.services import AuditAction, audit_record
from labourhub.extensions.country_types import NationalCalendar
from labourhub.workflow.models import CalendarDay, NationalHolidayDeclined
from labourhub.workflow.services import Actor, deadlines_recompute, ministry_today


def national_holidays(
    *, country: str, years: range, language: str = "", subdivision: str = ""
) -> list[tuple[dt.date, str]]:
    """``(date, name)`` of ``country``'s public holidays in ``years``, sorted by date.

    Raises ``ValueError`` for a country or subdivision the library does not know.
    """
    supported = holidays.list_supported_countries()
    code = country.upper()
    if code not in supported or (subdivision and subdivision not in supported[code]):
        raise ValueError(f"no holiday calendar for {country!r} {subdivision!r}".strip())
    found = holidays.country_holidays(
        code, subdiv=subdivision or None, years=list(years), language=language or None
    )
    return sorted((day, str(name)) for day, name in found.items())


def national_calendars_declared(*, tenant: Any) -> list[NationalCalendar]:
    """The national calendars the plugins active for ``tenant`` declare."""
    from labourhub.extensions import flatten, hooks_for

    return list(flatten(hooks_for(tenant).register_national_calendars(tenant=tenant)))


def _recompute(day: dt.date, name: str, actor: Actor) -> int:
    # Same rule as an administrator adding the day: open deadlines spanning it move.
    reason = _("%(name)s (%(date)s) added to the calendar") % {"name": name, "date": day}
    return deadlines_recompute(day=day, yearly=False, reason=reason, actor=actor)


@transaction.atomic
def national_calendar_fill(
    *, tenant: Any, actor: Actor = None, today: dt.date | None = None
) -> int:
    """Load the declared national holidays into the active ministry's calendar.

    Returns how many days were added. Days already in the calendar are never changed.
    """
    start = today or ministry_today()
    total = 0
    for declared in national_calendars_declared(tenant=tenant):
        added = moved = 0
        years = range(start.year, start.year + declared.years_ahead + 1)
        rows = national_holidays(
            country=declared.country,
            years=years,
            language=declared.language,
            subdivision=declared.subdivision,
        )
        existing = set(
            CalendarDay.objects.filter(
                kind=CalendarDay.Kind.HOLIDAY, date__gte=dt.date(years[0], 1, 1)
            ).values_list("date", flat=True)
        )
        existing |= set(
            NationalHolidayDeclined.objects.filter(date__gte=dt.date(years[0], 1, 1)).values_list(
                "date", flat=True
            )
        )
        yearly = set(
            CalendarDay.objects.filter(yearly=True).values_list("date__month", "date__day")
        )
        for day, name in rows:
            if day in existing:
                continue
            CalendarDay.objects.create(
                date=day,
                name=name[:200],
                kind=CalendarDay.Kind.HOLIDAY,
                yearly=False,
                source=CalendarDay.Source.NATIONAL,
            )
            existing.add(day)
            added += 1
            if (day.month, day.day) not in yearly:
                moved += _recompute(day, name, actor)
        if added:
            audit_record(
                actor=actor,
                action=AuditAction.CALENDAR_DAY_SEEDED,
                payload={
                    "values": {
                        "country": declared.country,
                        "years": f"{years[0]}-{years[-1]}",
                        "added": added,
                        "deadlines_moved": moved,
                    }
                },
            )
        total += added
    return total
