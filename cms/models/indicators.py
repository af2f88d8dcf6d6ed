"""The national indicators database: definitions, dimensions, observations, contributions.

Observations hold only *published* values. Contributed rows wait in ``DatasetRow`` until their
release date, so an embargoed number cannot leak through any page, download or API: they all read
``Observation``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel

TOTAL = "_T"  # SDMX code for "all values of this dimension"


class Agency(BaseModel):
    """A data producer under the MOU: statistics office, social insurance, labour department."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="lmi_agencies",
        verbose_name=_("contributors"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner agency")
        verbose_name_plural = _("partner agencies")

    def __str__(self) -> str:
        return self.name


class Dimension(BaseModel):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("dimension")

    def __str__(self) -> str:
        return self.name


class DimensionValue(BaseModel):
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="values")
    code = models.CharField(_("code"), max_length=32)
    label = models.CharField(_("label"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["dimension", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "code"], name="cms_dimvalue_unique")
        ]

    def __str__(self) -> str:
        return f"{self.dimension.code}={self.code}"


class Indicator(BaseModel):  # type: ignore[django-manager-missing]  # Wagtail is untyped
    class Unit(models.TextChoices):
        PERCENT = "percent", _("Percent")
        THOUSANDS = "thousands", _("Thousands of persons")
        COUNT = "count", _("Count")
        RATIO = "ratio", _("Rate per 100,000")
        CURRENCY = "currency", _("Local currency")

    class Periodicity(models.TextChoices):
        ANNUAL = "A", _("Annual")
        QUARTERLY = "Q", _("Quarterly")
        MONTHLY = "M", _("Monthly")

    class Source(models.TextChoices):
        SURVEY = "survey", _("Household or establishment survey")
        ADMIN = "admin", _("Administrative records of a partner agency")
        CASE_SYSTEM = "case_system", _("LabourHub case records (inspections, complaints)")

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"))
    ilo_code = models.CharField(
        _("ILOSTAT concept"),
        max_length=64,
        blank=True,
        help_text=_(
            "ILOSTAT indicator identifier this definition follows, e.g. UNE_DEAP_SEX_AGE_RT."
        ),
    )
    sdg = models.CharField(_("SDG indicator"), max_length=16, blank=True)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=1)
    periodicity = models.CharField(
        _("periodicity"), max_length=1, choices=Periodicity.choices, default=Periodicity.ANNUAL
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("source agency")
    )
    source = models.CharField(_("source type"), max_length=16, choices=Source.choices)
    # For Source.CASE_SYSTEM: the analytics definition (issue 8) whose scheduled output feeds
    # this indicator through the same observation-apply path as an approved upload.
    analytics_definition = models.CharField(max_length=100, blank=True)
    dimensions = models.ManyToManyField(Dimension, blank=True, verbose_name=_("dimensions"))
    headline = models.BooleanField(_("headline on the home page"), default=False)
    share_regionally = models.BooleanField(
        _("share with the regional portal"),
        default=False,
        help_text=_(
            "The ministry consents to show this indicator's published values on the regional portal."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("indicator")

    def __str__(self) -> str:
        return self.name

    @property
    def suppressible(self) -> bool:
        # Only raw counts can identify a person or establishment; rates are computed on totals.
        return self.unit == self.Unit.COUNT


class LmiSettings(BaseModel):
    """Per-ministry publication settings (one row per schema)."""

    suppression_threshold = models.PositiveSmallIntegerField(
        _("small-count threshold"),
        default=5,
        help_text=_("Counts below this number are never published."),
    )

    class Meta:
        verbose_name = _("LMI settings")
        verbose_name_plural = _("LMI settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(suppression_threshold__gte=1), name="cms_threshold_positive"
            )
        ]


class Flag(models.TextChoices):
    """Observation status, with SDMX OBS_STATUS codes."""

    NORMAL = "A", _("Normal")
    PROVISIONAL = "P", _("Provisional")
    REVISED = "R", _("Revised")
    BREAK = "B", _("Break in series")
    ESTIMATED = "E", _("Estimated")


class Release(BaseModel):
    """An entry in the public release calendar."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="releases")
    title = models.CharField(_("title"), max_length=200)
    scheduled_for = models.DateTimeField(_("release date"))
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SCHEDULED)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["scheduled_for"]

    def __str__(self) -> str:
        return self.title


class Dataset(BaseModel):
    """One upload by a partner agency, and its way through vetting to publication."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for vetting")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved, embargoed until the release date")
        PUBLISHED = "published", _("Published")

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="datasets")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="datasets")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    file = models.FileField(upload_to="lmi/uploads/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    row_count = models.PositiveIntegerField(default=0)
    comment = models.TextField(_("editor's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    release = models.OneToOneField(
        Release, on_delete=models.SET_NULL, null=True, blank=True, related_name="dataset"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.indicator.code} #{self.pk}"


class DatasetRow(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField()
    period = models.CharField(max_length=10)
    dims = models.JSONField(default=dict)
    dims_key = models.CharField(max_length=255)
    value = models.DecimalField(max_digits=18, decimal_places=4)
    flag = models.CharField(max_length=1, choices=Flag.choices, default=Flag.NORMAL)

    class Meta:
        ordering = ["line"]

    def __str__(self) -> str:
        return f"{self.period} {self.dims_key}"


class Observation(models.Model):
    """A published value. Unique per indicator, period and dimension combination."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    period = models.CharField(max_length=10)
    dims = models.JSONField(default=dict)
    dims_key = models.CharField(max_length=255)
    value = models.DecimalField(max_digits=18, decimal_places=4)
    flag = models.CharField(max_length=1, choices=Flag.choices, default=Flag.NORMAL)
    dataset = models.ForeignKey(Dataset, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "dims_key", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "dims_key"], name="cms_observation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.dims_key}"


class ObservationRevision(models.Model):
    """What a publication changed: the public 'what changed' list and the revision history."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="revisions")
    dataset = models.ForeignKey(Dataset, on_delete=models.SET_NULL, null=True, related_name="+")
    old_value = models.DecimalField(max_digits=18, decimal_places=4)
    new_value = models.DecimalField(max_digits=18, decimal_places=4)
    revised_at = models.DateTimeField()

    class Meta:
        ordering = ["-revised_at", "-id"]

    def __str__(self) -> str:
        return f"{self.old_value} -> {self.new_value}"
