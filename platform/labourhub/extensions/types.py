"""Value types that hooks return (R27). Plain frozen dataclasses: no ORM, no I/O.

The core's engines (workflow, inspections, documents, analytics) turn these declarations into
behaviour; a plugin only declares.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise

Label = str | Promise


@dataclass(frozen=True)
class WorkflowStep:
    """One step of a procedure. ``time_limit_days`` is the legal limit, counted in working days
    on the ministry's calendar unless ``calendar_days`` is set."""

    code: str
    label: Label
    time_limit_days: int | None = None
    calendar_days: bool = False
    legal_basis: str = ""
    next_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProcedureType:
    code: str
    label: Label
    steps: tuple[WorkflowStep, ...]
    legal_basis: str = ""


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    question: Label
    legal_basis: str = ""


@dataclass(frozen=True)
class ChecklistDefinition:
    code: str
    label: Label
    version: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class DocumentTemplate:
    """A letter or certificate; ``template_name`` is a namespaced Django template (R3)."""

    code: str
    label: Label
    template_name: str
    languages: tuple[str, ...] = ("es",)


@dataclass(frozen=True)
class AssignmentRule:
    """``pick(candidates, case)`` narrows or orders candidate inspectors; it must not write."""

    code: str
    label: Label
    pick: Callable[[list[Any], Any], list[Any]]


@dataclass(frozen=True)
class ExtraField:
    """A country field added to a core entity. Same shape as
    ``labourhub.registry.fields.ExtraField`` (which establishments validate against);
    ``type`` is text, integer, decimal, date, boolean or choice."""

    key: str
    label: Label
    type: str = "text"
    required: bool = False
    choices: tuple[tuple[str, Label], ...] = ()
    pattern: str = ""
    max_length: int = 200


@dataclass(frozen=True)
class ReportDefinition:
    code: str
    label: Label
    columns: tuple[str, ...]
    rows: Callable[..., list[dict[str, Any]]]


@dataclass(frozen=True)
class IndicatorDefinition:
    """A number the LMI website or a dashboard can publish; ``compute(tenant)`` returns it."""

    code: str
    label: Label
    unit: str
    compute: Callable[..., float | int | None]
    tags: tuple[str, ...] = field(default_factory=tuple)
