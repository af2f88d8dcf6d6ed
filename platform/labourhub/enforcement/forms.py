from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.models import User
from labourhub.common.localtime import local_time_note
from labourhub.complaints.forms import EstablishmentField


class OrderForm(forms.Form):
    establishment = EstablishmentField(label=_("Establishment registration number"), max_length=64)
    provision = forms.CharField(label=_("Legal provision"), max_length=400)
    requirement = forms.CharField(
        label=_("What the employer must do"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    days = forms.IntegerField(
        label=_("Calendar days to comply"), min_value=1, max_value=365, initial=30
    )
    workers_affected = forms.IntegerField(
        label=_("Workers affected"), min_value=0, max_value=1000000, initial=0
    )


class PaymentForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount"), max_digits=14, decimal_places=2, min_value=0.01)
    reference = forms.CharField(label=_("Payment reference"), max_length=80)
    paid_on = forms.DateField(label=_("Paid on"), widget=forms.DateInput(attrs={"type": "date"}))


class HearingForm(forms.Form):
    room = forms.CharField(label=_("Room"), max_length=100)
    officer = forms.ModelChoiceField(
        label=_("Officer"), queryset=User.objects.filter(is_active=True).order_by("username")
    )
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    parties = forms.CharField(
        label=_("Parties"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Entered and shown on the ministry's clock (the request's active zone), stored in UTC.
        for name in ("starts_at", "ends_at"):
            self.fields[name].help_text = local_time_note()


class PenaltyAdjustForm(forms.Form):
    order = forms.IntegerField(widget=forms.HiddenInput)
    amount = forms.DecimalField(label=_("Amount"), max_digits=14, decimal_places=2, min_value=0)
    reason = forms.CharField(
        label=_("Reason for the amount"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CourtOpenForm(forms.Form):
    court = forms.CharField(label=_("Court"), max_length=200)
    docket_number = forms.CharField(label=_("Docket number"), max_length=80)


class CourtHearingForm(forms.Form):
    held_on = forms.DateField(
        label=_("Hearing date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    summary = forms.CharField(
        label=_("What happened"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    next_hearing_on = forms.DateField(
        label=_("Next hearing"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class CourtJudgementForm(forms.Form):
    judgement = forms.ChoiceField(
        label=_("Judgement"),
        choices=[
            ("upheld", _("Sanction upheld")),
            ("reduced", _("Penalty reduced")),
            ("dismissed", _("Case dismissed")),
        ],
    )
    judgement_on = forms.DateField(
        label=_("Judgement date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    summary = forms.CharField(
        label=_("Judgement summary"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    penalty_imposed = forms.DecimalField(
        label=_("Penalty imposed"), max_digits=14, decimal_places=2, min_value=0, required=False
    )
    final = forms.BooleanField(label=_("Final (no appeal)"), required=False, initial=True)
    appeal_court = forms.CharField(label=_("Appeal court"), max_length=200, required=False)
    appeal_filed_on = forms.DateField(
        label=_("Appeal filed on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ProposalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("confirm", _("Confirm the order")), ("reject", _("Reject"))]
    )
    days = forms.IntegerField(
        label=_("Calendar days to comply"), min_value=1, max_value=365, required=False
    )
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
