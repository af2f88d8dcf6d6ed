from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class PortalAccount(BaseModel):
    """What an outsider told the ministry when signing up, and where its checks stand.

    The login itself is an ordinary ``accounts.User`` holding the employer or worker role; this
    row carries the portal-only facts so staff accounts stay untouched.
    """

    class Kind(models.TextChoices):
        EMPLOYER = "employer", _("Employer")
        WORKER = "worker", _("Worker")

    class Status(models.TextChoices):
        EMAIL_PENDING = "email_pending", _("Waiting for e-mail confirmation")
        REVIEW_PENDING = "review_pending", _("Waiting for the ministry's check")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Refused")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="portal_account"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.EMAIL_PENDING
    )
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    tax_number = models.CharField(_("tax or registration number"), max_length=64, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email_verified_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    reviewed_at = models.DateTimeField(_("checked"), null=True, blank=True)
    review_note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="portal_account_queue_idx")]

    def __str__(self) -> str:
        return self.organisation or self.user.get_username()


class AccountEvidence(BaseModel):
    """A document the employer uploaded to prove who they act for (kept with its SHA-256)."""

    account = models.ForeignKey(PortalAccount, on_delete=models.PROTECT, related_name="evidence")
    original_name = models.CharField(_("file name"), max_length=200)
    storage_key = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.original_name


class Representation(BaseModel):
    """A person acting for an establishment; several each way, ended rather than deleted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="representations"
    )
    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.PROTECT, related_name="representatives"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "establishment"],
                condition=models.Q(removed_at__isnull=True),
                name="one_active_representation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.establishment_id}"
