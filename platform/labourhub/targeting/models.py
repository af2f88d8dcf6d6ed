"""Risk models per ministry, the scores they give, and campaign draws with a control sample.

A model version keeps everything needed to score and to judge it: its learned parameters as
plain numbers (no pickled objects, so a version can be read, audited and re-scored by anyone),
the backtest metrics and a model card. Exactly one version is active at a time.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class ModelKind(models.TextChoices):
    BASELINE = "baseline", _("Transparent baseline (weighted rates)")
    LEARNED = "learned", _("Learned model (logistic regression)")


class Band(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class RiskModelVersion(BaseModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be trained")
        READY = "ready", _("Trained and evaluated")
        FAILED = "failed", _("Training failed")

    kind = models.CharField(_("kind"), max_length=16, choices=ModelKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    is_active = models.BooleanField(_("active"), default=False)
    # The first day of the held-out year: training used only what was known before it.
    test_from = models.DateField(_("held-out year starts"), null=True, blank=True)
    data_from = models.DateField(_("data from"), null=True, blank=True)
    data_to = models.DateField(_("data to"), null=True, blank=True)
    # Feature keys, standardisation and weights: everything scoring needs, as numbers.
    parameters = models.JSONField(default=dict, blank=True)
    # Backtest: precision at k, base rate, lift, hit rates by region and size.
    metrics = models.JSONField(default=dict, blank=True)
    training_rows = models.PositiveIntegerField(default=0)
    failure = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    trained_at = models.DateTimeField(null=True, blank=True)
    activated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="one_active_risk_model"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class RiskScore(models.Model):
    """One establishment's score under one model version, with its top reasons."""

    version = models.ForeignKey(RiskModelVersion, on_delete=models.CASCADE, related_name="scores")
    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.CASCADE, related_name="+"
    )
    # Copied from the registry when scored, so the ranking filters and counts one table.
    office_id_at_scoring = models.BigIntegerField()
    region_id_at_scoring = models.BigIntegerField()
    sector = models.CharField(max_length=1)
    size_band = models.CharField(max_length=8)
    score = models.FloatField()
    rank = models.PositiveIntegerField()
    band = models.CharField(max_length=8, choices=Band.choices)
    # [[feature key, raw value, contribution], ...], strongest first; rendered in words.
    reasons = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "establishment"], name="risk_score_unique")
        ]
        indexes = [
            models.Index(fields=["version", "rank"], name="risk_score_rank"),
            models.Index(
                fields=["version", "region_id_at_scoring", "rank"], name="risk_score_region_rank"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.establishment_id}: {self.score:.3f}"


class RiskDraw(BaseModel):
    """Targets taken from the ranking for a campaign, with a random control share.

    The seed is kept so anyone can redraw the control sample and get the same establishments.
    """

    campaign = models.ForeignKey("inspections.Campaign", on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey(RiskModelVersion, on_delete=models.PROTECT, related_name="+")
    requested = models.PositiveIntegerField(_("targets"))
    control_share = models.DecimalField(_("control share"), max_digits=4, decimal_places=3)
    seed = models.BigIntegerField()
    pool_size = models.PositiveIntegerField(default=0)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-id"]


class RiskDrawEntry(models.Model):
    class Kind(models.TextChoices):
        RANKED = "ranked", _("From the ranking")
        CONTROL = "control", _("Random control")

    draw = models.ForeignKey(RiskDraw, on_delete=models.CASCADE, related_name="entries")
    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    score = models.FloatField(null=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["draw", "establishment"], name="risk_draw_unique")
        ]

    def __str__(self) -> str:
        return f"{self.draw_id}:{self.establishment_id}:{self.kind}"
