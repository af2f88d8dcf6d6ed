"""The worker's own job seeker form in the portal: the staff form's fields, the worker's consent."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub_employment_services.forms import _RegionMixin
from labourhub_employment_services.isco import occupation_search
from labourhub_employment_services.models import Education, JobSeeker


class WorkerSeekerForm(_RegionMixin, forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    sex = forms.ChoiceField(label=_("Sex"), choices=JobSeeker.Sex.choices)
    birth_year = forms.IntegerField(label=_("Year of birth"), min_value=1900, max_value=2100)
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
    region = forms.TypedChoiceField(label=_("Region"), coerce=int, required=False, empty_value=None)
    community = forms.CharField(label=_("Town or community"), max_length=100, required=False)
    consent_processing = forms.BooleanField(
        label=_("I consent to the ministry processing these data to help me find work"),
        required=False,
    )
    consent_sharing = forms.BooleanField(
        label=_("I consent to my details being shared with employers offering suitable jobs"),
        required=False,
    )

    def __init__(self, *args: Any, occupation_q: str = "", **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._choices()
        found = occupation_search(occupation_q) if occupation_q else []
        if found:
            # Words typed in the search box narrow the list, as on the employer's vacancy form.
            self.fields["occupations"].choices = [(g.code, g.name()) for g in found]


class WorkerConfirmForm(forms.Form):
    confirm = forms.BooleanField(label=_("I confirm"), required=True)
