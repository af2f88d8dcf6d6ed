"""The Philippines pack declares; the core runs the procedure, fills the calendar and fines."""

from typing import Any

from labourhub.plugin_api import (
    CasePanel,
    ChecklistDefinition,
    DocumentTemplate,
    EstablishmentReportKind,
    FineSchedule,
    IndicatorDefinition,
    NationalCalendar,
    ProcedureType,
    RoleTitle,
    StepHandler,
    hookimpl,
    ministry_today,
)
from labourhub_ph import checklists, documents, fines, panels, procedure, reports, roles, steps
from labourhub_ph.divisions import register_map_divisions as register_map_divisions

SLUG = "ph-pack"


@hookimpl
def register_procedure_types(tenant: Any) -> list[ProcedureType]:
    current = procedure.procedure_on(ministry_today())
    return [current] if current is not None else []


@hookimpl
def register_step_handlers(tenant: Any) -> list[StepHandler]:
    return [StepHandler(procedure.PROCEDURE, steps.inspection_step)]


@hookimpl
def register_national_calendars(tenant: Any) -> list[NationalCalendar]:
    # The library carries the yearly proclamations (e.g. Eid'l Fitr, Chinese New Year).
    return [NationalCalendar("PH", language="en_PH")]


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
def register_establishment_report_kinds(tenant: Any) -> list[EstablishmentReportKind]:
    return list(reports.KINDS)


@hookimpl
def register_indicator_definitions(tenant: Any) -> list[IndicatorDefinition]:
    return list(reports.INDICATORS)


@hookimpl
def register_role_titles(tenant: Any) -> list[RoleTitle]:
    return list(roles.TITLES)
