"""Forms for CVs, counselling appointments and labour-market programmes."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub_employment_services.models import (
    Appointment,
    Enrolment,
    Programme,
    SeekerDocument,
)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=SeekerDocument.Kind.choices)
    file = forms.FileField(
        label=_("File"), help_text=_("A PDF of at most 5 MB."), allow_empty_file=False
    )


class AppointmentForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    purpose = forms.CharField(label=_("Purpose"), max_length=200)


class AppointmentRecordForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What happened"),
        choices=[c for c in Appointment.Status.choices if c[0] != Appointment.Status.SCHEDULED],
    )
    note = forms.CharField(
        label=_("Counselling note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EnrolForm(forms.Form):
    programme = forms.TypedChoiceField(label=_("Programme"), coerce=int)

    def __init__(self, *args: Any, programmes: list[Programme], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", "—"), *((p.pk, str(p)) for p in programmes)]  # type: ignore[attr-defined]


class EnrolmentEndForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Ended as"),
        choices=[c for c in Enrolment.Status.choices if c[0] != Enrolment.Status.ENROLLED],
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Enrolment.Outcome.choices, required=False
    )
    ended_on = forms.DateField(label=_("Ended on"), widget=forms.DateInput(attrs={"type": "date"}))


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Programme.Kind.choices)
    provider = forms.CharField(label=_("Provider"), max_length=200, required=False)
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Ends on"), widget=forms.DateInput(attrs={"type": "date"}))
    places = forms.IntegerField(label=_("Places"), min_value=1, max_value=10000)
