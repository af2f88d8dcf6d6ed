from labourhub.portal.models.accounts import AccountEvidence, PortalAccount, Representation
from labourhub.portal.models.ebox import (
    Answer,
    AnswerDocument,
    Notification,
    NotificationKind,
    Receipt,
)

__all__ = [
    "AccountEvidence",
    "Answer",
    "AnswerDocument",
    "Notification",
    "NotificationKind",
    "PortalAccount",
    "Receipt",
    "Representation",
]
