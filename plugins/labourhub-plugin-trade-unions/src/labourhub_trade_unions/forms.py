from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub_trade_unions.models import TradeUnion


class UnionFileForm(forms.Form):
    name = forms.CharField(label=_("Union name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=TradeUnion.Kind.choices)
    employer_name = forms.CharField(
        label=_("Employer (enterprise unions)"), max_length=200, required=False
    )
    municipality = forms.CharField(label=_("Municipality"), max_length=100)
    members_count = forms.IntegerField(label=_("Founding members"), min_value=0, max_value=10**6)
    officers = forms.CharField(
        label=_("Officers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line: Full name; Position"),
        max_length=10000,
    )


class UnionReviewForm(forms.Form):
    notes = forms.CharField(
        label=_("Review notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class UnionRefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for refusal"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
