"""Employers, their sites (establishments), contractor links, imports and historical inspections.

Issue 5 (inspections) builds on ``Employer`` and ``Establishment``; their names and the
``Establishment.employer`` / ``Establishment.office`` foreign keys are a published contract.
"""

from typing import Any

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Func, Lookup, Q
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel

# Defined in migration 0001 in the public schema: lower(unaccent(text)), IMMUTABLE so it can be
# indexed. Every schema reaches it through the search_path; indexes name it fully qualified.
NORMALISE_FN = "public.lh_norm"


class NormText(models.TextField):  # type: ignore[type-arg]
    """Output type of ``lh_norm``; carries the trigram lookups (contrib.postgres is not installed)."""


@NormText.register_lookup
class WordSimilar(Lookup):
    """``rhs <% lhs``: some extent of the indexed text is trigram-similar to the query."""

    lookup_name = "word_similar"

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{rhs} <%% {lhs}", [*rhs_params, *lhs_params]


@NormText.register_lookup
class Similar(Lookup):
    lookup_name = "similar"

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} %% {rhs}", [*lhs_params, *rhs_params]


def Norm(expression: Any) -> Func:  # noqa: N802 - mirrors the SQL function
    # Compiles to exactly the indexed expression, so the trigram GIN indexes are used.
    return Func(expression, function=NORMALISE_FN, output_field=NormText())


class SizeBand(models.TextChoices):
    MICRO = "micro", _("Micro (1-9 workers)")
    SMALL = "small", _("Small (10-49 workers)")
    MEDIUM = "medium", _("Medium (50-249 workers)")
    LARGE = "large", _("Large (250+ workers)")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Employer(BaseModel):
    class LegalForm(models.TextChoices):
        SOLE_TRADER = "sole_trader", _("Sole trader")
        PARTNERSHIP = "partnership", _("Partnership")
        COMPANY = "company", _("Limited company")
        COOPERATIVE = "cooperative", _("Cooperative")
        PUBLIC_BODY = "public_body", _("Public body")
        NGO = "ngo", _("Non-profit organisation")
        OTHER = "other", _("Other")

    legal_name = models.CharField(_("legal name"), max_length=300)
    trade_names = ArrayField(
        models.CharField(max_length=300), verbose_name=_("trade names"), default=list, blank=True
    )
    legal_form = models.CharField(
        _("legal form"), max_length=32, choices=LegalForm.choices, default=LegalForm.COMPANY
    )
    # The national tax id (NIT, RUC, RTN, TIN...). Other registration ids come from plugins and
    # live in ``identifiers`` so the core never hard-codes one country's numbering.
    tax_id = models.CharField(_("tax id"), max_length=64, blank=True, db_index=True)
    identifiers = models.JSONField(_("other identifiers"), default=dict, blank=True)
    import_batch = models.ForeignKey(
        "registry.ImportBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["legal_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tax_id"], condition=~Q(tax_id=""), name="employer_tax_id_unique"
            )
        ]
        # Trigram index employer_name_trgm on lh_norm(legal_name): created in migration 0002 with
        # SQL, because Django wraps OpClass over a function call in invalid parentheses.

    def __str__(self) -> str:
        return self.legal_name


class EmployerLink(BaseModel):
    """A principal employer uses ``partner`` as contractor, subcontractor or supplier."""

    class Kind(models.TextChoices):
        CONTRACTOR = "contractor", _("Contractor")
        SUBCONTRACTOR = "subcontractor", _("Subcontractor")
        SUPPLIER = "supplier", _("Supplier")

    principal = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="principal_links")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["principal", "partner", "kind"], name="employer_link_unique"
            ),
            models.CheckConstraint(
                condition=~Q(principal=F("partner")), name="employer_link_not_self"
            ),
        ]


