# Hookspec bodies are never run; pluggy reads only their signatures.
# mypy: disable-error-code="empty-body"
"""Hook specifications: the contract between the core and country plugins.

Every hookspec has a one-line docstring and a section in docs/plugins/hooks.md; a test fails
when they drift apart. Arguments are keyword-only in spirit (pluggy passes them by name), always
include ``tenant``, and an implementation may accept any subset of them, so adding an argument
later never breaks a plugin.

Return types are the value types of ``labourhub.extensions.types``; the plugin host checks every
result against the annotation here at call time (``labourhub.extensions.typed``), so a plugin
that returns the wrong thing fails loudly, naming itself and the hook.
"""

from typing import Any

import pluggy
from django.urls import URLPattern, URLResolver

from labourhub.extensions.connector_types import ConnectorKind
from labourhub.extensions.country_types import FineSchedule, MapDivision, NationalCalendar
from labourhub.extensions.types import (
    AssignmentRule,
    CasePanel,
    ChecklistDefinition,
    DocumentTemplate,
    EstablishmentReportKind,
    ExtraField,
    HomePanel,
    InboxDocumentKind,
    IndicatorDefinition,
    MenuItem,
    PortalPage,
    ProcedureType,
    ReportDefinition,
    RoleTitle,
    SignatureProvider,
    StepHandler,
)

hookspec = pluggy.HookspecMarker("labourhub")
hookimpl = pluggy.HookimplMarker("labourhub")


# -- staff shell ---------------------------------------------------------------------------------


@hookspec
def register_menu_items(tenant: Any, user: Any) -> list[MenuItem]:
    """Return MenuItem objects to add to the staff menu of ``tenant`` for ``user``."""


@hookspec
def register_role_titles(tenant: Any) -> list[RoleTitle]:
    """Return RoleTitle objects: what ``tenant``'s country calls the core roles."""


@hookspec
def register_home_panels(tenant: Any, user: Any) -> list[HomePanel]:
    """Return HomePanel objects: work queues on the home page of ``tenant`` for ``user``."""


@hookspec
def register_urls(tenant: Any) -> list[URLPattern | URLResolver]:
    """Return Django URL patterns, mounted at /app/x/<slug>/ (namespace x:<slug>); tenant is None."""


@hookspec
def register_api_urls(tenant: Any) -> list[URLPattern | URLResolver]:
    """Return DRF URL patterns, mounted at /api/v1/x/<slug>/ (namespace v1:x:<slug>); tenant is None."""


# -- procedures and casework ---------------------------------------------------------------------


@hookspec
def register_procedure_types(tenant: Any) -> list[ProcedureType]:
    """Return ProcedureType objects (workflow steps with their legal time limits) for ``tenant``."""


@hookspec
def register_checklists(tenant: Any) -> list[ChecklistDefinition]:
    """Return ChecklistDefinition objects that inspectors of ``tenant`` can use on visits."""


@hookspec
def register_document_templates(tenant: Any) -> list[DocumentTemplate]:
    """Return DocumentTemplate objects (letters, notices, certificates) for ``tenant``."""


@hookspec
def register_assignment_rules(tenant: Any) -> list[AssignmentRule]:
    """Return AssignmentRule objects offered when ``tenant`` assigns inspections or cases."""


@hookspec
def register_case_fields(tenant: Any) -> list[ExtraField]:
    """Return ExtraField definitions added to cases of ``tenant``."""


@hookspec
def register_establishment_fields(tenant: Any) -> list[ExtraField]:
    """Return ExtraField definitions (country identifiers, extra data) for establishments."""


@hookspec
def register_step_handlers(tenant: Any) -> list[StepHandler]:
    """Return StepHandler objects that carry out the transitions of a procedure of ``tenant``."""


@hookspec
def register_case_panels(tenant: Any) -> list[CasePanel]:
    """Return CasePanel objects: extra sections on the case page for a procedure of ``tenant``."""


# -- country packs -------------------------------------------------------------------------------


@hookspec
def register_national_calendars(tenant: Any) -> list[NationalCalendar]:
    """Return NationalCalendar objects: the country whose public holidays fill ``tenant``'s calendar."""


@hookspec
def register_fine_schedules(tenant: Any) -> list[FineSchedule]:
    """Return FineSchedule objects (versioned fine rules in legal units) for ``tenant``."""


@hookspec
def register_map_divisions(tenant: Any) -> list[MapDivision]:
    """Return MapDivision objects: the country's first-level divisions ``tenant``'s maps show."""


# -- analytics -----------------------------------------------------------------------------------


@hookspec
def register_report_definitions(tenant: Any) -> list[ReportDefinition]:
    """Return ReportDefinition objects listed among the preformatted reports of ``tenant``."""


@hookspec
def register_indicator_definitions(tenant: Any) -> list[IndicatorDefinition]:
    """Return IndicatorDefinition objects that dashboards and the LMI site of ``tenant`` can show."""


# -- employer portal -----------------------------------------------------------------------------


@hookspec
def register_inbox_document_kinds(tenant: Any) -> list[InboxDocumentKind]:
    """Return InboxDocumentKind objects staff may serve to employers' electronic inboxes."""


@hookspec
def register_establishment_report_kinds(tenant: Any) -> list[EstablishmentReportKind]:
    """Return EstablishmentReportKind objects employers may file from the portal."""


@hookspec
def register_portal_pages(tenant: Any) -> list[PortalPage]:
    """Return PortalPage objects, mounted at /portal/x/<slug>/<page>/; tenant is None."""


# -- connectors (data pulled in from partner systems) -------------------------------------------


@hookspec
def register_connector_kinds(tenant: Any) -> list[ConnectorKind]:
    """Return ConnectorKind objects: partner file formats (payroll, accidents) ``tenant`` can load."""


# -- notifications on case events (called after the service's transaction commits) -----------


@hookspec
def case_opened(tenant: Any, case: Any, actor: Any) -> None:
    """Called after a case of ``tenant`` is opened; notify, never write to core tables."""


@hookspec
def case_status_changed(
    tenant: Any, case: Any, old_status: str, new_status: str, actor: Any
) -> None:
    """Called after a case of ``tenant`` moves from ``old_status`` to ``new_status``."""


@hookspec
def case_closed(tenant: Any, case: Any, actor: Any) -> None:
    """Called after a case of ``tenant`` is closed."""


# -- documents -----------------------------------------------------------------------------------


@hookspec(firstresult=True)
def document_signature_provider(tenant: Any) -> SignatureProvider | None:
    """Return a SignatureProvider that signs ``tenant``'s documents, or None for the built-in."""


# -- lifecycle -----------------------------------------------------------------------------------


@hookspec(firstresult=True)
def plugin_is_available(tenant: Any) -> bool | None:
    """Return False when this plugin cannot be activated for ``tenant`` (e.g. wrong country)."""


@hookspec
def plugin_enabled(tenant: Any, config: dict[str, Any]) -> None:
    """Called once when the plugin is activated for ``tenant``; seed its per-ministry data here."""


@hookspec
def plugin_disabled(tenant: Any) -> None:
    """Called when the plugin is deactivated for ``tenant``; must never delete data."""


@hookspec
def daily_housekeeping(tenant: Any) -> None:
    """Called once a day for each ministry where the plugin is active (e.g. retention rules)."""
