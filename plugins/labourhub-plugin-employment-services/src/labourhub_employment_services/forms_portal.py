"""The employer's vacancy form in the portal: an establishment they represent, no staff fields."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub_employment_services.forms import _RegionMixin
from labourhub_employment_services.isco import occupation_search


class EmployerVacancyForm(_RegionMixin, forms.Form):
    # A plain number with a select widget: a representation the employer lacks must reach the
    # service, which refuses it (403), rather than read as an ordinary invalid choice.
    establishment = forms.IntegerField(label=_("Establishment"), widget=forms.Select)
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
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    skills = forms.CharField(
        label=_("Skills asked"),
        required=False,
        max_length=2000,
        help_text=_("Separated by commas, e.g. welding, food safety, driving licence"),
    )

    def __init__(
        self, *args: Any, establishments: list[tuple[int, str]], occupation_q: str = "", **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self._choices()
        self.fields["establishment"].widget.choices = establishments
        found = occupation_search(occupation_q) if occupation_q else []
        if found:
            # Words typed in the search box narrow the list to the matching ISCO-08 groups.
            self.fields["occupation"].choices = [("", "—"), *((g.code, g.name()) for g in found)]
