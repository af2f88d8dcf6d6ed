"""``labourhub.plugin_api``: the only core module a plugin imports.

Everything a plugin may use is listed in ``EXPORTS`` below (name -> the core module defining it);
the core is free to reorganise anything else. The facade is versioned on its own
(``__version__``, semantic versioning): a name is added in a minor release, deprecated for at
least one minor release (still importable, with a ``DeprecationWarning``) and only then removed
in a major release. See docs/plugins/api.md.

Names load lazily, on first use, so a plugin's ``apps.py`` can import ``PluginAppConfig`` from
here while Django is still loading apps (before models may be imported).
"""

import importlib
import warnings
from typing import TYPE_CHECKING, Any

__version__ = "1.4.0"

# name -> defining module. Adding an export is one line here (and one in the TYPE_CHECKING block
# below, which gives plugins static types; a test keeps the two equal).
EXPORTS: dict[str, str] = {
    # hooks and the value types they return
    "hookimpl": "labourhub.extensions.hookspecs",
    "AssignmentRule": "labourhub.extensions.types",
    "CasePanel": "labourhub.extensions.types",
    "ChecklistDefinition": "labourhub.extensions.types",
    "ChecklistItem": "labourhub.extensions.types",
    "DocumentTemplate": "labourhub.extensions.types",
    "ExtraField": "labourhub.extensions.types",
    "IndicatorDefinition": "labourhub.extensions.types",
    "InboxDocumentKind": "labourhub.extensions.types",
    "EstablishmentReportKind": "labourhub.extensions.types",
    "PortalPage": "labourhub.extensions.types",
    "establishment_report_totals": "labourhub.portal.reports",
    "establishment_list_represented": "labourhub.portal.selectors",
    "MenuItem": "labourhub.extensions.types",
    "ProcedureType": "labourhub.extensions.types",
    "ReportDefinition": "labourhub.extensions.types",
    "SignatureProvider": "labourhub.extensions.types",
    "SignedPdf": "labourhub.extensions.types",
    "StepHandler": "labourhub.extensions.types",
    "StepInput": "labourhub.extensions.types",
    "WorkflowStep": "labourhub.extensions.types",
    "WaitingPeriod": "labourhub.extensions.types",
    "HookResultError": "labourhub.extensions.typed",
    # connectors: partner files pulled in (1.3)
    "ConnectorKind": "labourhub.extensions.connector_types",
    "DeclaredWorkerRow": "labourhub.extensions.connector_types",
    "AccidentRow": "labourhub.extensions.connector_types",
    "RowProblem": "labourhub.extensions.connector_types",
    "connector_cell": "labourhub.extensions.connector_types",
    "connector_age_band": "labourhub.extensions.connector_types",
    # country packs: national calendar and versioned fine schedules (1.1)
    "NationalCalendar": "labourhub.extensions.country_types",
    "FineSchedule": "labourhub.extensions.country_types",
    "FineRuleVersion": "labourhub.extensions.country_types",
    "LegalUnitValue": "labourhub.extensions.country_types",
    "FineSuggestion": "labourhub.extensions.country_types",
    "fine_suggest": "labourhub.enforcement.schedules",
    "fine_suggestions": "labourhub.enforcement.schedules",
    "national_holidays": "labourhub.workflow.national_calendar",
    "country_pack_apply": "labourhub.extensions.country",
    # plugin metadata and configuration
    "Category": "labourhub.extensions.plugin",
    "PluginAppConfig": "labourhub.extensions.plugin",
    "PluginMeta": "labourhub.extensions.plugin",
    "SecretRef": "labourhub.extensions.config",
    "plugin_config": "labourhub.extensions",
    "plugin_is_active": "labourhub.extensions",
    # permissions
    "Action": "labourhub.accounts.roles",
    "Role": "labourhub.accounts.roles",
    "user_can": "labourhub.accounts.selectors",
    "HasAction": "labourhub.accounts.permissions",
    "StaffRequest": "labourhub.accounts.permissions",
    "permission_check": "labourhub.accounts.permissions",
    "request_user": "labourhub.accounts.permissions",
    "staff_page": "labourhub.accounts.permissions",
    "form_apply_errors": "labourhub.common.forms",
    "error_text": "labourhub.common.forms",
    "AuditActionType": "labourhub.audit.events",
    "audit_action_register": "labourhub.audit.events",
    "AuditPayload": "labourhub.audit.payload",
    # errors, models, audit
    "ApplicationError": "labourhub.common.exceptions",
    "BaseModel": "labourhub.common.models",
    "Actor": "labourhub.workflow.services",
    "audit_record": "labourhub.audit.services",
    # cases, procedures and legal deadlines
    "case_open": "labourhub.workflow.services",
    "case_transition": "labourhub.workflow.services",
    "case_note_add": "labourhub.workflow.services",
    "deadline_add": "labourhub.workflow.services",
    "ministry_today": "labourhub.workflow.services",
    "case_step": "labourhub.workflow.steps",
    "calendar_current": "labourhub.workflow.calendar",
    "procedure_get": "labourhub.workflow.procedures",
    "case_get": "labourhub.workflow.selectors",
    "case_extra_update": "labourhub.workflow.fields",
    # documents
    "document_issue": "labourhub.documents.services",
    "upload_check": "labourhub.portal.services.uploads",
    # offices and the current ministry
    "office_root": "labourhub.plugin_api.ministry",
    "current_ministry": "labourhub.plugin_api.ministry",
    "small_count_threshold": "labourhub.plugin_api.ministry",
    # the HTTP layer
    "get_paginated_response": "labourhub.api.pagination",
    # the establishment registry, read-only (1.2)
    "establishment_get": "labourhub.registry.selectors",
    "establishment_search": "labourhub.registry.selectors",
    "establishment_get_by_registration": "labourhub.registry.selectors",
}

