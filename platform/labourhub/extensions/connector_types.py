"""Value types of the connector hook: a connector kind reads one partner file into typed rows.

A kind only parses; the core's connector framework fetches the file (object storage or the
partner's HTTP endpoint), checks its size, hash and encoding, and writes the rows through its
own services, all or nothing. A parser yields one row or one ``RowProblem`` per record, so a
bad record is reported with its line number and never stops the check of the others.
"""

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_noop

Target = Literal["payroll", "accidents"]

# Shared row messages (msgids; the framework translates them for whoever reads the run).
REQUIRED = gettext_noop("%(field)s is required.")
BAD_DATE = gettext_noop("%(field)s is not a date (%(value)s).")
BAD_NUMBER = gettext_noop("%(field)s is not an amount (%(value)s).")
BAD_CHOICE = gettext_noop("%(field)s has an unknown value (%(value)s).")
FORMULA = gettext_noop(
    "%(field)s starts like a spreadsheet formula (=, +, -, @); the row was refused."
)
TOO_LONG = gettext_noop("%(field)s is longer than %(limit)s characters.")
WRONG_FIELD_COUNT = gettext_noop("The record has %(found)s fields; %(expected)s were expected.")

SEXES = ("F", "M")
AGE_BANDS = ("under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus")
CONTRACT_TYPES = ("permanent", "fixed_term", "part_time", "apprentice", "other")
ACCIDENT_KINDS = ("accident", "disease")
SEVERITIES = ("fatal", "serious", "minor")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class RowProblem:
    """A record that cannot be loaded: its line, the field and a translatable message."""

    line: int
    field: str
    message: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class DeclaredWorkerRow:
    """One worker an employer declared for an establishment in a payroll period."""

    line: int
    establishment: str  # the establishment's registration number in the ministry's registry
    id_number: str
    full_name: str
    sex: str  # one of SEXES
    age_band: str  # one of AGE_BANDS
    contract_type: str  # one of CONTRACT_TYPES
    wage: Decimal | None
    period: str  # YYYY-MM
    id_type: str = ""


@dataclass(frozen=True)
class AccidentRow:
    """One accident or disease notified to a social-insurance system."""

    line: int
    reference: str  # the insurer's own number, unique per source
    establishment: str
    worker_id: str
    occurred_on: dt.date
    kind: str  # one of ACCIDENT_KINDS
    severity: str  # one of SEVERITIES
    sex: str  # one of SEXES
    description: str
    fatalities: int = 0


ConnectorRow = DeclaredWorkerRow | AccidentRow | RowProblem


@dataclass(frozen=True)
class ConnectorKind:
    """A file format a source can be configured with.

    ``parse(text, name)`` receives the whole decoded file and its name (some national formats
    carry the period or the employer in the name) and yields rows and problems in file order.
    """

    code: str
    label: str | Promise
    target: Target
    parse: Callable[[str, str], Iterable[ConnectorRow]]
    description: str | Promise = ""
    media_type: str = "text/plain"


def connector_cell(*, line: int, name: str, value: str, limit: int = 200) -> str | RowProblem:
    """A trimmed text cell, or the problem with it (spreadsheet formulas are refused)."""
    text = value.strip()
    if text.startswith(_FORMULA_START):
        return RowProblem(line, name, FORMULA, {"field": name})
    if len(text) > limit:
        return RowProblem(line, name, TOO_LONG, {"field": name, "limit": limit})
    return text


def connector_age_band(*, born_on: dt.date, on: dt.date) -> str:
    """The age band of someone born on ``born_on`` on the day ``on``."""
    age = on.year - born_on.year - ((on.month, on.day) < (born_on.month, born_on.day))
    bounds = ((18, "under_18"), (25, "18_24"), (35, "25_34"), (45, "35_44"), (55, "45_54"))
    for upper, band in bounds:
        if age < upper:
            return band
    return "55_64" if age < 65 else "65_plus"
