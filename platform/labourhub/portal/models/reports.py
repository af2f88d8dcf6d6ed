from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class EstablishmentReport(BaseModel):
    """A report an employer files about an establishment's workforce (closure, retrenchment...).

    The kinds come from the ministry's country pack (``register_establishment_report_kinds``);
    the core only stores and counts them. Returned reports are kept, with the reason, and do not
    count in indicators.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received, waiting for review")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged by the ministry")
        RETURNED = "returned", _("Returned to the employer")

    establishment = models.ForeignKey(
        "registry.Establishment",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("establishment"),
    )
    kind = models.CharField(_("kind of report"), max_length=60)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    workers_female = models.PositiveIntegerField(_("women affected"))
    workers_male = models.PositiveIntegerField(_("men affected"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    reasons = models.TextField(_("reasons"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="report_queue_idx"),
            models.Index(fields=["kind", "starts_on"], name="report_kind_idx"),
        ]

    @property
    def workers_affected(self) -> int:
        return self.workers_female + self.workers_male

    def __str__(self) -> str:
        return f"{self.kind} {self.establishment_id} {self.starts_on}"
