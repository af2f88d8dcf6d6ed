"""Connector sources and runs, the declared workers they load, and workers found on site."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel
from labourhub.extensions.connector_types import AGE_BANDS, CONTRACT_TYPES

SEX_CHOICES = [("F", _("Woman")), ("M", _("Man"))]
AGE_BAND_LABELS = dict(
    zip(
        AGE_BANDS,
        [
            _("Under 18"),
            _("18-24"),
            _("25-34"),
            _("35-44"),
            _("45-54"),
            _("55-64"),
            _("65 and over"),
        ],
        strict=True,
    )
)
CONTRACT_LABELS = dict(
    zip(
        CONTRACT_TYPES,
        [_("Permanent"), _("Fixed term"), _("Part time"), _("Apprentice or trainee"), _("Other")],
        strict=True,
    )
)


class ConnectorSource(BaseModel):
    class Transport(models.TextChoices):
        DROP = "drop", _("File drop in object storage")
        HTTP = "http", _("Partner's HTTP endpoint")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("format"), max_length=64)
    transport = models.CharField(_("transport"), max_length=8, choices=Transport.choices)
    # Object-storage prefix of the drop, derived from a random id (never from user input).
    drop_prefix = models.CharField(max_length=100, blank=True)
    url = models.URLField(_("endpoint address"), max_length=500, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ConnectorRun(BaseModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        CHECKING = "checking", _("Checking the file")
        WRITING = "writing", _("Writing")
        DONE = "done", _("Loaded")
        UNCHANGED = "unchanged", _("Already loaded: nothing changed")
        REJECTED = "rejected", _("Refused: nothing was saved")
        FAILED = "failed", _("Failed: nothing was saved")

    FINISHED = (Status.DONE, Status.UNCHANGED, Status.REJECTED, Status.FAILED)

    source = models.ForeignKey(ConnectorSource, on_delete=models.PROTECT, related_name="runs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    storage_key = models.CharField(max_length=300, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    size_bytes = models.PositiveBigIntegerField(default=0)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    removed_count = models.PositiveIntegerField(default=0)
    matched_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    # A file-level problem: a msgid and its parameters, translated when shown.
    message = models.CharField(max_length=300, blank=True)
    message_params = models.JSONField(default=dict, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            # The same file is loaded into a source at most once (idempotency, in the database).
            models.UniqueConstraint(
                fields=["source", "content_hash"],
                condition=Q(status="done"),
                name="connector_run_file_loaded_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id}/{self.pk} {self.status}"

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def percent(self) -> int:
        if self.finished:
            return 100
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 0


class ConnectorRowError(models.Model):
    run = models.ForeignKey(ConnectorRun, on_delete=models.CASCADE, related_name="row_errors")
    line = models.PositiveIntegerField()
    field = models.CharField(max_length=64, blank=True)
    message = models.CharField(max_length=300)
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["line", "id"]

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


class DeclaredWorker(BaseModel):
    """A worker on an establishment's latest declared roster (``active``) or on an earlier one."""

    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.PROTECT, related_name="declared_workers"
    )
    id_number = models.CharField(_("ID number"), max_length=32)
    id_type = models.CharField(_("ID type"), max_length=16, blank=True)
    full_name = models.CharField(_("name"), max_length=200)
    sex = models.CharField(_("sex"), max_length=1, choices=SEX_CHOICES)
    age_band = models.CharField(_("age band"), max_length=8, choices=AGE_BAND_LABELS.items())
    contract_type = models.CharField(
        _("contract type"), max_length=12, choices=CONTRACT_LABELS.items()
    )
    wage = models.DecimalField(_("wage"), max_digits=12, decimal_places=2, null=True, blank=True)
    period = models.CharField(_("period"), max_length=7)
    active = models.BooleanField(default=True)
    source = models.ForeignKey(ConnectorSource, on_delete=models.PROTECT, related_name="+")
    last_run = models.ForeignKey(ConnectorRun, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["full_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["establishment", "id_number"], name="declared_worker_natural_key"
            )
        ]

    def __str__(self) -> str:
        return self.full_name


class DeclaredWorkerChange(models.Model):
    """History: what a run changed on one declared worker."""

    class Change(models.TextChoices):
        ADDED = "added", _("Declared")
        CHANGED = "changed", _("Changed")
        REMOVED = "removed", _("No longer declared")
        RETURNED = "returned", _("Declared again")

    worker = models.ForeignKey(DeclaredWorker, on_delete=models.CASCADE, related_name="history")
    run = models.ForeignKey(ConnectorRun, on_delete=models.PROTECT, related_name="+")
    change = models.CharField(max_length=8, choices=Change.choices)
    period = models.CharField(max_length=7)
    before = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.worker_id} {self.change}"


class AccidentImport(models.Model):
    """Which accident notification a partner's record became (or matched)."""

    source = models.ForeignKey(ConnectorSource, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=64)
    notification = models.ForeignKey(
        "complaints.AccidentNotification", on_delete=models.PROTECT, related_name="+"
    )
    run = models.ForeignKey(ConnectorRun, on_delete=models.PROTECT, related_name="+")
    # True when the ministry already had it (same establishment, day and worker).
    matched_existing = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "reference"], name="accident_import_natural_key"
            )
        ]

    def __str__(self) -> str:
        return self.reference


class ObservedWorker(models.Model):
    """A worker the inspector found at work during an inspection."""

    inspection = models.ForeignKey(
        "inspections.Inspection", on_delete=models.CASCADE, related_name="observed_workers"
    )
    id_number = models.CharField(_("ID number"), max_length=32)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "id_number"], name="observed_worker_natural_key"
            )
        ]

    def __str__(self) -> str:
        return self.id_number
