"""The Peru pack declares; the core runs the procedure, fills the calendar and fines."""

from typing import Any

from labourhub.plugin_api import (
    CasePanel,
    ChecklistDefinition,
    ConnectorKind,
    DocumentTemplate,
    FineSchedule,
    NationalCalendar,
    ProcedureType,
    RoleTitle,
    hookimpl,
    ministry_today,
)
from labourhub_pe import checklists, documents, fines, panels, payroll, procedure, roles
from labourhub_pe.divisions import register_map_divisions as register_map_divisions

SLUG = "pe-pack"


@hookimpl
def register_procedure_types(tenant: Any) -> list[ProcedureType]:
    current = procedure.procedure_on(ministry_today())
    return [current] if current is not None else []


@hookimpl
def register_national_calendars(tenant: Any) -> list[NationalCalendar]:
    return [NationalCalendar("PE", language="es")]


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
    return [CasePanel(procedure.PROCEDURE, panels.TEMPLATE, panels.fine_panel_context)]


@hookimpl
def register_connector_kinds(tenant: Any) -> list[ConnectorKind]:
    return [payroll.PLAME]


@hookimpl
def register_role_titles(tenant: Any) -> list[RoleTitle]:
    return list(roles.TITLES)
