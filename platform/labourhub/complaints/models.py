"""Complaints, labour disputes and accident/disease notifications, each driving a workflow case."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.common.models import BaseModel


class Complaint(BaseModel):
    class Channel(models.TextChoices):
        STAFF = "staff", _("At the office (staff)")
        PORTAL = "portal", _("Worker portal")
        PHONE = "phone", _("Telephone")

    class Triage(models.TextChoices):
        PENDING = "pending", _("Not triaged yet")
        INSPECTION = "inspection", _("Inspection")
        CONCILIATION = "conciliation", _("Conciliation")
        INADMISSIBLE = "inadmissible", _("Not admissible")

    case = models.OneToOneField("workflow.Case", on_delete=models.PROTECT, related_name="complaint")
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    establishment = models.ForeignKey(
        "registry.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("establishment"),
    )
    employer_text = models.CharField(
        _("employer named by the complainant"), max_length=300, blank=True
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("what happened"))
    child_labour = models.BooleanField(_("involves children working"), default=False)
    # Anonymous complaints store no identity at all; named ones are confidential by default and
    # shown only to roles with complainant.view (never to the employer or the visiting inspector).
    anonymous = models.BooleanField(_("anonymous"), default=False)
    complainant_name = models.CharField(_("complainant's name"), max_length=200, blank=True)
    complainant_contact = models.CharField(_("complainant's contact"), max_length=200, blank=True)
    tracking_code_hash = models.CharField(max_length=64, unique=True)
    triage = models.CharField(
        _("triage"), max_length=12, choices=Triage.choices, default=Triage.PENDING
    )
    triage_reason = models.TextField(_("reason"), blank=True)
    possible_duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The inspection opened from this complaint at triage; its result is shown here.
    inspection = models.OneToOneField(
        "inspections.Inspection",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaint",
        verbose_name=_("inspection"),
    )

    def __str__(self) -> str:
        return self.subject


class Dispute(BaseModel):
    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        COLLECTIVE = "collective", _("Collective")

    case = models.OneToOneField("workflow.Case", on_delete=models.PROTECT, related_name="dispute")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    workers_party = models.CharField(_("workers' party"), max_length=300)
    employer_party = models.CharField(_("employer's party"), max_length=300)
    workers_involved = models.PositiveIntegerField(_("workers involved"), default=1)
    subject = models.TextField(_("subject of the dispute"))
    settlement = models.TextField(_("settlement"), blank=True)
    # The complaint this dispute was opened from (triaged to conciliation).
    complaint = models.OneToOneField(
        Complaint,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dispute",
        verbose_name=_("complaint"),
    )

    def __str__(self) -> str:
        return f"{self.workers_party} / {self.employer_party}"


class AccidentNotification(BaseModel):
    """Fits SDG 8.8.1: fatal and non-fatal occupational injuries by sex."""

    class Kind(models.TextChoices):
        ACCIDENT = "accident", _("Occupational accident")
        DISEASE = "disease", _("Occupational disease")

    class Severity(models.TextChoices):
        FATAL = "fatal", _("Fatal")
        SERIOUS = "serious", _("Serious (lost time)")
        MINOR = "minor", _("Minor")

    case = models.OneToOneField("workflow.Case", on_delete=models.PROTECT, related_name="accident")
    establishment = models.ForeignKey(
        "registry.Establishment",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("establishment"),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    severity = models.CharField(_("severity"), max_length=8, choices=Severity.choices)
    occurred_on = models.DateField(_("occurred on"))
    # The injured worker's national ID, when known: with the establishment and the day it tells
    # one accident from another when a social insurer notifies it too.
    worker_id = models.CharField(_("worker's ID number"), max_length=32, blank=True, db_index=True)
    victims_female = models.PositiveIntegerField(_("women affected"), default=0)
    victims_male = models.PositiveIntegerField(_("men affected"), default=0)
    fatalities = models.PositiveIntegerField(_("deaths"), default=0)
    description = models.TextField(_("description"))
    # The investigation inspection opened from this notification.
    inspection = models.OneToOneField(
        "inspections.Inspection",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accident",
        verbose_name=_("investigation inspection"),
    )

    def __str__(self) -> str:
        return f"{self.kind} {self.occurred_on}"
