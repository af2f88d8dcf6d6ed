"""The Saint Lucia pack declares; the core runs the procedure, fills the calendar and fines."""

from typing import Any

from labourhub.plugin_api import (
    CasePanel,
    ChecklistDefinition,
    DocumentTemplate,
    FineSchedule,
    NationalCalendar,
    ProcedureType,
    RoleTitle,
    hookimpl,
    ministry_today,
)
from labourhub_lc import checklists, documents, fines, panels, procedure, roles
from labourhub_lc.divisions import register_map_divisions as register_map_divisions

SLUG = "lc-pack"


@hookimpl
def register_procedure_types(tenant: Any) -> list[ProcedureType]:
    return list(procedure.procedures_on(ministry_today()))


@hookimpl
def register_national_calendars(tenant: Any) -> list[NationalCalendar]:
    # The library moves a holiday falling on a Sunday to the Monday (e.g. National Day 2026).
    return [NationalCalendar("LC", language="en_LC")]


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
def register_case_panels(tenant: Any) -> list[CasePanel]:
    return [CasePanel(procedure.INSPECTION, panels.TEMPLATE, panels.fine_panel_context)]


@hookimpl
def register_role_titles(tenant: Any) -> list[RoleTitle]:
    return list(roles.TITLES)
