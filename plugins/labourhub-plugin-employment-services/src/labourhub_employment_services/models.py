from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import BaseModel
from labourhub_employment_services.isco import occupation_name, sector_name


class Education(models.IntegerChoices):
    """Highest level completed, ordered so 'at least' is a comparison (ISCED 2011 levels)."""

    NONE = 0, _("No formal education")
    PRIMARY = 1, _("Primary")
    LOWER_SECONDARY = 2, _("Lower secondary")
    UPPER_SECONDARY = 3, _("Upper secondary (e.g. CSEC)")
    POST_SECONDARY = 4, _("Technical or vocational certificate (e.g. CVQ)")
    SHORT_TERTIARY = 5, _("Associate degree or diploma")
    BACHELOR = 6, _("Bachelor's degree")
    MASTER = 7, _("Master's degree or doctorate")


class JobSeeker(BaseModel):
    class Sex(models.TextChoices):
        FEMALE = "F", _("Female")
        MALE = "M", _("Male")
        OTHER = "X", _("Another sex or not stated")

    class Availability(models.TextChoices):
        IMMEDIATE = "immediate", _("Available now")
        ONE_MONTH = "one_month", _("Available within a month")
        LATER = "later", _("Available later")
        NOT_AVAILABLE = "not_available", _("Not available at present")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Looking for work")
        PLACED = "placed", _("Placed")
        WITHDRAWN = "withdrawn", _("Consent withdrawn")
        ERASED = "erased", _("Personal data erased")

    # Personal data: emptied by an erasure on request (services.jobseekers.jobseeker_erase).
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    national_id = models.CharField(_("national ID or NIS number"), max_length=30, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    community = models.CharField(_("town or community"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Kept after an erasure, for anonymous statistics (sex, age band, region, occupation).
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    region = models.ForeignKey(
        "accounts.Office",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
    )
    education = models.PositiveSmallIntegerField(
        _("education"), choices=Education.choices, default=Education.NONE
    )
    # ISCO-08 sub-major group codes (two digits); the major groups are derived for matching.
    occupations = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    occupation_majors = ArrayField(models.CharField(max_length=1), default=list, blank=True)
    # Skills as folded words ("welding", "food safety"), compared as sets.
    skills = ArrayField(models.CharField(max_length=60), default=list, blank=True)
    # Derived from the work history: the occupations worked in and the total years.
    experience_codes = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    experience_years = models.PositiveSmallIntegerField(default=0)
    community_key = models.CharField(max_length=100, blank=True)
    # Folded names, for accent- and typo-tolerant search (emptied by an erasure).
    name_key = models.CharField(max_length=201, blank=True)
    availability = models.CharField(
        _("availability"),
        max_length=15,
        choices=Availability.choices,
        default=Availability.IMMEDIATE,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    consent_processing_at = models.DateTimeField(_("consent to processing given"))
    consent_sharing_at = models.DateTimeField(
        _("consent to sharing with employers given"), null=True, blank=True
    )
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    registered_by_id = models.BigIntegerField(null=True, blank=True)
    # The worker's portal account when they registered themselves (one profile per account).
    portal_user_id = models.BigIntegerField(null=True, blank=True, unique=True)
    # True only while the seeker is active, consents to sharing and is available: the one flag
    # the match queries read (kept by the services, indexed with the arrays below).
    in_matching = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            GinIndex(
                fields=["occupation_majors"],
                name="xx_pes_seeker_majors",
                condition=models.Q(in_matching=True),
            ),
            GinIndex(
                fields=["skills"], name="xx_pes_seeker_skills", condition=models.Q(in_matching=True)
            ),
            GinIndex(
                fields=["experience_codes"],
                name="xx_pes_seeker_exp",
                condition=models.Q(in_matching=True),
            ),
            # Typo-tolerant name search (pg_trgm, installed in the public schema by the core).
            GinIndex(
                fields=["name_key"], name="xx_pes_seeker_name_trgm", opclasses=["gin_trgm_ops"]
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(in_matching=True)
                | (models.Q(status="active") & models.Q(consent_sharing_at__isnull=False)),
                name="xx_pes_matching_needs_consent",
            ),
        ]

    @property
    def display_name(self) -> str:
        if self.erased_at is not None:
            return str(_("Erased job seeker no. %(id)d") % {"id": self.pk})
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def occupation_names(self) -> list[str]:
        return [occupation_name(c) for c in self.occupations]

    def __str__(self) -> str:
        return self.display_name


class WorkExperience(BaseModel):
    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="experience")
    job_title = models.CharField(_("job title"), max_length=150)
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    occupation = models.CharField(_("occupation"), max_length=2)
    years = models.PositiveSmallIntegerField(_("years"))

    class Meta:
        ordering = ["id"]

    @property
    def occupation_label(self) -> str:
        return occupation_name(self.occupation)


class Vacancy(BaseModel):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected at review")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=30, unique=True)
    title = models.CharField(_("job title"), max_length=200)
    employer_name = models.CharField(_("employer"), max_length=200)
    occupation = models.CharField(_("occupation"), max_length=2)
    sector = models.CharField(_("sector"), max_length=1)
    region = models.ForeignKey(
        "accounts.Office",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
    )
    community = models.CharField(_("town or community"), max_length=100, blank=True)
    community_key = models.CharField(max_length=100, blank=True)
    search_key = models.CharField(max_length=450, blank=True)
    wage_min = models.DecimalField(_("minimum wage offered"), max_digits=12, decimal_places=2)
    wage_max = models.DecimalField(_("maximum wage offered"), max_digits=12, decimal_places=2)
    requirements = models.TextField(_("requirements"), blank=True)
    skills = ArrayField(models.CharField(max_length=60), default=list, blank=True)
    min_education = models.PositiveSmallIntegerField(
        _("minimum education"), choices=Education.choices, default=Education.NONE
    )
    min_experience_years = models.PositiveSmallIntegerField(_("years of experience"), default=0)
    posts = models.PositiveSmallIntegerField(_("number of posts"))
    posts_filled = models.PositiveSmallIntegerField(default=0)
    closing_date = models.DateField(_("closing date"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    review_note = models.TextField(_("review note"), blank=True)
    registered_by_id = models.BigIntegerField(null=True, blank=True)
    reviewed_by_id = models.BigIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Set when a verified employer submitted the vacancy through the portal: the establishment
    # they represent, whose representatives see it under "My vacancies".
    establishment = models.ForeignKey(
        "registry.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("establishment"),
    )
    submitted_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            GinIndex(
                fields=["search_key"], name="xx_pes_vacancy_search_trgm", opclasses=["gin_trgm_ops"]
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(wage_min__lte=models.F("wage_max")),
                name="xx_pes_wage_range",
            ),
            models.CheckConstraint(condition=models.Q(posts__gte=1), name="xx_pes_posts"),
        ]

    @property
    def occupation_label(self) -> str:
        return occupation_name(self.occupation)

    @property
    def sector_label(self) -> str:
        return sector_name(self.sector)

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class Referral(BaseModel):
    class Status(models.TextChoices):
        REFERRED = "referred", _("Referred")
        INTERVIEWED = "interviewed", _("Interviewed")
        PLACED = "placed", _("Placed")
        NOT_PLACED = "not_placed", _("Not placed")

    seeker = models.ForeignKey(JobSeeker, on_delete=models.PROTECT, related_name="referrals")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="referrals")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REFERRED
    )
    referred_on = models.DateField(_("referred on"))
    interviewed_on = models.DateField(_("interviewed on"), null=True, blank=True)
    outcome_on = models.DateField(_("outcome on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    referred_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-referred_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "vacancy"], name="xx_pes_one_referral"),
        ]


class SeekerDocument(BaseModel):
    """A CV (or certificate) kept in the ministry's object storage, checked before storing."""

    class Kind(models.TextChoices):
        CV = "cv", _("CV")
        CERTIFICATE = "certificate", _("Certificate or diploma")

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.CV)
    filename = models.CharField(_("file name"), max_length=200)
    storage_key = models.CharField(max_length=300, unique=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class Appointment(BaseModel):
    """A counselling appointment, with the counsellor's note once it took place."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        ATTENDED = "attended", _("Attended")
        MISSED = "missed", _("Did not attend")
        CANCELLED = "cancelled", _("Cancelled")

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="appointments")
    starts_at = models.DateTimeField(_("date and time"))
    purpose = models.CharField(_("purpose"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    # Personal data: emptied by an erasure on request.
    note = models.TextField(_("counselling note"), blank=True)
    counsellor_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_at", "-id"]


class Programme(BaseModel):
    """An active labour-market programme the service enrols job seekers in."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("Vocational training")
        APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
        WORK_EXPERIENCE = "work_experience", _("Work experience or internship")
        SELF_EMPLOYMENT = "self_employment", _("Self-employment support")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    places = models.PositiveSmallIntegerField(_("places"))

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__lte=models.F("ends_on")), name="xx_pes_prog_dates"
            ),
            models.CheckConstraint(condition=models.Q(places__gte=1), name="xx_pes_prog_places"),
        ]

    def __str__(self) -> str:
        return self.name


class Enrolment(BaseModel):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        COMPLETED = "completed", _("Completed")
        DROPPED_OUT = "dropped_out", _("Dropped out")

    class Outcome(models.TextChoices):
        NONE = "", _("Not known yet")
        EMPLOYED = "employed", _("Found work")
        SELF_EMPLOYED = "self_employed", _("Became self-employed")
        FURTHER_TRAINING = "further_training", _("Went on to further training")
        STILL_SEEKING = "still_seeking", _("Still looking for work")

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="enrolments")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="enrolments")
    enrolled_on = models.DateField(_("enrolled on"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ENROLLED
    )
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, blank=True, default=""
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        ordering = ["-enrolled_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "programme"], name="xx_pes_one_enrolment"),
        ]
