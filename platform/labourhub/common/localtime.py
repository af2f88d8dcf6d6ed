"""The ministry's own clock and language, active wherever a date or a word is produced.

Dates are stored in UTC (``USE_TZ``). What a person enters or reads is the ministry's local time:
a hearing typed as 10:00 in Tegucigalpa is 16:00 UTC in the database and 10:00 on every page,
CSV and PDF of that ministry. Three places activate the zone:

- ``MinistryTimeZoneMiddleware`` for every request on a ministry's host (staff app, portal, API,
  public site); the platform's own host stays on UTC;
- the Celery ``task_prerun``/``task_postrun`` handlers below, after the tenant-aware Celery app
  has switched to the schema that enqueued the task; they also activate the ministry's default
  language, so a task that writes text (an alert e-mail, a PDF) writes it in that language;
- ``ministry_time`` for code that runs outside both (management commands, scripts).
"""

import zoneinfo
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from celery.signals import task_postrun, task_prerun
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext

UTC = zoneinfo.ZoneInfo("UTC")


@cache
def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def ministry_zone(ministry: object | None) -> zoneinfo.ZoneInfo:
    """The ministry's time zone; UTC for the platform, a missing ministry or an unknown name."""
    name = getattr(ministry, "time_zone", None)
    if not name or getattr(ministry, "schema_name", "public") == "public":
        return UTC
    return _zone(str(name))


def ministry_language_default(ministry: object | None) -> str:
    supported = {code for code, _name in settings.LANGUAGES}
    code = getattr(ministry, "default_language", "") or settings.LANGUAGE_CODE
    return code if code in supported else settings.LANGUAGE_CODE


def person_language(user: object | None, ministry: object | None) -> str:
    """The language to write to ``user`` in: their own choice, else the ministry's default.

    Background jobs (alert e-mails, reminders, digests) run in the ministry's default language;
    each message addressed to one person switches to this before it is written.
    """
    supported = {code for code, _name in settings.LANGUAGES}
    chosen = getattr(user, "preferred_language", "") or ""
    return chosen if chosen in supported else ministry_language_default(ministry)


@contextmanager
def ministry_time(ministry: object | None) -> Iterator[zoneinfo.ZoneInfo]:
    """Run a block on the ministry's clock (restores the previous zone afterwards)."""
    zone = ministry_zone(ministry)
    with timezone.override(zone):
        yield zone


class MinistryTimeZoneMiddleware:
    """Activate the ministry's time zone for the whole request, forms and templates included."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with ministry_time(getattr(request, "tenant", None)):
            return self.get_response(request)


# Celery: the tenant-aware app connects its schema switch at import, before these handlers, so
# ``connection.tenant`` is already the ministry that enqueued the task when they run. The
# previous zone and language are kept per task id and restored afterwards, which matters when
# the task runs in-process (eager mode) inside a request.
_saved: dict[str, tuple[Any, str | None]] = {}


@task_prerun.connect(dispatch_uid="labourhub_ministry_locale_on")
def task_locale_activate(task_id: str = "", **_kw: Any) -> None:
    tenant = getattr(connection, "tenant", None)
    _saved[task_id] = (timezone.get_current_timezone(), translation.get_language())
    timezone.activate(ministry_zone(tenant))
    if tenant is not None and getattr(tenant, "schema_name", "public") != "public":
        translation.activate(ministry_language_default(tenant))


@task_postrun.connect(dispatch_uid="labourhub_ministry_locale_off")
def task_locale_restore(task_id: str = "", **_kw: Any) -> None:
    zone, language = _saved.pop(task_id, (None, None))
    if zone is None:
        timezone.deactivate()
    else:
        timezone.activate(zone)
    if language:
        translation.activate(language)
    else:
        translation.deactivate()


def local_time_note() -> str:
    """A form help text saying which clock a time is entered on, e.g. "Local time (America/…)"."""
    return gettext("Ministry's local time (%(zone)s)") % {
        "zone": timezone.get_current_timezone_name()
    }
