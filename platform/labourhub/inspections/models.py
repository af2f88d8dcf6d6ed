"""Campaigns, authorisations, inspections, assignment, checklists, answers, findings, evidence.

Published contract for the enforcement app (issue 6): ``Inspection`` (origin/status/version),
``Finding`` (provision, description, workers affected, severity) and their foreign keys.
"""

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


class Answer(BaseModel):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(ChecklistQuestion, on_delete=models.PROTECT, related_name="+")
    value = models.JSONField(null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # Set when an approved correction changed the value; the original stays on the Correction.
    amended = models.BooleanField(default=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inspection", "question"], name="answer_unique")
        ]


class Finding(BaseModel):
    """A non-compliance found on the visit; enforcement turns it into orders and sanctions."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="findings")
    answer = models.OneToOneField(
        Answer, on_delete=models.SET_NULL, null=True, blank=True, related_name="finding"
    )
    question = models.ForeignKey(
        ChecklistQuestion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Snapshot of the provision at the time of the finding: laws change, findings do not.
    provision = models.CharField(_("legal provision"), max_length=400, blank=True)
    description = models.TextField(_("description"))
    workers_affected_female = models.PositiveIntegerField(_("women affected"), default=0)
    workers_affected_male = models.PositiveIntegerField(_("men affected"), default=0)
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices)
    corrective_measure = models.TextField(_("corrective measure"), blank=True)
    penalty_min = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    penalty_max = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    child_labour = models.BooleanField(default=False)
    # An approved correction can make the answer compliant again; the finding stays on record.
    withdrawn_by = models.ForeignKey(
        "inspections.Correction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def workers_affected(self) -> int:
        return self.workers_affected_female + self.workers_affected_male


class Evidence(BaseModel):
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="evidence")
    question = models.ForeignKey(
        ChecklistQuestion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    original_name = models.CharField(_("file name"), max_length=200)
    storage_key = models.CharField(max_length=500, unique=True)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class InspectionAlert(BaseModel):
    class Kind(models.TextChoices):
        REFUSED_ENTRY = "refused_entry", _("Entry refused")
        CHILD_LABOUR = "child_labour", _("Child labour found")

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    message = models.TextField(_("message"))
    notified_user_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "kind"], name="alert_once_per_kind")
        ]


class Correction(BaseModel):
    """A change asked for after submission: approved by a supervisor, shown as an amendment."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="corrections")
    question = models.ForeignKey(ChecklistQuestion, on_delete=models.PROTECT, related_name="+")
    original_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
