"""The enforcement chain on top of a workflow ``Case`` (procedure "enforcement")."""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.formatting import format_money
from labourhub.common.models import BaseModel

MONEY: dict[str, Any] = {"max_digits": 14, "decimal_places": 2}


class FineRule(BaseModel):
    """One line of the ministry's fine schedule: per provision and size band.

    amount = (base + per_worker x workers affected) x (1 + repeat aggravation % on a repeat
    offence), capped at ``maximum`` when set. An empty size band matches every size.
    """

    provision = models.CharField(_("legal provision"), max_length=400)
    size_band = models.CharField(_("size band"), max_length=8, blank=True)
    base_amount = models.DecimalField(
        _("base amount"), **MONEY, validators=[MinValueValidator(Decimal(0))]
    )
    per_worker_amount = models.DecimalField(
        _("per worker affected"),
        **MONEY,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    repeat_aggravation_pct = models.DecimalField(
        _("repeat offence aggravation %"), max_digits=6, decimal_places=2, default=Decimal(0)
    )
    maximum = models.DecimalField(_("maximum"), **MONEY, null=True, blank=True)
    # Annual simple interest on late payment, where the law provides for it.
    interest_rate_pct = models.DecimalField(
        _("late-payment interest % a year"), max_digits=6, decimal_places=2, default=Decimal(0)
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provision", "size_band"], name="one_fine_rule_per_band"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provision} [{self.size_band or '*'}]"


class ComplianceOrder(BaseModel):
    class Result(models.TextChoices):
        PENDING = "pending", _("Pending verification")
        COMPLIED = "complied", _("Complied")
        PARTLY = "partly", _("Partly complied")
        NOT_COMPLIED = "not_complied", _("Not complied")

    case = models.ForeignKey("workflow.Case", on_delete=models.PROTECT, related_name="orders")
    finding = models.ForeignKey(
        "inspections.Finding", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.PROTECT, related_name="+"
    )
    provision = models.CharField(_("legal provision"), max_length=400)
    requirement = models.TextField(_("what the employer must do"))
    workers_affected = models.PositiveIntegerField(_("workers affected"), default=0)
    result = models.CharField(
        _("result"), max_length=16, choices=Result.choices, default=Result.PENDING
    )
    verified_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.provision}: {self.requirement[:60]}"


class Fine(BaseModel):
    case = models.OneToOneField("workflow.Case", on_delete=models.PROTECT, related_name="fine")
    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.PROTECT, related_name="+"
    )
    provision = models.CharField(_("legal provision"), max_length=400)
    workers_affected = models.PositiveIntegerField(default=0)
    repeat_offence = models.BooleanField(default=False)
    computed_amount = models.DecimalField(_("amount from the schedule"), **MONEY)
    amount = models.DecimalField(_("amount due"), **MONEY)
    currency = models.CharField(max_length=3)
    interest_rate_pct = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(0))
    annulled = models.BooleanField(default=False)
    # The numbered fine decision issued from the case when the fine was decided.
    decision = models.OneToOneField(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("fine decision"),
    )

    def __str__(self) -> str:
        return format_money(self.amount, self.currency)


class Payment(BaseModel):
    fine = models.ForeignKey(Fine, on_delete=models.PROTECT, related_name="payments")
    reference = models.CharField(_("payment reference"), max_length=80)
    amount = models.DecimalField(
        _("amount"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))]
    )
    paid_on = models.DateField(_("paid on"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["fine", "reference"], name="one_payment_per_reference")
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.amount}"


class Appeal(BaseModel):
    class Outcome(models.TextChoices):
        PENDING = "pending", _("Pending")
        UPHELD = "upheld", _("Upheld")
        REDUCED = "reduced", _("Reduced")
        ANNULLED = "annulled", _("Annulled")

    case = models.ForeignKey("workflow.Case", on_delete=models.PROTECT, related_name="appeals")
    filed_on = models.DateField(_("filed on"))
    grounds = models.TextField(_("grounds"))
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    amount_before = models.DecimalField(**MONEY, null=True, blank=True)
    amount_after = models.DecimalField(**MONEY, null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.case_id} {self.outcome}"


class Referral(BaseModel):
    class To(models.TextChoices):
        COURT = "court", _("Labour court")
        ATTORNEY = "attorney_general", _("Attorney general / collection")

    case = models.ForeignKey("workflow.Case", on_delete=models.PROTECT, related_name="referrals")
    to = models.CharField(_("referred to"), max_length=20, choices=To.choices)
    reason = models.TextField(_("reason"))
    outstanding = models.DecimalField(**MONEY, default=Decimal(0))

    def __str__(self) -> str:
        return f"{self.case_id} -> {self.to}"


