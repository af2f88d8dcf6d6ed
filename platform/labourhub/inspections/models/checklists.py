"""Checklists, their published versions, sections and questions, and how serious a finding is."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class Severity(models.TextChoices):
    MINOR = "minor", _("Minor")
    SERIOUS = "serious", _("Serious")
    VERY_SERIOUS = "very_serious", _("Very serious")


class Checklist(BaseModel):
    class Topic(models.TextChoices):
        GENERAL = "general", _("General labour standards")
        OSH = "osh", _("Occupational safety and health")
        CHILD_LABOUR = "child_labour", _("Child labour")
        SECTOR = "sector", _("Sector")

    code = models.SlugField(_("code"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=200)
    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices)
    sector = models.CharField(_("sector"), max_length=100, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ChecklistVersion(BaseModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["checklist", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["checklist", "number"], name="checklist_version_unique"
            ),
            models.UniqueConstraint(
                fields=["checklist"], condition=Q(status="draft"), name="one_draft_per_checklist"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.checklist.code} v{self.number}"


class ChecklistSection(BaseModel):
    version = models.ForeignKey(ChecklistVersion, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class ChecklistQuestion(BaseModel):
    class Kind(models.TextChoices):
        YES_NO_NA = "yes_no_na", _("Yes / no / not applicable")
        NUMBER = "number", _("Number")
        TEXT = "text", _("Text")
        DATE = "date", _("Date")
        CHOICE = "choice", _("Choice")
        PHOTO = "photo", _("Photo")
        SIGNATURE = "signature", _("Signature")

    section = models.ForeignKey(
        ChecklistSection, on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveIntegerField(default=0)
    code = models.SlugField(_("code"), max_length=64)
    text = models.CharField(_("question"), max_length=500)
    kind = models.CharField(_("answer type"), max_length=16, choices=Kind.choices)
    choices = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    required = models.BooleanField(_("required"), default=False)
    # Conditional question: shown only when the question ``condition_code`` has this answer.
    condition_code = models.SlugField(_("show only when question"), max_length=64, blank=True)
    condition_value = models.CharField(_("has the answer"), max_length=100, blank=True)
    # The answer that means "not compliant" ("no" for yes/no questions); empty = never.
    noncompliant_value = models.CharField(_("non-compliant answer"), max_length=100, blank=True)
    legal_article = models.CharField(_("article"), max_length=100, blank=True)
    legal_instrument = models.CharField(_("law or regulation"), max_length=200, blank=True)
    legal_version = models.CharField(_("law version"), max_length=100, blank=True)
    corrective_measure = models.TextField(_("suggested corrective measure"), blank=True)
    penalty_min = models.DecimalField(
        _("minimum penalty"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    penalty_max = models.DecimalField(
        _("maximum penalty"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    penalty_unit = models.CharField(_("penalty unit"), max_length=32, blank=True)
    severity = models.CharField(
        _("severity"), max_length=16, choices=Severity.choices, default=Severity.SERIOUS
    )
    # A non-compliant answer here is child labour: escalate at once.
    child_labour = models.BooleanField(_("child labour indicator"), default=False)

    class Meta:
        ordering = ["section__order", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(penalty_min__isnull=True)
                | Q(penalty_max__isnull=True)
                | Q(penalty_max__gte=F("penalty_min")),
                name="question_penalty_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def provision(self) -> str:
        parts = [p for p in (self.legal_article, self.legal_instrument) if p]
        text = ", ".join(parts)
        return f"{text} ({self.legal_version})" if text and self.legal_version else text
