"""Value types for country packs: a national holiday calendar and a versioned fine schedule.

Plain frozen dataclasses, like ``labourhub.extensions.types``: a pack declares, the core fills the
ministry's calendar (``labourhub.workflow.national_calendar``) and computes suggested fines
(``labourhub.enforcement.schedules``).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from labourhub.extensions.types import Label


@dataclass(frozen=True)
class NationalCalendar:
    """The country whose public holidays the core loads into the ministry's calendar.

    ``country`` is an ISO 3166-1 alpha-2 code known to the ``holidays`` library, ``language``
    the language of the holiday names (``"es"``), ``subdivision`` an optional region code.
    The core loads this year and the next ``years_ahead`` years, moved holidays included, and
    never changes or removes a day the ministry entered itself.
    """

    country: str
    language: str = ""
    subdivision: str = ""
    years_ahead: int = 2

    def __post_init__(self) -> None:
        if len(self.country) != 2 or not self.country.isalpha():
            raise ValueError(f"NationalCalendar.country {self.country!r} is not an ISO code")
        if not 0 <= self.years_ahead <= 10:
            raise ValueError("NationalCalendar.years_ahead must be between 0 and 10")


@dataclass(frozen=True)
class FineRuleVersion:
    """One version of one line of a fine schedule, amounts in a legal unit.

    From ``effective_from`` on (until a later version of the same ``provision`` and
    ``size_band`` takes over) a violation of ``provision`` is fined between ``minimum`` and
    ``maximum`` ``unit`` (e.g. ``"SMMLV"``): the suggestion is ``minimum + per_worker x workers
    affected``, raised by ``repeat_aggravation_pct`` on a repeat offence, capped at ``maximum``.
    ``confirmed=False`` marks data the ministry has still to confirm; it is shown as such.
    ``cites`` are the legal provisions, as written on checklist questions and findings (e.g.
    ``"Decreto 178-2016 art. 84"``), whose violation this rule fines: a finding whose provision
    is one of them, or starts with one of them followed by more detail, is fined by this rule.
    """

    provision: str
    label: Label
    effective_from: dt.date
    legal_basis: str
    unit: str
    minimum: Decimal
    maximum: Decimal
    size_band: str = ""
    per_worker: Decimal = Decimal(0)
    repeat_aggravation_pct: Decimal = Decimal(0)
    confirmed: bool = True
    cites: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not (Decimal(0) <= self.minimum <= self.maximum):
            raise ValueError(f"fine rule {self.provision!r}: need 0 <= minimum <= maximum")
        if self.per_worker < 0 or self.repeat_aggravation_pct < 0:
            raise ValueError(f"fine rule {self.provision!r}: negative per-worker or aggravation")
        if not self.unit or not self.legal_basis:
            raise ValueError(f"fine rule {self.provision!r} needs a unit and a legal basis")


@dataclass(frozen=True)
class LegalUnitValue:
    """What one legal unit is worth in money from ``effective_from`` (e.g. SMMLV 2026)."""

    unit: str
    effective_from: dt.date
    amount: Decimal
    legal_basis: str
    confirmed: bool = True


@dataclass(frozen=True)
class FineSchedule:
    """A country's fine schedule: versioned rules plus the dated value of each legal unit."""

    code: str
    label: Label
    currency: str
    rules: tuple[FineRuleVersion, ...]
    unit_values: tuple[LegalUnitValue, ...] = ()


@dataclass(frozen=True)
class FineSuggestion:
    """The fine the active schedule suggests for one violation, with its legal basis."""

    provision: str
    label: Label
    legal_basis: str
    effective_from: dt.date
    unit: str
    units: Decimal
    minimum: Decimal
    maximum: Decimal
    amount: Decimal | None
    currency: str
    unit_value: Decimal | None
    confirmed: bool


# (longitude, latitude) points of a closed ring, in degrees (WGS 84).
Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class MapDivision:
    """One first-level division of the country (department, province, region) for maps.

    ``code`` is the ISO 3166-2 code (``"CO-ANT"``), ``name`` the division's name as people there
    write it. ``polygons`` are the division's parts, each an outer ring followed by its holes;
    the dashboard's map draws the region office whose code is ``code`` (or whose name names the
    division) in this outline. Packs build these from a GeoJSON file with ``map_divisions_load``.
    """

    code: str
    name: str
    polygons: tuple[tuple[Ring, ...], ...]

    def __post_init__(self) -> None:
        if not self.code or len(self.code) > 20:
            raise ValueError(f"MapDivision.code {self.code!r} must have 1 to 20 characters")
        if not self.name or len(self.name) > 120:
            raise ValueError(f"MapDivision {self.code}: name must have 1 to 120 characters")
        if not self.polygons or any(not p or any(len(r) < 4 for r in p) for p in self.polygons):
            raise ValueError(f"MapDivision {self.code}: each polygon needs rings of 4+ points")
        for polygon in self.polygons:
            for ring in polygon:
                for lon, lat in ring:
                    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                        raise ValueError(
                            f"MapDivision {self.code}: ({lon}, {lat}) is off the globe"
                        )
