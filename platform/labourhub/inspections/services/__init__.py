"""Inspection services (R4: a package once past ~400 lines; import from here)."""

from labourhub.inspections.services._common import CONFLICT, LOCKED, inspection_lock
from labourhub.inspections.services.assignment import (
    assignment_rules,
    conflict_declare,
    inspection_assign,
)
from labourhub.inspections.services.authorisation import (
    authorisation_issue,
    authorisation_revoke,
)
from labourhub.inspections.services.checklists import (
    checklist_create,
    checklist_draft_start,
    checklist_publish,
    checklist_question_add,
    checklist_question_remove,
    checklist_section_add,
    checklists_seed,
)
from labourhub.inspections.services.corrections import correction_decide, correction_request
from labourhub.inspections.services.evidence import evidence_check, evidence_read, evidence_upload
from labourhub.inspections.services.planning import (
    campaign_add_by_filters,
    campaign_create,
    campaign_import_list,
    campaign_plan_inspections,
    campaign_target_set,
    inspection_cancel,
    inspection_create,
    inspection_schedule,
    procedure_update,
)
from labourhub.inspections.services.visits import (
    answers_save,
    finding_update,
    inspection_alert_acknowledge,
    inspection_alert_notify,
    inspection_submit,
    visit_refuse_entry,
    visit_start,
)

__all__ = [
    "CONFLICT",
    "LOCKED",
    "answers_save",
    "assignment_rules",
    "authorisation_issue",
    "authorisation_revoke",
    "campaign_add_by_filters",
    "campaign_create",
    "campaign_import_list",
    "campaign_plan_inspections",
    "campaign_target_set",
    "checklist_create",
    "checklist_draft_start",
    "checklist_publish",
    "checklist_question_add",
    "checklist_question_remove",
    "checklist_section_add",
    "checklists_seed",
    "conflict_declare",
    "correction_decide",
    "correction_request",
    "evidence_check",
    "evidence_read",
    "evidence_upload",
    "finding_update",
    "inspection_alert_acknowledge",
    "inspection_alert_notify",
    "inspection_assign",
    "inspection_cancel",
    "inspection_create",
    "inspection_lock",
    "inspection_schedule",
    "inspection_submit",
    "procedure_update",
    "visit_refuse_entry",
    "visit_start",
]
