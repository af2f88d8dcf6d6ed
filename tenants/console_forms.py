import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.models import Ministry


class PluginActivateForm(forms.Form):
    config = forms.CharField(
        label=_("Configuration (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_('Secrets as references, e.g. {"api_key": {"$secret": "hn/plugin/api_key"}}.'),
        max_length=20000,
    )

    def clean_config(self) -> dict[str, Any]:
        raw = self.cleaned_data["config"].strip()
        if not raw:
            return {}
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                _("This is not valid JSON (line %(line)s, column %(col)s)."),
                params={"line": exc.lineno, "col": exc.colno},
            ) from exc
        if not isinstance(value, dict):
            raise forms.ValidationError(_("The configuration must be a JSON object."))
        return value


class ReleaseCreateForm(forms.Form):
    version = forms.CharField(label=_("Core version"), max_length=40)
    notes = forms.CharField(
        label=_("Release notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CanaryForm(forms.Form):
    canary = forms.ModelChoiceField(label=_("Canary ministry"), queryset=Ministry.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from tenants.selectors import ministry_list

        super().__init__(*args, **kwargs)
        self.fields["canary"].queryset = ministry_list()  # type: ignore[attr-defined]
