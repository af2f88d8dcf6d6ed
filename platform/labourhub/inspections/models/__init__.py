"""Campaigns, authorisations, inspections, assignment, checklists, answers, findings, evidence.

Published contract for the enforcement app (issue 6): ``Inspection`` (origin/status/version),
``Finding`` (provision, description, workers affected, severity) and their foreign keys."""

from labourhub.inspections.models.alert_routing import AlertRouting
from labourhub.inspections.models.checklists import (
    Checklist,
    ChecklistQuestion,
    ChecklistSection,
    ChecklistVersion,
    Severity,
)
from labourhub.inspections.models.planning import (
    Assignment,
    Campaign,
    CampaignEstablishment,
    CampaignTarget,
    ConflictOfInterest,
    Inspection,
    InspectionAuthorisation,
    InspectionProcedure,
    InspectorProfile,
)
from labourhub.inspections.models.visits import (
    Answer,
    Correction,
    Evidence,
    Finding,
    InspectionAlert,
)

__all__ = [
    "AlertRouting",
    "Answer",
    "Assignment",
    "Campaign",
    "CampaignEstablishment",
    "CampaignTarget",
    "Checklist",
    "ChecklistQuestion",
    "ChecklistSection",
    "ChecklistVersion",
    "ConflictOfInterest",
    "Correction",
    "Evidence",
    "Finding",
    "Inspection",
    "InspectionAlert",
    "InspectionAuthorisation",
    "InspectionProcedure",
    "InspectorProfile",
    "Severity",
]
