from labourhub.portal.models.accounts import AccountEvidence, PortalAccount, Representation
from labourhub.portal.models.ebox import (
    Answer,
    AnswerDocument,
    Notification,
    NotificationKind,
    Receipt,
)
from labourhub.portal.models.submissions import EstablishmentSubmission

__all__ = [
    "AccountEvidence",
    "Answer",
    "AnswerDocument",
    "EstablishmentSubmission",
    "Notification",
    "NotificationKind",
    "PortalAccount",
    "Receipt",
    "Representation",
]
