from labourhub.portal.models.accounts import AccountEvidence, PortalAccount, Representation
from labourhub.portal.models.ebox import (
    Answer,
    AnswerDocument,
    Notification,
    NotificationKind,
    Receipt,
)
from labourhub.portal.models.reports import EstablishmentReport
from labourhub.portal.models.submissions import EstablishmentSubmission
from labourhub.portal.models.workers import ComplaintFollower, PortalAccident, SharedDocument

__all__ = [
    "AccountEvidence",
    "Answer",
    "AnswerDocument",
    "ComplaintFollower",
    "EstablishmentReport",
    "EstablishmentSubmission",
    "Notification",
    "NotificationKind",
    "PortalAccident",
    "PortalAccount",
    "Receipt",
    "Representation",
    "SharedDocument",
]
