from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub_employment_services.isco import occupation_choices, sector_choices
from labourhub_employment_services.models import Education, JobSeeker
from labourhub_employment_services.selectors import region_choices


class _RegionMixin:
    fields: dict[str, Any]

    def _choices(self) -> None:
        # Built per request: the labels follow the user's language and the ministry's regions.
        self.fields["region"].choices = [("", "—"), *region_choices()]
        if "occupations" in self.fields:
            self.fields["occupations"].choices = occupation_choices()
        if "occupation" in self.fields:
            self.fields["occupation"].choices = [("", "—"), *occupation_choices()]
        if "sector" in self.fields:
            self.fields["sector"].choices = [("", "—"), *sector_choices()]


class JobSeekerForm(_RegionMixin, forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    sex = forms.ChoiceField(label=_("Sex"), choices=JobSeeker.Sex.choices)
    birth_year = forms.IntegerField(label=_("Year of birth"), min_value=1900, max_value=2100)
    national_id = forms.CharField(
        label=_("National ID or NIS number"), max_length=30, required=False
    )
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    region = forms.TypedChoiceField(label=_("Region"), coerce=int, required=False, empty_value=None)
    community = forms.CharField(label=_("Town or community"), max_length=100, required=False)
    education = forms.TypedChoiceField(
        label=_("Highest education completed"), choices=Education.choices, coerce=int
    )
    occupations = forms.MultipleChoiceField(
        label=_("Occupations wanted"),
        help_text=_("Up to five, from the ISCO-08 groups."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    skills = forms.CharField(
        label=_("Skills"),
        required=False,
        max_length=2000,
        help_text=_("Separated by commas, e.g. welding, food safety, driving licence"),
    )
    availability = forms.ChoiceField(
        label=_("Availability"), choices=JobSeeker.Availability.choices
    )
    consent_processing = forms.BooleanField(
        label=_("The job seeker consents to the ministry processing these data"), required=False
    )
    consent_sharing = forms.BooleanField(
        label=_("The job seeker consents to their details being shared with employers"),
        required=False,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices()


class VacancyFieldsForm(_RegionMixin, forms.Form):
    """What a vacancy says, whoever registers it: staff, or an employer in the portal."""

    title = forms.CharField(label=_("Job title"), max_length=200)
    occupation = forms.ChoiceField(label=_("Occupation (ISCO-08)"))
    sector = forms.ChoiceField(label=_("Sector (ISIC)"))
    region = forms.TypedChoiceField(label=_("Region"), coerce=int, required=False, empty_value=None)
    community = forms.CharField(label=_("Town or community"), max_length=100, required=False)
    wage_min = forms.DecimalField(
        label=_("Minimum wage offered (per month)"), min_value=0, max_digits=12, decimal_places=2
    )
    wage_max = forms.DecimalField(
        label=_("Maximum wage offered (per month)"), min_value=0, max_digits=12, decimal_places=2
    )
    posts = forms.IntegerField(label=_("Number of posts"), min_value=1, max_value=1000)
    closing_date = forms.DateField(
        label=_("Closing date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    requirements = forms.CharField(
        label=_("Requirements"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    skills = forms.CharField(
        label=_("Skills asked"),
        required=False,
        max_length=2000,
        help_text=_("Separated by commas, e.g. welding, food safety, driving licence"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices()


class VacancyForm(VacancyFieldsForm):
    field_order = ["title", "employer_name"]
    employer_name = forms.CharField(label=_("Employer"), max_length=200)
    min_education = forms.TypedChoiceField(
        label=_("Minimum education"), choices=Education.choices, coerce=int
    )
    min_experience_years = forms.IntegerField(
        label=_("Years of experience asked"), min_value=0, max_value=50, initial=0
    )


class ExperienceForm(forms.Form):
    job_title = forms.CharField(label=_("Job title"), max_length=150)
    employer_name = forms.CharField(label=_("Employer"), max_length=200, required=False)
    occupation = forms.ChoiceField(label=_("Occupation (ISCO-08)"))
    years = forms.IntegerField(label=_("Years"), min_value=0, max_value=60)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["occupation"].choices = [("", "—"), *occupation_choices()]  # type: ignore[attr-defined]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("The job seeker asked for their personal data to be erased"), required=True
    )


class ReferralStepForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
