from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub.portal.reports import report_kinds


class ReportForm(forms.Form):
    establishment: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Establishment"), queryset=None
    )
    kind = forms.ChoiceField(label=_("Kind of report"))
    workers_female = forms.IntegerField(label=_("Women affected"), initial=0)
    workers_male = forms.IntegerField(label=_("Men affected"), initial=0)
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(
        label=_("Until (when the measure ends)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reasons = forms.CharField(
        label=_("Reasons"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, establishments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["establishment"].queryset = establishments  # type: ignore[attr-defined]
        kinds = report_kinds()
        self.fields["kind"].choices = [(k.code, k.label) for k in kinds.values()]  # type: ignore[attr-defined]
        helps = [f"{k.label}: {k.help_text}" for k in kinds.values() if k.help_text]
        self.fields["kind"].help_text = " · ".join(str(h) for h in helps)


class ReportReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Acknowledge the report")),
            ("return", _("Return it to the employer")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (shown to the employer when returning)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
