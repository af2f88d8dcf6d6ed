from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class EstablishmentSubmission(BaseModel):
    """An employer's proposed new establishment, or new data for one they represent, waiting for
    a clerk. Nothing reaches the registry until the clerk accepts it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the ministry's review")
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Set for an update from the start; for a new establishment once the clerk accepts it.
    establishment = models.ForeignKey(
        "registry.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portal_submissions",
    )
    is_update = models.BooleanField(default=False)
    name = models.CharField(_("name"), max_length=300)
    address = models.CharField(_("address"), max_length=500)
    locality = models.CharField(_("locality"), max_length=200)
    isic_code = models.CharField(_("ISIC Rev.4 class"), max_length=4)
    workers_female = models.PositiveIntegerField(_("women workers"), default=0)
    workers_male = models.PositiveIntegerField(_("men workers"), default=0)
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    # The registry's duplicate check as it stood on submission: [{id, score, reasons}].
    duplicate_candidates = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="portal_submission_queue_idx")
        ]

    def __str__(self) -> str:
        return self.name
