"""Every change to a case, its deadlines, the calendar and alerts goes through here (R5)."""

from labourhub.workflow.services.alerts import (
    SweepResult,
    alert_digest_send,
    alert_escalate_now,
    alert_mark_read,
    deadline_add,
    deadline_alerts_now,
    deadline_sweep,
)
from labourhub.workflow.services.base import CALENDAR_REFUSED, NOT_ALLOWED, Actor, ministry_today
from labourhub.workflow.services.calendar import (
    calendar_day_add,
    calendar_day_remove,
    calendar_holidays_import,
    deadlines_recompute,
    procedure_config_save,
)
from labourhub.workflow.services.cases import case_assign, case_note_add, case_open, case_transition
from labourhub.workflow.services.digest import alert_daily_digest_send, digest_preference_set

__all__ = [
    "CALENDAR_REFUSED",
    "NOT_ALLOWED",
    "Actor",
    "SweepResult",
    "alert_daily_digest_send",
    "alert_digest_send",
    "alert_escalate_now",
    "alert_mark_read",
    "calendar_day_add",
    "calendar_day_remove",
    "calendar_holidays_import",
    "case_assign",
    "case_note_add",
    "case_open",
    "case_transition",
    "deadline_add",
    "deadline_alerts_now",
    "deadline_sweep",
    "deadlines_recompute",
    "digest_preference_set",
    "ministry_today",
    "procedure_config_save",
]
