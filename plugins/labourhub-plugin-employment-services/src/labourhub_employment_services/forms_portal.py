"""The employer's vacancy form in the portal: an establishment they represent, no staff fields."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub_employment_services.forms import VacancyFieldsForm
from labourhub_employment_services.isco import occupation_search


class EmployerVacancyForm(VacancyFieldsForm):
    field_order = ["establishment"]
    # A plain number with a select widget: a representation the employer lacks must reach the
    # service, which refuses it (403), rather than read as an ordinary invalid choice.
    establishment = forms.IntegerField(label=_("Establishment"), widget=forms.Select)

    def __init__(
        self, *args: Any, establishments: list[tuple[int, str]], occupation_q: str = "", **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.fields["establishment"].widget.choices = establishments
        found = occupation_search(occupation_q) if occupation_q else []
        if found:
            # Words typed in the search box narrow the list to the matching ISCO-08 groups.
            self.fields["occupation"].choices = [("", "—"), *((g.code, g.name()) for g in found)]
