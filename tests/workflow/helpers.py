"""Shared builders for the workflow, enforcement and complaints tests (real services only)."""

import datetime as dt
import zoneinfo
from typing import Any

from labourhub.accounts.models import Office
from labourhub.registry.services import employer_create, establishment_create

BOGOTA = zoneinfo.ZoneInfo("America/Bogota")


def at(day: str, hour: int = 10) -> dt.datetime:
    """A moment on ``day`` at ``hour`` in the test ministry's zone (well inside the local day)."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=BOGOTA)


def make_establishment(name: str = "Textiles Andinos", workers: int = 60, **kw: Any) -> Any:
    office = Office.objects.get(code="T-DIS")
    employer = employer_create(legal_name=f"{name} S.A.S.", actor=None)
    return establishment_create(
        employer=employer,
        name=name,
        office=office,
        isic_code="1410",
        workers_female=workers // 2,
        workers_male=workers - workers // 2,
        actor=None,
        **kw,
    )
