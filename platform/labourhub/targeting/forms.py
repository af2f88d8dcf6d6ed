from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub.inspections.models import Campaign
from labourhub.registry.isic import isic_section_choices
from labourhub.registry.models import SizeBand
from labourhub.targeting.models import ModelKind
from labourhub.targeting.selectors import risk_region_choices
from labourhub.targeting.services import MAX_DRAW, MAX_SEED


class RankingFilterForm(forms.Form):
    region = forms.TypedChoiceField(label=_("Region"), required=False, coerce=int, empty_value=None)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    size_band = forms.ChoiceField(label=_("Size"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        blank = [("", _("All"))]
        self.fields["region"].choices = blank + [(str(i), n) for i, n in risk_region_choices()]  # type: ignore[attr-defined]
        self.fields["sector"].choices = blank + isic_section_choices()  # type: ignore[attr-defined]
        self.fields["size_band"].choices = blank + list(SizeBand.choices)  # type: ignore[attr-defined]


class TrainForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of model"), choices=ModelKind.choices)


class DrawForm(forms.Form):
    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=Campaign.objects.none())
    count = forms.IntegerField(label=_("Number of establishments"), min_value=1, max_value=MAX_DRAW)
    control_percent = forms.DecimalField(
        label=_("Random control share (%)"),
        min_value=Decimal(0),
        max_value=Decimal(50),
        decimal_places=1,
        initial=Decimal(10),
        help_text=_(
            "This share of the establishments is drawn at random, so the ranking's hit rate "
            "can be compared with chance."
        ),
    )
    seed = forms.IntegerField(
        label=_("Seed (optional)"),
        required=False,
        min_value=0,
        max_value=MAX_SEED - 1,
        help_text=_("Leave empty for a new random seed; give a recorded seed to redraw."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = Campaign.objects.exclude(  # type: ignore[attr-defined]
            status=Campaign.Status.CLOSED
        ).order_by("-starts_on", "name")
