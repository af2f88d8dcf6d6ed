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
COMPLAINT_FILED = audit_action_register(
    code="portal_complaint.filed", label=_("Complaint filed from a worker account")
)
COMPLAINT_CLAIMED = audit_action_register(
    code="portal_complaint.claimed", label=_("Complaint added to a worker account by its code")
)
COMPLAINT_DOCUMENT_SHARED = audit_action_register(
    code="portal_complaint.document_shared", label=_("Document shared with the complainant")
)
COMPLAINT_DOCUMENT_UNSHARED = audit_action_register(
    code="portal_complaint.document_unshared",
    label=_("Document no longer shared with the complainant"),
)
ACCIDENT_NOTIFIED = audit_action_register(
    code="portal_accident.notified", label=_("Work accident notified from the portal")
)
REPORT_FILED = audit_action_register(
    code="establishment_report.filed", label=_("Establishment report filed from the portal")
)
REPORT_REVIEWED = audit_action_register(
    code="establishment_report.reviewed", label=_("Establishment report reviewed by the ministry")
)
NOTIFICATION_REMINDED = audit_action_register(
    code="ebox_notification.reminded", label=_("Unopened notification reminded by e-mail")
)
NOTIFICATION_DEEMED_SERVED = audit_action_register(
    code="ebox_notification.deemed_served",
    label=_("Unopened notification deemed served after the legal period"),
)
