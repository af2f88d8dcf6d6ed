"""Summary tables behind the dashboards, and the ministry's analytics settings.

``Fact`` holds monthly aggregates of the case data, one row per (metric, month, office, sector,
dimension value, inspector). Every dashboard tile and report reads these rows, never the
million-row source tables; ``labourhub.analytics.refresh`` keeps them current.
"""

import datetime as dt

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel

# Month used for "stock" metrics (the registry as it is now), which a period filter ignores.
STOCK_MONTH = dt.date(2000, 1, 1)

DEFAULT_MIN_WAGE_PATTERNS = [
    "minimum wage",
    "salario mínimo",
    "salário mínimo",
    "salaire minimum",
    "lương tối thiểu",
]


class Fact(models.Model):
    metric = models.CharField(max_length=40)
    month = models.DateField()
    office_id = models.BigIntegerField()
    region_id = models.BigIntegerField()
    # ISIC Rev.4 section letter ("" when the source has no establishment).
    sector = models.CharField(max_length=1, blank=True, default="")
    dim = models.CharField(max_length=120, blank=True, default="")
    # 0 = not broken down by inspector (most metrics).
    inspector_id = models.BigIntegerField(default=0)
    value = models.DecimalField(max_digits=20, decimal_places=2)

    class Meta:
        indexes = [
            models.Index(fields=["metric", "month"], name="fact_metric_month"),
            models.Index(
                fields=["inspector_id", "metric", "month"],
                name="fact_inspector",
                condition=~Q(inspector_id=0),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.metric} {self.month} {self.dim}={self.value}"


class RefreshState(models.Model):
    """How far each source has been folded into ``Fact`` (its high-water ``updated_at``)."""

    source = models.CharField(max_length=40, unique=True)
    watermark = models.DateTimeField(null=True, blank=True)
    refreshed_at = models.DateTimeField(null=True, blank=True)
    rows_written = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.source} @ {self.watermark}"


class AnalyticsSettings(BaseModel):
    """One row per ministry (``pk`` is always 1)."""

    ranking_enabled = models.BooleanField(
        _("show supervisors how inspectors rank against each other"), default=True
    )
    min_wage_patterns = ArrayField(
        models.CharField(max_length=100),
        verbose_name=_("legal provisions that count as minimum-wage violations"),
        default=list,
        blank=True,
    )

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="one_analytics_settings")]


class ReportSchedule(BaseModel):
    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly (first day of the month, for the month before)")
        YEARLY = "yearly", _("Yearly (1 January, for the year before)")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "Excel (.xlsx)"
        CSV = "csv", "CSV"

    report = models.CharField(_("report"), max_length=60)
    frequency = models.CharField(_("frequency"), max_length=8, choices=Frequency.choices)
    file_format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    recipients = ArrayField(models.EmailField(), verbose_name=_("recipients"))
    office = models.ForeignKey(
        "accounts.Office",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("office"),
    )
    active = models.BooleanField(default=True)
    last_period = models.CharField(max_length=7, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["report", "id"]

    def __str__(self) -> str:
        return f"{self.report} ({self.frequency})"


class DivisionMap(BaseModel):
    """Division outlines a ministry's administrator uploaded for its map.

    The newest one not withdrawn replaces the country pack's outlines; older ones stay as a
    record. ``geojson`` is the checked file reduced to ``code``, ``name`` and the outline.
    """

    file_name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    geojson = models.JSONField()
    division_count = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.division_count})"
