from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import BaseModel


class TradeUnion(BaseModel):
    class Status(models.TextChoices):
        FILED = "filed", _("Filed")
        REVIEWED = "reviewed", _("Reviewed")
        REGISTERED = "registered", _("Registered")
        REFUSED = "refused", _("Refused")

    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("Enterprise union")
        INDUSTRY = "industry", _("Industry union")
        CRAFT = "craft", _("Craft or trade union")
        FEDERATION = "federation", _("Federation or confederation")

    file_number = models.CharField(_("file number"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100)
    members_count = models.PositiveIntegerField(_("founding members"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.FILED, db_index=True
    )
    certificate_number = models.CharField(
        _("certificate number"), max_length=40, unique=True, null=True, blank=True
    )
    review_notes = models.TextField(_("review notes"), blank=True)
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    filed_by_id = models.BigIntegerField(null=True, blank=True)
    # The registration runs as a case of the declared procedure (codes.REGISTRATION): the core
    # engine owns its steps, deadlines and audit; ``status`` mirrors the case's state for lists.
    case = models.OneToOneField(
        "workflow.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="registered")
                | models.Q(certificate_number__isnull=False),
                name="hn_tu_registered_has_certificate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_number} {self.name}"


class UnionOfficer(BaseModel):
    union = models.ForeignKey(TradeUnion, on_delete=models.CASCADE, related_name="officers")
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=100)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.position})"
