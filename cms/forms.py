from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import Indicator


class UploadForm(forms.Form):
    indicator = forms.ModelChoiceField(queryset=Indicator.objects.none(), label=_("Indicator"))
    file = forms.FileField(
        label=_("Data file (CSV or Excel)"),
        help_text=_("Columns: period, one column per dimension code, value, and optionally flag."),
    )

    def __init__(self, *args: Any, indicators: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators  # type: ignore[attr-defined]


class ApproveForm(forms.Form):
    release_at = forms.DateTimeField(
        label=_("Publish on"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The ministry's zone is active for the request, so the entered time is read in it.
        zone = timezone.get_current_timezone_name()
        self.fields["release_at"].label = _("Publish on (%(zone)s time)") % {"zone": zone}
        self.fields["release_at"].help_text = _(
            "The data stay embargoed until this date and time in %(zone)s."
        ) % {"zone": zone}


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What must the agency fix?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )
