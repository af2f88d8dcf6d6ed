"""The portal's audit event kinds, declared through the audit registry so the trail labels them."""

from django.utils.translation import gettext_lazy as _

from labourhub.audit.events import audit_action_register

ACCOUNT_SIGNED_UP = audit_action_register(
    code="portal_account.signed_up", label=_("Portal account created")
)
ACCOUNT_EMAIL_VERIFIED = audit_action_register(
    code="portal_account.email_verified", label=_("Portal e-mail address confirmed")
)
ACCOUNT_EVIDENCE_ADDED = audit_action_register(
    code="portal_account.evidence_added", label=_("Portal account evidence uploaded")
)
ACCOUNT_VERIFIED = audit_action_register(
    code="portal_account.verified", label=_("Portal account verified by the ministry")
)
ACCOUNT_REJECTED = audit_action_register(
    code="portal_account.rejected", label=_("Portal account refused by the ministry")
)
REPRESENTATION_ADDED = audit_action_register(
    code="representation.added", label=_("Representative linked to an establishment")
)
REPRESENTATION_REMOVED = audit_action_register(
    code="representation.removed", label=_("Representative removed from an establishment")
)
NOTIFICATION_SERVED = audit_action_register(
    code="ebox_notification.served", label=_("Notification served to the electronic inbox")
)
NOTIFICATION_OPENED = audit_action_register(
    code="ebox_notification.opened", label=_("Notification opened (legal receipt)")
)
NOTIFICATION_ANSWERED = audit_action_register(
    code="ebox_notification.answered", label=_("Notification answered with documents")
)
NOTIFICATION_REVIEWED = audit_action_register(
    code="ebox_notification.reviewed", label=_("Notification answer reviewed")
)
SUBMISSION_FILED = audit_action_register(
    code="establishment_submission.filed", label=_("Establishment data submitted from the portal")
)
SUBMISSION_ACCEPTED = audit_action_register(
    code="establishment_submission.accepted",
    label=_("Establishment submission accepted by the ministry"),
)
SUBMISSION_REFUSED = audit_action_register(
    code="establishment_submission.refused",
    label=_("Establishment submission refused by the ministry"),
)
