from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub.offline.services.settings import KEEP_DAYS


class OfflineSettingsForm(forms.Form):
    record_location = forms.BooleanField(
        label=_("Record where each visit starts (the inspector sees that it is recorded)"),
        required=False,
    )
    keep_days = forms.IntegerField(
        label=_("Days ahead of assignments each inspector's app keeps offline by itself"),
        min_value=1,
        max_value=60,
        error_messages={
            "invalid": _(KEEP_DAYS),
            "min_value": _(KEEP_DAYS),
            "max_value": _(KEEP_DAYS),
            "required": _(KEEP_DAYS),
        },
    )
