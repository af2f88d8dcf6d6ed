"""What the server keeps about offline work: applied batches (for idempotency), resumable
evidence uploads, and the ministry's offline settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class OfflineSettings(BaseModel):
    """One row per ministry (pk=1); a ministry that never saved it gets the defaults."""

    # Off by default: an inspector's position is personal data, recorded only when the
    # ministry has decided to, and then shown to the inspector on the visit screen.
    record_location = models.BooleanField(_("record the visit's location"), default=False)
    keep_days = models.PositiveIntegerField(_("days of assignments kept offline"), default=7)


class SyncBatch(BaseModel):
    """A batch the device sent. The key makes a retried batch apply once: the stored result is
    answered again instead of applying the changes twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    key = models.CharField(max_length=64)
    device_id = models.CharField(max_length=64, blank=True)
    result = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="offline_batch_once"),
        ]

    def __str__(self) -> str:
        return self.key


class EvidenceUpload(BaseModel):
    """A photo or file arriving in chunks; becomes an Evidence row once its hash checks out."""

    class Status(models.TextChoices):
        RECEIVING = "receiving", _("Receiving")
        DONE = "done", _("Stored")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    inspection = models.ForeignKey(
        "inspections.Inspection", on_delete=models.CASCADE, related_name="+"
    )
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    name = models.CharField(max_length=200)
    question_code = models.CharField(max_length=64, blank=True)
    caption = models.CharField(max_length=300, blank=True)
    device_time = models.DateTimeField(null=True, blank=True)
    received = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVING)
    evidence = models.ForeignKey(
        "inspections.Evidence", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "sha256"], name="offline_upload_once_per_inspection"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class EvidenceUploadChunk(models.Model):
    upload = models.ForeignKey(EvidenceUpload, on_delete=models.CASCADE, related_name="chunks")
    offset = models.PositiveBigIntegerField()
    data = models.BinaryField()

    class Meta:
        ordering = ["offset"]
        constraints = [
            models.UniqueConstraint(fields=["upload", "offset"], name="offline_chunk_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.upload_id}@{self.offset}"
