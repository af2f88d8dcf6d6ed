"""Complaint intake, triage, disputes and accident notifications, and the links they carry."""

from labourhub.complaints.services.intake import (
    CODE_ALPHABET,
    CODE_LENGTH,
    accident_notify,
    complaint_by_code,
    complaint_register,
    complaint_triage,
    dispute_file,
    tracking_code_hash,
)
from labourhub.complaints.services.links import (
    accident_inspection_open,
    complaint_dispute_open,
    complaint_inspection_open,
    dispute_settle,
    inspection_result_return,
)

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "accident_inspection_open",
    "accident_notify",
    "complaint_by_code",
    "complaint_dispute_open",
    "complaint_inspection_open",
    "complaint_register",
    "complaint_triage",
    "dispute_file",
    "dispute_settle",
    "inspection_result_return",
    "tracking_code_hash",
]
