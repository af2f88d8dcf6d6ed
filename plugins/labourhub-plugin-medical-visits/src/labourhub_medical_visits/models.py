from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import BaseModel


class Exposure(models.TextChoices):
    NOISE = "noise", _("Noise")
    DUST = "dust", _("Dust and fibres")
    CHEMICALS = "chemicals", _("Chemical agents")
    HEAT = "heat", _("Heat stress")
    LOADS = "loads", _("Manual handling of loads")
    POSTURE = "posture", _("Repetitive work and posture")
    BIOLOGICAL = "biological", _("Biological agents")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial risks")


class MedicalVisit(BaseModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RECORDED = "recorded", _("Visited")
        CANCELLED = "cancelled", _("Cancelled")

    number = models.CharField(_("visit number"), max_length=30, unique=True)
    establishment = models.ForeignKey(
        "registry.Establishment", on_delete=models.PROTECT, related_name="+"
    )
    physician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    planned_for = models.DateField(_("planned for"))
    visited_on = models.DateField(_("visited on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    purpose = models.CharField(_("purpose"), max_length=300)
    exposures = models.JSONField(_("exposures found"), default=list, blank=True)
    workers_present = models.PositiveIntegerField(_("workers present"), null=True, blank=True)
    # Not health data: what the physician observed of the workplace (shown to inspectors).
    workplace_notes = models.TextField(_("workplace observations"), blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)

    class Meta:
        ordering = ["-planned_for", "-id"]

    def __str__(self) -> str:
        return self.number

    def exposure_labels(self) -> list[str]:
        return [str(Exposure(code).label) for code in self.exposures if code in Exposure.values]


class Examination(BaseModel):
    """One worker's examination: health data, readable by physicians only."""

    class Fitness(models.TextChoices):
        FIT = "fit", _("Fit")
        RESTRICTED = "restricted", _("Fit with restrictions")
        TEMPORARILY_UNFIT = "temporarily_unfit", _("Temporarily unfit")
        UNFIT = "unfit", _("Unfit")

    class Sex(models.TextChoices):
        FEMALE = "F", _("Female")
        MALE = "M", _("Male")

    visit = models.ForeignKey(MedicalVisit, on_delete=models.PROTECT, related_name="examinations")
    worker_name = models.CharField(_("worker's full name"), max_length=200)
    worker_id_number = models.CharField(_("worker's identity number"), max_length=40)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    job_title = models.CharField(_("job"), max_length=120)
    exposures = models.JSONField(_("exposures"), default=list, blank=True)
    clinical_findings = models.TextField(_("clinical findings"))
    fitness = models.CharField(_("fitness"), max_length=20, choices=Fitness.choices)
    restrictions = models.TextField(_("restrictions"), blank=True)
    certificate_number = models.CharField(
        _("certificate number"), max_length=40, unique=True, null=True, blank=True
    )
    document_id = models.BigIntegerField(null=True, blank=True)
    # The worker reads their own examination in the portal after entering the certificate
    # number with this code, which the physician hands over at the visit: an identity number
    # typed into a self-registered account would prove nothing.
    worker_code = models.CharField(_("code for the worker"), max_length=9, blank=True)
    portal_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("worker's portal account"),
    )
    claimed_at = models.DateTimeField(_("opened in the portal"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "worker_id_number"], name="hn_mv_one_exam_per_worker"
            ),
            models.CheckConstraint(
                condition=~models.Q(fitness="restricted") | ~models.Q(restrictions=""),
                name="hn_mv_restricted_states_restrictions",
            ),
        ]

    def __str__(self) -> str:
        return self.certificate_number or self.worker_name


class OshFinding(BaseModel):
    """A workplace hazard found on a medical visit; it opens a case in the ministry's procedure."""

    visit = models.ForeignKey(MedicalVisit, on_delete=models.PROTECT, related_name="findings")
    description = models.TextField(_("finding"))
    legal_provision = models.CharField(_("legal provision"), max_length=300)
    corrective_measure = models.TextField(_("corrective measure"))
    case = models.OneToOneField(
        "workflow.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description[:60]
