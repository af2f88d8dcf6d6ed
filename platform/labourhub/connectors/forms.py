from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub.connectors.models import ConnectorSource
from labourhub.connectors.selectors import connector_kinds

TARGET_LABELS = {"payroll": _("Declared workers"), "accidents": _("Accident notifications")}


class SourceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Format"))
    transport = forms.ChoiceField(
        label=_("How files arrive"), choices=ConnectorSource.Transport.choices
    )
    url = forms.CharField(
        label=_("Partner's address (for an HTTP endpoint)"),
        max_length=500,
        required=False,
        help_text=_("The file is fetched from this address at each run."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [  # type: ignore[attr-defined]
            (code, f"{kind.label} ({TARGET_LABELS[kind.target]})")
            for code, kind in connector_kinds().items()
        ]


class DropForm(forms.Form):
    file = forms.FileField(label=_("File"))


class ObservedForm(forms.Form):
    workers = forms.CharField(
        label=_("Workers found at work"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=100_000,
        help_text=_("One a line: the ID number, then a comma and the name."),
    )
