"""The enforcement chain: each step records its own row and moves the case (workflow)."""

from labourhub.enforcement.services.appeals import (
    appeal_decide,
    appeal_file,
    hearing_record,
    hearing_schedule,
    referral_make,
)
from labourhub.enforcement.services.chain import (
    findings_to_case,
    order_proposal_confirm,
    order_proposal_reject,
    orders_from_findings_mode,
)
from labourhub.enforcement.services.court import (
    court_hearing_record,
    court_judgement_record,
    court_proceeding_open,
)
from labourhub.enforcement.services.fines import (
    CENT,
    REPEAT_WINDOW_DAYS,
    fine_balance,
    fine_compute,
    fine_interest,
    fine_paid,
    fine_rule_for,
    fine_schedule_seed,
)
from labourhub.enforcement.services.orders import (
    fine_decision_issue,
    order_issue,
    order_issue_from_finding,
    order_verify,
    payment_record,
    sanction_decide,
    sanction_notice_serve,
)
from labourhub.enforcement.services.penalties import (
    PenaltySuggestion,
    penalty_adjust,
    penalty_preview,
)

__all__ = [
    "CENT",
    "REPEAT_WINDOW_DAYS",
    "PenaltySuggestion",
    "appeal_decide",
    "appeal_file",
    "court_hearing_record",
    "court_judgement_record",
    "court_proceeding_open",
    "findings_to_case",
    "fine_balance",
    "fine_compute",
    "fine_decision_issue",
    "fine_interest",
    "fine_paid",
    "fine_rule_for",
    "fine_schedule_seed",
    "hearing_record",
    "hearing_schedule",
    "order_issue",
    "order_issue_from_finding",
    "order_proposal_confirm",
    "order_proposal_reject",
    "order_verify",
    "orders_from_findings_mode",
    "payment_record",
    "penalty_adjust",
    "penalty_preview",
    "referral_make",
    "sanction_decide",
    "sanction_notice_serve",
]
