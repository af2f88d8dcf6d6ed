"""What a visit records: answers, findings, evidence, alerts and corrections."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel
from labourhub.inspections.models.checklists import ChecklistQuestion, Severity
from labourhub.inspections.models.planning import Inspection


class Answer(BaseModel):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(ChecklistQuestion, on_delete=models.PROTECT, related_name="+")
    value = models.JSONField(null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # Set when an approved correction changed the value; the original stays on the Correction.
    amended = models.BooleanField(default=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inspection", "question"], name="answer_unique")
        ]


class Finding(BaseModel):
    """A non-compliance found on the visit; enforcement turns it into orders and sanctions."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="findings")
    answer = models.OneToOneField(
        Answer, on_delete=models.SET_NULL, null=True, blank=True, related_name="finding"
    )
    question = models.ForeignKey(
        ChecklistQuestion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Snapshot of the provision at the time of the finding: laws change, findings do not.
    provision = models.CharField(_("legal provision"), max_length=400, blank=True)
    description = models.TextField(_("description"))
    workers_affected_female = models.PositiveIntegerField(_("women affected"), default=0)
    workers_affected_male = models.PositiveIntegerField(_("men affected"), default=0)
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices)
    corrective_measure = models.TextField(_("corrective measure"), blank=True)
    penalty_min = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    penalty_max = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    child_labour = models.BooleanField(default=False)
    # An approved correction can make the answer compliant again; the finding stays on record.
    withdrawn_by = models.ForeignKey(
        "inspections.Correction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def workers_affected(self) -> int:
        return self.workers_affected_female + self.workers_affected_male


class Evidence(BaseModel):
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="evidence")
    question = models.ForeignKey(
        ChecklistQuestion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    original_name = models.CharField(_("file name"), max_length=200)
    storage_key = models.CharField(max_length=500, unique=True)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class InspectionAlert(BaseModel):
    class Kind(models.TextChoices):
        REFUSED_ENTRY = "refused_entry", _("Entry refused")
        CHILD_LABOUR = "child_labour", _("Child labour found")

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    message = models.TextField(_("message"))
    notified_user_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    # Who has seen it in their bell (the bell counts it until then).
    read_by_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "kind"], name="alert_once_per_kind")
        ]


class Correction(BaseModel):
    """A change asked for after submission: approved by a supervisor, shown as an amendment."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="corrections")
    question = models.ForeignKey(ChecklistQuestion, on_delete=models.PROTECT, related_name="+")
    original_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
