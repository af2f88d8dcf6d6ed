"""Inspection pages: lists, one inspection, the visit, checklists and campaigns."""

from labourhub.inspections.views.alert_routing import alert_routing_view
from labourhub.inspections.views.campaigns import campaign_detail_view, campaign_list_view
from labourhub.inspections.views.checklists import (
    checklist_detail_view,
    checklist_edit_view,
    checklist_list_view,
)
from labourhub.inspections.views.common import Form
from labourhub.inspections.views.detail import (
    assignment_replay_view,
    inspection_assign_view,
    inspection_authorise_view,
    inspection_detail_view,
    pack_view,
)
from labourhub.inspections.views.lists import (
    establishment_history_view,
    inspection_list_view,
    my_inspections_view,
    team_view,
)
from labourhub.inspections.views.visit import (
    cancel_view,
    correction_decide_view,
    correction_request_view,
    evidence_download_view,
    evidence_upload_view,
    finding_edit_view,
    refuse_entry_view,
    submit_view,
    visit_section_view,
    visit_start_view,
)

__all__ = [
    "Form",
    "alert_routing_view",
    "assignment_replay_view",
    "campaign_detail_view",
    "campaign_list_view",
    "cancel_view",
    "checklist_detail_view",
    "checklist_edit_view",
    "checklist_list_view",
    "correction_decide_view",
    "correction_request_view",
    "establishment_history_view",
    "evidence_download_view",
    "evidence_upload_view",
    "finding_edit_view",
    "inspection_assign_view",
    "inspection_authorise_view",
    "inspection_detail_view",
    "inspection_list_view",
    "my_inspections_view",
    "pack_view",
    "refuse_entry_view",
    "submit_view",
    "team_view",
    "visit_section_view",
    "visit_start_view",
]
