from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class NotificationKind(models.TextChoices):
    INSPECTION_ORDER = "inspection_order", _("Inspection order (remote inspection)")
    DOCUMENT_REQUIREMENT = "document_requirement", _("Requirement to produce documents")
    COMPLIANCE_ORDER = "compliance_order", _("Compliance order")
    SANCTION = "sanction", _("Sanction")
    HEARING_SUMMONS = "hearing_summons", _("Hearing summons")


class Notification(BaseModel):
    """A formal notification served to an establishment's electronic inbox.

    ``kind`` holds a core kind or one a plugin declared (``register_inbox_document_kinds``), so
    it is validated by the service, not by database choices.
    """

    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.PROTECT, related_name="inbox"
    )
    inspection = models.ForeignKey(
        "inspections.Inspection",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inspection"),
    )
    case = models.ForeignKey(
        "workflow.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case"),
    )
    kind = models.CharField(_("kind"), max_length=60)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    requested_documents = models.JSONField(_("documents required"), default=list, blank=True)
    reply_days = models.PositiveSmallIntegerField(_("working days to answer"), default=0)
    served_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    served_at = models.DateTimeField(_("served"))
    # Where the procedure deems an unopened notification served after a legal period, that many
    # working days after serving; 0: only opening it serves it.
    deemed_after_days = models.PositiveSmallIntegerField(
        _("deemed served after (working days, 0 = never)"), default=0
    )
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    # Set from the receipt: the legal time limit runs from the day the employer opened it.
    due_on = models.DateField(_("answer due"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)

    class Meta:
        ordering = ["-served_at", "-id"]
        indexes = [
            models.Index(fields=["establishment", "-served_at"], name="ebox_establishment_idx")
        ]

    def __str__(self) -> str:
        return self.subject


class Receipt(models.Model):
    """The legal receipt: who opened a notification and when. Never updated, never deleted
    (a database trigger refuses both)."""

    notification = models.OneToOneField(
        Notification, on_delete=models.PROTECT, related_name="receipt"
    )
    # Empty when the notification was deemed served unopened after the legal period.
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened"))
    deemed = models.BooleanField(_("deemed served"), default=False)
    ip = models.GenericIPAddressField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.notification_id} @ {self.opened_at:%Y-%m-%d %H:%M}"


class Answer(BaseModel):
    notification = models.ForeignKey(Notification, on_delete=models.PROTECT, related_name="answers")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.notification_id}:{self.pk}"


class AnswerDocument(BaseModel):
    answer = models.ForeignKey(Answer, on_delete=models.PROTECT, related_name="documents")
    original_name = models.CharField(_("file name"), max_length=200)
    storage_key = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name