class Establishment(BaseModel):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        CLOSED = "closed", _("Closed")
        # Kept as a tombstone so the merge can be undone and old links still resolve.
        MERGED = "merged", _("Merged into another record")

    class HoursPattern(models.TextChoices):
        DAY = "day", _("Day shift only")
        SHIFTS = "shifts", _("Rotating shifts")
        NIGHT = "night", _("Includes night work")
        CONTINUOUS = "continuous", _("Continuous (24/7)")
        SEASONAL = "seasonal", _("Seasonal")

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="establishments")
    # The registry's natural key, used by imports to stay idempotent. Ministries that have no
    # number of their own get one generated by ``establishment_create``.
    registration_number = models.CharField(_("registration number"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=300)
    address = models.CharField(_("address"), max_length=500, blank=True)
    locality = models.CharField(_("locality"), max_length=200, blank=True)
    # The district (or region) office that covers the site: the ministry's administrative
    # hierarchy is the office tree (region -> district).
    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, related_name="establishments"
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    isic_code = models.CharField(_("ISIC Rev.4 class"), max_length=4, db_index=True)
    size_band = models.CharField(_("size"), max_length=8, choices=SizeBand.choices)
    workers_female = models.PositiveIntegerField(_("women workers"), default=0)
    workers_male = models.PositiveIntegerField(_("men workers"), default=0)
    workers_minors = models.PositiveIntegerField(_("workers under 18"), default=0)
    hours_pattern = models.CharField(
        _("working hours"), max_length=16, choices=HoursPattern.choices, default=HoursPattern.DAY
    )
    licences = models.JSONField(_("licences"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    risk_level = models.CharField(
        _("risk"), max_length=8, choices=RiskLevel.choices, default=RiskLevel.MEDIUM
    )
    last_inspected_on = models.DateField(_("last inspected"), null=True, blank=True)
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    # Values of plugin-defined fields, validated against ``register_establishment_fields``.
    extra = models.JSONField(_("country-specific fields"), default=dict, blank=True)
    # Folded copies kept by PostgreSQL: the trigram indexes cover them and search re-checks and
    # ranks candidates without running unaccent() again on every row.
    name_norm = models.GeneratedField(
        expression=Func(F("name"), function=NORMALISE_FN, output_field=models.TextField()),
        output_field=NormText(),
        db_persist=True,
    )
    address_norm = models.GeneratedField(
        expression=Func(F("address"), function=NORMALISE_FN, output_field=models.TextField()),
        output_field=NormText(),
        db_persist=True,
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from"
    )
    import_batch = models.ForeignKey(
        "registry.ImportBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(workers_minors__lte=F("workers_female") + F("workers_male")),
                name="establishment_minors_within_total",
            ),
            models.CheckConstraint(
                condition=Q(status="merged", merged_into__isnull=False)
                | (~Q(status="merged") & Q(merged_into__isnull=True)),
                name="establishment_merged_has_target",
            ),
        ]
        indexes = [
            GinIndex(
                fields=["name_norm"],
                opclasses=["gin_trgm_ops"],
                name="establishment_name_norm_trgm",
            ),
            GinIndex(
                fields=["address_norm"],
                opclasses=["gin_trgm_ops"],
                name="establishment_addr_norm_trgm",
            ),
            models.Index(fields=["office", "status"], name="establishment_office_status"),
            models.Index(fields=["name", "id"], name="establishment_name_keyset"),
            models.Index(fields=["last_inspected_on"], name="establishment_last_insp"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.registration_number})"

    @property
    def workers_total(self) -> int:
        return self.workers_female + self.workers_male


class EstablishmentMerge(BaseModel):
    """One merge of ``duplicate`` into ``survivor``, with what it moved so it can be undone."""

    survivor = models.ForeignKey(Establishment, on_delete=models.PROTECT, related_name="+")
    duplicate = models.ForeignKey(Establishment, on_delete=models.PROTECT, related_name="+")
    # {"app_label.model.field": [pk, ...]}: rows whose FK was repointed to the survivor.
    moved = models.JSONField(default=dict)
    survivor_before = models.JSONField(default=dict)
    duplicate_status_before = models.CharField(max_length=16)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-id"]
        constraints = [
            # At most one live merge per duplicate; undone merges stay as history.
            models.UniqueConstraint(
                fields=["duplicate"], condition=Q(undone_at__isnull=True), name="one_live_merge"
            )
        ]


class HistoricalInspection(BaseModel):
    """A digitised paper inspection record. The inspections app (issue 5) links to these
    rather than re-importing them; ``source_reference`` is the natural key of the archive."""

    class Outcome(models.TextChoices):
        COMPLIANT = "compliant", _("Compliant")
        ORDER = "order", _("Compliance order issued")
        SANCTION = "sanction", _("Sanction proposed or imposed")
        CLOSED = "closed", _("Establishment found closed")
        OTHER = "other", _("Other")

    establishment = models.ForeignKey(
        Establishment, on_delete=models.PROTECT, related_name="historical_inspections"
    )
    inspected_on = models.DateField(_("inspection date"))
    inspector_name = models.CharField(_("inspector"), max_length=200, blank=True)
    findings_summary = models.TextField(_("findings"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    source_reference = models.CharField(_("archive reference"), max_length=120, unique=True)
    import_batch = models.ForeignKey(
        "registry.ImportBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-inspected_on", "-id"]
        indexes = [models.Index(fields=["establishment", "-inspected_on"], name="hist_insp_est")]


class ImportKind(models.TextChoices):
    ESTABLISHMENTS = "establishments", _("Establishments")
    INSPECTIONS = "inspections", _("Historical inspection records")


class ImportMapping(BaseModel):
    """A saved 'target field -> file column' mapping, reused for every file of one layout."""

    kind = models.CharField(_("kind"), max_length=16, choices=ImportKind.choices)
    name = models.CharField(_("name"), max_length=120)
    columns = models.JSONField(_("columns"), default=dict)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="import_mapping_unique")
        ]

    def __str__(self) -> str:
        return self.name


class ImportBatch(BaseModel):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        CHECKING = "checking", _("Checking (dry run)")
        CHECKED = "checked", _("Checked, waiting for confirmation")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (.xlsx)"

    kind = models.CharField(_("kind"), max_length=16, choices=ImportKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.UPLOADED
    )
    file_format = models.CharField(max_length=8, choices=Format.choices)
    encoding = models.CharField(max_length=16, default="utf-8")
    original_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(max_length=500)
    file_size = models.BigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    columns = models.JSONField(default=dict)
    mapping = models.ForeignKey(
        ImportMapping, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Messages are rendered in the uploader's language when the dry run writes them.
    language = models.CharField(max_length=8, default="en")
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    valid_rows = models.PositiveIntegerField(default=0)
    error_rows = models.PositiveIntegerField(default=0)
    created_rows = models.PositiveIntegerField(default=0)
    existing_rows = models.PositiveIntegerField(default=0)
    failure = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))


class ImportRowError(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="row_errors")
    row_number = models.PositiveIntegerField()
    column = models.CharField(max_length=120, blank=True)
    code = models.CharField(max_length=32)
    message = models.CharField(max_length=500)
    value = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["row_number", "id"]
        indexes = [models.Index(fields=["batch", "row_number"], name="import_err_batch_row")]

    def __str__(self) -> str:
        return f"{self.row_number}: {self.code}"
