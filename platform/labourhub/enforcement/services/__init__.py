"""The enforcement chain: each step records its own row and moves the case (workflow)."""

from labourhub.enforcement.services.appeals import (
    appeal_decide,
    appeal_file,
    hearing_record,
    hearing_schedule,
    referral_make,
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
    order_issue,
    order_issue_from_finding,
    order_verify,
    payment_record,
    sanction_decide,
    sanction_notice_serve,
)

__all__ = [
    "CENT",
    "REPEAT_WINDOW_DAYS",
    "appeal_decide",
    "appeal_file",
    "fine_balance",
    "fine_compute",
    "fine_interest",
    "fine_paid",
    "fine_rule_for",
    "fine_schedule_seed",
    "hearing_record",
    "hearing_schedule",
    "order_issue",
    "order_issue_from_finding",
    "order_verify",
    "payment_record",
    "referral_make",
    "sanction_decide",
    "sanction_notice_serve",
]
