"""Letter templates (versioned), numbered documents, and their signatures."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class DocumentKind(models.TextChoices):
    ORDER_TO_INSPECT = "order_to_inspect", _("Order to inspect")
    NOTICE_OF_INSPECTION = "notice_of_inspection", _("Notice of inspection")
    MINUTES = "minutes", _("Inspection minutes / report")
    COMPLIANCE_ORDER = "compliance_order", _("Compliance order")
    INFRACTION_REPORT = "infraction_report", _("Infraction report")
    SANCTION_NOTICE = "sanction_notice", _("Sanction notice")
    FINE_DECISION = "fine_decision", _("Fine decision")
    HEARING_SUMMONS = "hearing_summons", _("Hearing summons")
    APPEAL_DECISION = "appeal_decision", _("Appeal decision")
    REFERRAL = "referral", _("Referral")
    COMPLAINT_ACKNOWLEDGEMENT = "complaint_ack", _("Complaint acknowledgement")
    CERTIFICATE = "certificate", _("Certificate")


# The letters printed in front of the number: OI-2026-000123.
KIND_PREFIX: dict[str, str] = {
    DocumentKind.ORDER_TO_INSPECT: "OI",
    DocumentKind.NOTICE_OF_INSPECTION: "NI",
    DocumentKind.MINUTES: "MR",
    DocumentKind.COMPLIANCE_ORDER: "CO",
    DocumentKind.INFRACTION_REPORT: "IR",
    DocumentKind.SANCTION_NOTICE: "SN",
    DocumentKind.FINE_DECISION: "FD",
    DocumentKind.HEARING_SUMMONS: "HS",
    DocumentKind.APPEAL_DECISION: "AD",
    DocumentKind.REFERRAL: "RF",
    DocumentKind.COMPLAINT_ACKNOWLEDGEMENT: "CA",
    DocumentKind.CERTIFICATE: "CE",
}


class Layout(models.TextChoices):
    SINGLE = "single", _("One language")
    COLUMNS = "columns", _("Two languages side by side")
    SECTIONS = "sections", _("Two languages, one after the other")


class DocumentTemplate(BaseModel):
    """One per document kind; its text lives in immutable ``TemplateVersion`` rows."""

    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices, unique=True)
    current_version = models.ForeignKey(
        "TemplateVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class TemplateVersion(BaseModel):
    template = models.ForeignKey(
        DocumentTemplate, on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    layout = models.CharField(_("layout"), max_length=16, choices=Layout.choices)
    # The first language is the primary one; a second one makes the letter bilingual.
    languages = ArrayField(models.CharField(max_length=8), size=2, verbose_name=_("languages"))
    # language code -> {"title": str, "body": Jinja source}
    texts = models.JSONField(_("texts"))
    note = models.CharField(_("change note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="one_number_per_version"),
            models.CheckConstraint(
                condition=models.Q(layout="single", languages__len=1)
                | (~models.Q(layout="single") & models.Q(languages__len=2)),
                name="layout_matches_language_count",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} v{self.number}"


class NumberSequence(models.Model):
    """The last number handed out for one kind in one year; rows are locked, never deleted."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="one_sequence_per_prefix_year")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last_value}"


class Document(BaseModel):
    class Status(models.TextChoices):
        ISSUED = "issued", _("Issued, not signed")
        SIGNED = "signed", _("Signed")

    number = models.CharField(_("number"), max_length=32, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    template_version = models.ForeignKey(
        TemplateVersion, on_delete=models.PROTECT, related_name="documents"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ISSUED
    )
    title = models.CharField(_("title"), max_length=300)
    # The case (or any record) the document belongs to; the case file groups on this pair.
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_id = models.CharField(max_length=64, blank=True)
    subject_label = models.CharField(max_length=300, blank=True)
    # Unguessable code printed in the QR; the only key the public verification page accepts.
    verification_code = models.CharField(max_length=32, unique=True)
    # Exactly what the template saw, so a re-render years later is reproducible.
    context = models.JSONField(default=dict)
    pdf_file = models.CharField(max_length=300)
    pdf_sha256 = models.CharField(max_length=64)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "created_at"])]

    def __str__(self) -> str:
        return str(self.number)


class Signature(models.Model):
    """Append-only (a database trigger refuses UPDATE and DELETE)."""

    document = models.OneToOneField(Document, on_delete=models.PROTECT, related_name="signature")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(max_length=300)
    signer_role = models.CharField(max_length=100)
    signed_at = models.DateTimeField()
    sha256 = models.CharField(max_length=64, db_index=True)
    storage_key = models.CharField(max_length=300, unique=True)
    provider = models.CharField(max_length=64, default="internal")
    provider_data = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"{self.document} signed by {self.signer_name}"