class Hearing(BaseModel):
    """A hearing or conciliation session; rooms and officers may not be double-booked."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    case = models.ForeignKey("workflow.Case", on_delete=models.PROTECT, related_name="hearings")
    room = models.CharField(_("room"), max_length=100)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("officer"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    parties = models.TextField(_("parties"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    attendance = models.JSONField(default=dict, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    agreement = models.TextField(_("agreement"), blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["room", "starts_at"]),
            models.Index(fields=["officer", "starts_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.starts_at:%Y-%m-%d %H:%M}"


class OrderProposal(BaseModel):
    """Non-compliant findings of one inspection, proposed as a compliance order.

    Where the ministry's procedure asks for it, the supervisor confirms the proposal before the
    order exists; otherwise the order is issued at once and the proposal records that.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed to the supervisor")
        CONFIRMED = "confirmed", _("Confirmed: order issued")
        REJECTED = "rejected", _("Rejected")

    inspection = models.OneToOneField(
        "inspections.Inspection", on_delete=models.PROTECT, related_name="order_proposal"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    finding_ids = models.JSONField(default=list)
    days = models.PositiveIntegerField(_("days to comply"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    case = models.ForeignKey(
        "workflow.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.inspection_id} {self.status}"


class PenaltyLine(BaseModel):
    """The penalty for one violation (one order line) of a case, suggested before the decision.

    ``suggested`` comes from the ministry's schedule (country pack or core default), with its
    range and legal basis; the decider may set ``amount`` within the range, with a reason.
    """

    case = models.ForeignKey("workflow.Case", on_delete=models.PROTECT, related_name="penalties")
    order = models.OneToOneField(ComplianceOrder, on_delete=models.PROTECT, related_name="penalty")
    provision = models.CharField(_("legal provision"), max_length=400)
    legal_basis = models.CharField(_("legal basis"), max_length=400, blank=True)
    suggested = models.DecimalField(_("suggested amount"), **MONEY)
    minimum = models.DecimalField(_("minimum"), **MONEY)
    maximum = models.DecimalField(_("maximum"), **MONEY)
    amount = models.DecimalField(_("amount"), **MONEY)
    reason = models.TextField(_("reason for the amount"), blank=True)
    adjusted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.provision}: {self.amount}"


class CourtProceeding(BaseModel):
    """What happens in court after a referral: docket, hearings, judgement, appeal."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending before the court")
        JUDGED = "judged", _("Judgement given")
        APPEALED = "appealed", _("Under appeal")
        FINAL = "final", _("Final judgement")

    class Judgement(models.TextChoices):
        NONE = "", _("No judgement yet")
        UPHELD = "upheld", _("Sanction upheld")
        REDUCED = "reduced", _("Penalty reduced")
        DISMISSED = "dismissed", _("Case dismissed")

    case = models.ForeignKey("workflow.Case", on_delete=models.PROTECT, related_name="court")
    referral = models.OneToOneField(
        Referral, on_delete=models.PROTECT, related_name="proceeding", verbose_name=_("referral")
    )
    court = models.CharField(_("court"), max_length=200)
    docket_number = models.CharField(_("docket number"), max_length=80)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    judgement = models.CharField(
        _("judgement"), max_length=10, choices=Judgement.choices, default="", blank=True
    )
    judgement_on = models.DateField(_("judgement date"), null=True, blank=True)
    judgement_text = models.TextField(_("judgement summary"), blank=True)
    penalty_imposed = models.DecimalField(_("penalty imposed"), **MONEY, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    appeal_filed_on = models.DateField(_("appeal filed on"), null=True, blank=True)
    appeal_court = models.CharField(_("appeal court"), max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["court", "docket_number"], name="one_proceeding_per_docket"
            )
        ]

    def __str__(self) -> str:
        return f"{self.court} {self.docket_number}"


class CourtHearing(BaseModel):
    proceeding = models.ForeignKey(
        CourtProceeding, on_delete=models.CASCADE, related_name="hearings"
    )
    held_on = models.DateField(_("hearing date"))
    summary = models.TextField(_("what happened"))
    next_hearing_on = models.DateField(_("next hearing"), null=True, blank=True)

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.proceeding_id} {self.held_on}"