# name -> (replacement, version that removes it); importing one warns.
DEPRECATED: dict[str, tuple[str, str]] = {}

if TYPE_CHECKING:
    from labourhub.accounts.permissions import HasAction as HasAction
    from labourhub.accounts.permissions import StaffRequest as StaffRequest
    from labourhub.accounts.permissions import permission_check as permission_check
    from labourhub.accounts.permissions import request_user as request_user
    from labourhub.accounts.permissions import staff_page as staff_page
    from labourhub.accounts.roles import Action as Action
    from labourhub.accounts.roles import Role as Role
    from labourhub.accounts.selectors import user_can as user_can
    from labourhub.api.pagination import get_paginated_response as get_paginated_response
    from labourhub.audit.events import AuditActionType as AuditActionType
    from labourhub.audit.events import audit_action_register as audit_action_register
    from labourhub.audit.payload import AuditPayload as AuditPayload
    from labourhub.audit.services import audit_record as audit_record
    from labourhub.common.exceptions import ApplicationError as ApplicationError
    from labourhub.common.forms import error_text as error_text
    from labourhub.common.forms import form_apply_errors as form_apply_errors
    from labourhub.common.models import BaseModel as BaseModel
    from labourhub.documents.services import document_issue as document_issue
    from labourhub.enforcement.schedules import fine_suggest as fine_suggest
    from labourhub.enforcement.schedules import fine_suggestions as fine_suggestions
    from labourhub.extensions import plugin_config as plugin_config
    from labourhub.extensions import plugin_is_active as plugin_is_active
    from labourhub.extensions.config import SecretRef as SecretRef
    from labourhub.extensions.connector_types import AccidentRow as AccidentRow
    from labourhub.extensions.connector_types import ConnectorKind as ConnectorKind
    from labourhub.extensions.connector_types import DeclaredWorkerRow as DeclaredWorkerRow
    from labourhub.extensions.connector_types import RowProblem as RowProblem
    from labourhub.extensions.connector_types import connector_age_band as connector_age_band
    from labourhub.extensions.connector_types import connector_cell as connector_cell
    from labourhub.extensions.country import country_pack_apply as country_pack_apply
    from labourhub.extensions.country_types import FineRuleVersion as FineRuleVersion
    from labourhub.extensions.country_types import FineSchedule as FineSchedule
    from labourhub.extensions.country_types import FineSuggestion as FineSuggestion
    from labourhub.extensions.country_types import LegalUnitValue as LegalUnitValue
    from labourhub.extensions.country_types import NationalCalendar as NationalCalendar
    from labourhub.extensions.hookspecs import hookimpl as hookimpl
    from labourhub.extensions.plugin import Category as Category
    from labourhub.extensions.plugin import PluginAppConfig as PluginAppConfig
    from labourhub.extensions.plugin import PluginMeta as PluginMeta
    from labourhub.extensions.typed import HookResultError as HookResultError
    from labourhub.extensions.types import AssignmentRule as AssignmentRule
    from labourhub.extensions.types import CasePanel as CasePanel
    from labourhub.extensions.types import ChecklistDefinition as ChecklistDefinition
    from labourhub.extensions.types import ChecklistItem as ChecklistItem
    from labourhub.extensions.types import DocumentTemplate as DocumentTemplate
    from labourhub.extensions.types import EstablishmentReportKind as EstablishmentReportKind
    from labourhub.extensions.types import ExtraField as ExtraField
    from labourhub.extensions.types import InboxDocumentKind as InboxDocumentKind
    from labourhub.extensions.types import IndicatorDefinition as IndicatorDefinition
    from labourhub.extensions.types import MenuItem as MenuItem
    from labourhub.extensions.types import PortalPage as PortalPage
    from labourhub.extensions.types import ProcedureType as ProcedureType
    from labourhub.extensions.types import ReportDefinition as ReportDefinition
    from labourhub.extensions.types import SignatureProvider as SignatureProvider
    from labourhub.extensions.types import SignedPdf as SignedPdf
    from labourhub.extensions.types import StepHandler as StepHandler
    from labourhub.extensions.types import StepInput as StepInput
    from labourhub.extensions.types import WaitingPeriod as WaitingPeriod
    from labourhub.extensions.types import WorkflowStep as WorkflowStep
    from labourhub.plugin_api.ministry import current_ministry as current_ministry
    from labourhub.plugin_api.ministry import office_root as office_root
    from labourhub.plugin_api.ministry import small_count_threshold as small_count_threshold
    from labourhub.portal.reports import (
        establishment_report_totals as establishment_report_totals,
    )
    from labourhub.portal.selectors import (
        establishment_list_represented as establishment_list_represented,
    )
    from labourhub.portal.services.uploads import upload_check as upload_check
    from labourhub.registry.selectors import establishment_get as establishment_get
    from labourhub.registry.selectors import (
        establishment_get_by_registration as establishment_get_by_registration,
    )
    from labourhub.registry.selectors import establishment_search as establishment_search
    from labourhub.workflow.calendar import calendar_current as calendar_current
    from labourhub.workflow.fields import case_extra_update as case_extra_update
    from labourhub.workflow.national_calendar import national_holidays as national_holidays
    from labourhub.workflow.procedures import procedure_get as procedure_get
    from labourhub.workflow.selectors import case_get as case_get
    from labourhub.workflow.services import Actor as Actor
    from labourhub.workflow.services import case_note_add as case_note_add
    from labourhub.workflow.services import case_open as case_open
    from labourhub.workflow.services import case_transition as case_transition
    from labourhub.workflow.services import deadline_add as deadline_add
    from labourhub.workflow.services import ministry_today as ministry_today
    from labourhub.workflow.steps import case_step as case_step


def __getattr__(name: str) -> Any:
    module = EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"labourhub.plugin_api has no {name!r}; see docs/plugins/api.md")
    if name in DEPRECATED:
        replacement, removed_in = DEPRECATED[name]
        warnings.warn(
            f"labourhub.plugin_api.{name} is deprecated and goes in {removed_in}; "
            f"use {replacement}.",
            DeprecationWarning,
            stacklevel=2,
        )
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*EXPORTS, "__version__", "EXPORTS", "DEPRECATED"])


__all__ = [
    "EXPORTS",
    "__version__",
    *EXPORTS,
]
