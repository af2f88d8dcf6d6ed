import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class PartnerClient(BaseModel):
    """Another system of the ministry's partners, calling the API with OAuth2 client credentials.

    The OAuth2 application (``oauth2_provider``) holds the client id and the hashed secret; this
    row holds what the ministry decided about the partner: who they are, which scopes they may
    ask for, whether they are suspended. ``service_user`` is the account their requests act as,
    so the audit trail names the partner; it has no password and cannot sign in.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")

    name = models.CharField(_("name"), max_length=200)
    contact = models.CharField(_("contact"), max_length=300)
    allowed_scopes = models.JSONField(_("allowed scopes"), default=list)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    rate_per_minute = models.PositiveIntegerField(_("requests per minute"), default=600)
    application = models.OneToOneField(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL,
        on_delete=models.PROTECT,
        related_name="partner",
    )
    service_user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="partner_client"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def scope_labels(self) -> list[str]:
        from labourhub.interop.scopes import SCOPES

        return [str(SCOPES.get(code, code)) for code in self.allowed_scopes]


class WebhookSubscription(BaseModel):
    """Where a partner wants events pushed, and which kinds of event."""

    partner = models.ForeignKey(
        PartnerClient, on_delete=models.CASCADE, related_name="subscriptions"
    )
    url = models.URLField(_("address"), max_length=500)
    event_types = models.JSONField(_("event types"), default=list)
    # Signing key of the HMAC-SHA256 header; shown once to the partner at creation.
    secret = models.CharField(max_length=100)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.url

    @property
    def event_labels(self) -> list[str]:
        from labourhub.audit.events import audit_action_label

        return [audit_action_label(code) for code in self.event_types]


class OutboxEvent(models.Model):
    """One CloudEvent, written in the transaction of the audited change it announces."""

    event_id = models.UUIDField(default=uuid.uuid4, unique=True)
    type = models.CharField(max_length=150)
    source = models.CharField(max_length=200)
    subject = models.CharField(max_length=200, blank=True)
    time = models.DateTimeField()
    data = models.JSONField(default=dict)
    audit_event_id = models.BigIntegerField(db_index=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class Delivery(models.Model):
    """One event owed to one subscription; at least once, retried with back-off."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be delivered")
        DELIVERED = "delivered", _("Delivered")
        DEAD = "dead", _("Given up (dead letter)")

    event = models.ForeignKey(OutboxEvent, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    last_error = models.CharField(max_length=500, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "subscription"], name="delivery_once")
        ]

    def __str__(self) -> str:
        return f"{self.event_id} -> {self.subscription_id}"


class PartnerRequest(models.Model):
    """Each API request a partner made: who, what, when (the usage log the administrator reads)."""

    partner = models.ForeignKey(PartnerClient, on_delete=models.CASCADE, related_name="requests")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.method} {self.path}"
