from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub.workflow.models import CalendarDay
from labourhub.workflow.selectors import AMBER, GREEN, RED


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Reference or title"), required=False, max_length=100)
    procedure = forms.ChoiceField(
        label=_("Procedure"),
        required=False,
        choices=[
            ("", _("All")),
            ("enforcement", _("Enforcement")),
            ("complaint", _("Complaint")),
            ("dispute", _("Labour dispute")),
            ("accident", _("Accident / disease")),
        ],
    )
    light = forms.ChoiceField(
        label=_("Traffic light"),
        required=False,
        choices=[
            ("", _("All")),
            (RED, _("Red: overdue")),
            (AMBER, _("Amber: due soon")),
            (GREEN, _("Green: on time")),
        ],
    )
    due_this_week = forms.BooleanField(label=_("Due this week"), required=False)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)


class StepForm(forms.Form):
    transition = forms.CharField(widget=forms.HiddenInput, max_length=60)
    note = forms.CharField(
        label=_("Note / reasons"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    document_title = forms.CharField(
        label=_("Document attached (title or number)"),
        required=False,
        max_length=200,
        help_text=_("Required when the step needs a document; it is recorded on the timeline."),
    )
    amount = forms.DecimalField(
        label=_("Amount (a reduced fine)"),
        required=False,
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )
    days = forms.IntegerField(label=_("Days to comply"), required=False, min_value=1, max_value=365)
    choice = forms.ChoiceField(
        label=_("Refer to"),
        required=False,
        choices=[
            ("", "—"),
            ("court", _("Labour court")),
            ("attorney_general", _("Attorney general")),
        ],
    )

    override_reason = forms.CharField(
        label=_("Reason to act before the other party's period ends"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def documents(self, required: tuple[str, ...]) -> list[dict[str, Any]]:
        title = self.cleaned_data.get("document_title", "").strip()
        return [{"kind": kind, "title": title} for kind in required] if title else []


class CalendarDayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=CalendarDay.Kind.choices)
    yearly = forms.BooleanField(label=_("Same date every year"), required=False)


class GazetteForm(forms.Form):
    file = forms.FileField(
        label=_("Holiday list (CSV: date as YYYY-MM-DD, name; one day per line)"),
        help_text=_("For holidays that follow a yearly gazette, such as lunar and religious days."),
    )


class DigestForm(forms.Form):
    daily = forms.BooleanField(
        label=_("E-mail me a daily digest of my open alerts and overdue deadlines"),
        required=False,
    )
    hour = forms.IntegerField(
        label=_("Hour of sending (ministry time, 0-23)"), min_value=0, max_value=23, initial=7
    )
