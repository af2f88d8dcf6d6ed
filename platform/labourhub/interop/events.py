"""Audit kinds of the interoperability app."""

from django.utils.translation import gettext_lazy as _

from labourhub.audit.events import audit_action_register

PARTNER_REGISTERED = audit_action_register(
    code="partner_client.registered", label=_("Partner system registered")
)
PARTNER_SUSPENDED = audit_action_register(
    code="partner_client.suspended", label=_("Partner system suspended")
)
PARTNER_REACTIVATED = audit_action_register(
    code="partner_client.reactivated", label=_("Partner system reactivated")
)
PARTNER_SECRET_ROTATED = audit_action_register(
    code="partner_client.secret_rotated", label=_("Partner system secret replaced")
)
SUBSCRIPTION_CREATED = audit_action_register(
    code="webhook_subscription.created", label=_("Event subscription created")
)
DELIVERY_REPLAYED = audit_action_register(
    code="webhook_delivery.replayed", label=_("Event delivery replayed")
)

# The trail's own bookkeeping about partners never leaves as an event.
NOT_PUBLISHED_PREFIXES = ("partner_client.", "webhook_", "auth.", "audit.")
