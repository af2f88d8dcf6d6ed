"""The inspector's visit: answers, findings, alerts, refused entry and submission."""

from labourhub.inspections.services.visits.alerts import (
    inspection_alert_acknowledge,
    inspection_alert_notify,
)
from labourhub.inspections.services.visits.closing import inspection_submit, visit_refuse_entry
from labourhub.inspections.services.visits.recording import (
    answers_save,
    finding_update,
    visit_start,
)
from labourhub.inspections.services.visits.values import (
    BAD_CHOICE,
    BAD_DATE,
    BAD_NUMBER,
    BAD_YES_NO,
    FINDING_DESCRIPTION,
    MAX_NUMBER,
    MAX_TEXT,
    MISSING_ANSWERS,
    MISSING_PHOTO,
    NA,
    NO,
    NO_AUTHORISATION,
    NO_CHECKLIST,
    NOT_ON_CHECKLIST,
    REFUSAL_NOTE,
    TOO_LONG,
    YES,
    _clean_value,
    finding_from_question,
    is_noncompliant,
)

__all__ = [
    "BAD_CHOICE",
    "BAD_DATE",
    "BAD_NUMBER",
    "BAD_YES_NO",
    "FINDING_DESCRIPTION",
    "MAX_NUMBER",
    "MAX_TEXT",
    "MISSING_ANSWERS",
    "MISSING_PHOTO",
    "NA",
    "NO",
    "NOT_ON_CHECKLIST",
    "NO_AUTHORISATION",
    "NO_CHECKLIST",
    "REFUSAL_NOTE",
    "TOO_LONG",
    "YES",
    "_clean_value",
    "answers_save",
    "finding_from_question",
    "finding_update",
    "inspection_alert_acknowledge",
    "inspection_alert_notify",
    "inspection_submit",
    "is_noncompliant",
    "visit_refuse_entry",
    "visit_start",
]
