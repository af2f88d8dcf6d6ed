"""Planned inspections: procedures, campaigns, authorisations and assignments."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class InspectionProcedure(BaseModel):
    """The ministry's own rules for inspections: one row per schema (``pk`` is always 1)."""

    require_authorisation = models.BooleanField(
        _("an authorisation is required before a visit starts"), default=True
    )
    # Paraguay: only the minister activates an inspection. Empty = any role with
    # ``inspection.authorise`` in the policy.
    authorising_roles = ArrayField(
        models.CharField(max_length=32),
        verbose_name=_("roles that may authorise"),
        default=list,
        blank=True,
    )
    authorisation_valid_days = models.PositiveIntegerField(
        _("days an authorisation stays valid"), default=30
    )

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="one_procedure_row")]


class Campaign(BaseModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=200)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    # ISIC Rev.4 section/division/class prefix; empty = all sectors.
    sector = models.CharField(_("sector (ISIC prefix)"), max_length=4, blank=True)
    region = models.ForeignKey(
        "accounts.Office",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="campaign_period_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.name


class CampaignTarget(BaseModel):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="targets")
    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="+")
    target_count = models.PositiveIntegerField(_("target"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "office"], name="campaign_target_unique")
        ]


class CampaignEstablishment(BaseModel):
    """One establishment on a campaign's list, and how it got there."""

    class Source(models.TextChoices):
        FILTER = "filter", _("Chosen by filters")
        IMPORT = "import", _("Imported list")
        RISK = "risk", _("Proposed by risk score")
        MANUAL = "manual", _("Added by hand")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="entries")
    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "establishment"], name="campaign_establishment_unique"
            )
        ]


class Inspection(BaseModel):
    class Origin(models.TextChoices):
        PLANNED = "planned", _("Planned")
        COMPLAINT = "complaint", _("Complaint")
        ACCIDENT = "accident", _("Accident")
        FOLLOW_UP = "follow_up", _("Follow-up")
        REQUEST = "request", _("Request")
        EX_OFFICIO = "ex_officio", _("Ex officio")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        AUTHORISED = "authorised", _("Authorised")
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class Outcome(models.TextChoices):
        NONE = "", _("Not visited yet")
        VISITED = "visited", _("Visited")
        REFUSED_ENTRY = "refused_entry", _("Entry refused")

    reference = models.CharField(_("reference"), max_length=32, unique=True)
    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.PROTECT, related_name="inspections"
    )
    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="+")
    campaign = models.ForeignKey(
        Campaign, on_delete=models.SET_NULL, null=True, blank=True, related_name="inspections"
    )
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices)
    # Complaint, accident or parent inspection number this one comes from (free text so the
    # complaints app can fill it before it exists).
    origin_reference = models.CharField(_("origin reference"), max_length=64, blank=True)
    follow_up_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="follow_ups"
    )
    # What the visit must look at: a complaint's allegations or an accident's facts, carried
    # over from the record the inspection was opened from (never re-typed).
    focus = models.TextField(_("focus of the visit"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    # Optimistic concurrency: every write bumps it; a stale writer gets a 409.
    version = models.PositiveIntegerField(default=1)
    scheduled_for = models.DateField(_("scheduled for"), null=True, blank=True)
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
    )
    team = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    checklist_version = models.ForeignKey(
        "inspections.ChecklistVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
    )
    arrived_at = models.DateTimeField(_("arrived at"), null=True, blank=True)
    persons_met = models.TextField(_("persons met"), blank=True)
    workers_interviewed_female = models.PositiveIntegerField(_("women interviewed"), default=0)
    workers_interviewed_male = models.PositiveIntegerField(_("men interviewed"), default=0)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, default=Outcome.NONE, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    minutes = models.ForeignKey(
        "documents.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cancelled_reason = models.TextField(_("reason for cancelling"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-scheduled_for", "-id"]
        indexes = [
            # "My inspections": one inspector's next days; history: one site newest first.
            models.Index(fields=["inspector", "scheduled_for"], name="insp_inspector_day"),
            models.Index(fields=["establishment", "-scheduled_for", "-id"], name="insp_est_hist"),
            models.Index(fields=["office", "status"], name="insp_office_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancelled_reason=""),
                name="inspection_cancel_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_locked(self) -> bool:
        return self.status in (self.Status.COMPLETED, self.Status.CANCELLED)


class InspectionAuthorisation(BaseModel):
    """The signed order to inspect (the Philippines' "authority to inspect")."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")

    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="authorisations"
    )
    number = models.CharField(_("order number"), max_length=64, unique=True)
    document = models.ForeignKey(
        "documents.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_role = models.CharField(_("signer role"), max_length=100)
    signed_at = models.DateTimeField(_("signed at"))
    sha256 = models.CharField(_("SHA-256 of the signed order"), max_length=64)
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.VALID
    )
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        ordering = ["-signed_at"]

    def __str__(self) -> str:
        return self.number


class ConflictOfInterest(BaseModel):
    """An inspector who must never be sent to this employer's sites."""

    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflicts"
    )
    employer = models.ForeignKey("registry.Employer", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=300)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inspector", "employer"], name="conflict_unique")
        ]


class InspectorProfile(BaseModel):
    """What the "by criteria" assignment needs to know about an inspector."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inspector_profile"
    )
    # ISIC prefixes ("F", "41", "0311") the inspector specialises in.
    sectors = ArrayField(models.CharField(max_length=4), default=list, blank=True)
    max_open = models.PositiveIntegerField(_("most open inspections at once"), default=40)


class Assignment(BaseModel):
    """Every assignment and reassignment, kept; the inspection points at the latest."""

    class Method(models.TextChoices):
        MANUAL = "manual", _("Manual")
        CRITERIA = "criteria", _("By criteria")
        RANDOM = "random", _("Random draw")

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="assignments")
    method = models.CharField(_("method"), max_length=16, choices=Method.choices)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    team_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    previous_assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Random draws: the seed and the ordered candidate ids are enough to replay the draw with
    # random.Random(seed).choice(candidates) and get the same inspector.
    seed = models.CharField(_("seed"), max_length=64, blank=True)
    candidate_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    excluded = models.JSONField(_("excluded candidates"), default=dict, blank=True)
    rule = models.CharField(_("rule"), max_length=64, blank=True)
    reason = models.TextField(_("reason"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
