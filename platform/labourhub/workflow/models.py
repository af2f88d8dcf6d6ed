"""Cases moving through data-defined procedures, their legal deadlines and the alerts they raise."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class CalendarDay(BaseModel):
    """A non-working day of this ministry: a public holiday or an office closure.

    ``yearly`` holidays repeat on the same month/day every year; movable ones (Easter, ...)
    are entered by administrators for each year.
    """

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Public holiday")
        CLOSURE = "closure", _("Closure day")

    class Source(models.TextChoices):
        MINISTRY = "ministry", _("Entered by the ministry")
        NATIONAL = "national", _("National calendar")

    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.HOLIDAY)
    name = models.CharField(_("name"), max_length=200)
    yearly = models.BooleanField(_("same date every year"), default=False)
    source = models.CharField(
        _("source"), max_length=8, choices=Source.choices, default=Source.MINISTRY
    )

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["date", "kind"], name="one_calendar_day")]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class NationalHolidayDeclined(BaseModel):
    """A national holiday the ministry removed from its calendar.

    The national calendar is reloaded every day to add the coming years; without this record a
    holiday the ministry took out (a cancelled or moved observance) would come back the next day.
    """

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class ProcedureConfig(BaseModel):
    """An administrator's version of a procedure (states, transitions, time limits) as JSON.

    It overrides the core or plugin definition with the same code; the JSON is validated by
    ``labourhub.workflow.procedures.procedure_from_dict`` before it is saved.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    definition = models.JSONField(_("definition"))

    def __str__(self) -> str:
        return self.code


class Case(BaseModel):
    procedure = models.CharField(_("procedure"), max_length=60, db_index=True)
    reference = models.CharField(_("reference"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    state = models.CharField(_("state"), max_length=60, db_index=True)
    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, related_name="+", verbose_name=_("office")
    )
    establishment = models.ForeignKey(
        "registry.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("establishment"),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("supervisor"),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # Denormalised from the open deadlines so that the list, its traffic light and "due this
    # week" stay index scans at 100,000 cases; kept current by the deadline services only.
    next_due_on = models.DateField(_("next deadline"), null=True, blank=True)
    next_warn_on = models.DateField(null=True, blank=True)
    # Values of the fields country plugins add to cases (register_case_fields), by field key;
    # always written through ExtraField.clean by the case services.
    extra = models.JSONField(_("additional fields"), default=dict, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["next_due_on", "id"], name="case_due_idx"),
            models.Index(fields=["office", "next_due_on"], name="case_office_due_idx"),
            models.Index(fields=["assigned_to", "next_due_on"], name="case_owner_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class CaseEvent(models.Model):
    """One line of a case's timeline: a transition, a deadline moved, a document, a note."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=40)
    from_state = models.CharField(max_length=60, blank=True)
    to_state = models.CharField(max_length=60, blank=True)
    text = models.TextField(blank=True)
    documents = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"


class Deadline(BaseModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        MET = "met", _("Met")
        CANCELLED = "cancelled", _("Cancelled")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    code = models.CharField(_("code"), max_length=60)
    label = models.CharField(_("label"), max_length=200)
    # The legal rule, kept so the date can be recomputed when the calendar changes.
    amount = models.PositiveIntegerField()
    unit = models.CharField(max_length=16)
    start_on = models.DateField(_("counted from"))
    due_on = models.DateField(_("due on"), db_index=True)
    warn_on = models.DateField(_("warn from"))
    escalate_on = models.DateField(_("escalate from"), null=True, blank=True)

    class Outcome(models.TextChoices):
        # "Met" alone read as "complied" even when a fine was decided against the employer:
        # how a deadline closed is recorded on its own.
        COMPLIED = "complied", _("Complied")
        NOT_COMPLIED = "not_complied", _("Not complied")
        SUPERSEDED = "superseded", _("Superseded")
        PERIOD_ENDED = "period_ended", _("Period ended")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(
        _("how it closed"), max_length=16, choices=Outcome.choices, blank=True
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(
                fields=["warn_on"],
                name="deadline_open_warn_idx",
                condition=models.Q(status="open"),
            ),
            models.Index(
                fields=["case"], name="deadline_open_case_idx", condition=models.Q(status="open")
            ),
        ]

    def __str__(self) -> str:
        # The label is the procedure's English source text; a person reads it translated.
        return f"{gettext(self.label)} ({self.due_on})"


class Alert(models.Model):
    """An in-app notification; the unique constraint is what makes the sweep idempotent."""

    class Kind(models.TextChoices):
        SCHEDULED = "scheduled", _("New deadline set")
        WARNING = "warning", _("Deadline approaching")
        EXPIRED = "expired", _("Deadline expired")
        ESCALATION = "escalation", _("Escalated to supervisor")

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="alerts")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "kind", "recipient"], name="one_alert_per_deadline_kind"
            )
        ]
        indexes = [
            models.Index(
                fields=["recipient"], name="alert_unread_idx", condition=models.Q(read_at=None)
            ),
            models.Index(
                fields=["recipient"], name="alert_unmailed_idx", condition=models.Q(emailed_at=None)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.deadline_id} -> {self.recipient_id}"


class DigestPreference(models.Model):
    """A user's choice to receive one e-mail a day listing their open alerts and overdue
    deadlines, at an hour of the ministry's local time."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_preference"
    )
    daily = models.BooleanField(_("daily e-mail digest"), default=False)
    hour = models.PositiveSmallIntegerField(
        _("hour of sending (ministry time)"),
        default=7,
        validators=[MinValueValidator(0), MaxValueValidator(23)],
    )
    # The ministry-local day of the last digest, so a day gets at most one.
    last_sent_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hour__gte=0, hour__lte=23), name="digest_hour_in_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {'daily' if self.daily else 'off'}"
