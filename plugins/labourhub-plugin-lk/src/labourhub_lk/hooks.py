"""The Sri Lanka pack declares; the core runs the procedure and fills the calendar."""

from typing import Any

from labourhub.plugin_api import (
    ChecklistDefinition,
    DocumentTemplate,
    FineSchedule,
    NationalCalendar,
    ProcedureType,
    RoleTitle,
    hookimpl,
    ministry_today,
)
from labourhub_lk import checklists, documents, fines, procedure, roles
from labourhub_lk.divisions import register_map_divisions as register_map_divisions

SLUG = "lk-pack"


@hookimpl
def register_procedure_types(tenant: Any) -> list[ProcedureType]:
    current = procedure.procedure_on(ministry_today())
    return [current] if current is not None else []


@hookimpl
def register_national_calendars(tenant: Any) -> list[NationalCalendar]:
    # Poya days follow a yearly gazette: the library knows a year once it is published (2026
    # today, not 2027); the ministry loads later years through the calendar screen.
    return [NationalCalendar("LK", language="si_LK")]


@hookimpl
def register_fine_schedules(tenant: Any) -> list[FineSchedule]:
    return [fines.SCHEDULE]


@hookimpl
def register_checklists(tenant: Any) -> list[ChecklistDefinition]:
    return list(checklists.CHECKLISTS)


@hookimpl
def register_document_templates(tenant: Any) -> list[DocumentTemplate]:
    return list(documents.TEMPLATES)


@hookimpl
def register_role_titles(tenant: Any) -> list[RoleTitle]:
    return list(roles.TITLES)
