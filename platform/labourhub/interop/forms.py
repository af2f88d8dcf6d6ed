from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub.interop.scopes import scope_labels


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("Name of the partner system"), max_length=200)
    contact = forms.CharField(label=_("Contact (person, e-mail)"), max_length=300)
    allowed_scopes = forms.MultipleChoiceField(
        label=_("What it may do"), choices=scope_labels, widget=forms.CheckboxSelectMultiple
    )


class SubscriptionForm(forms.Form):
    url = forms.CharField(label=_("Address that receives the events"), max_length=500)
    event_types = forms.MultipleChoiceField(
        label=_("Kinds of event"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, event_types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event_types"].choices = event_types  # type: ignore[attr-defined]
