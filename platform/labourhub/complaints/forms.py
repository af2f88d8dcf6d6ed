from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub.complaints.models import AccidentNotification, Complaint, Dispute
from labourhub.registry.models import Establishment


class EstablishmentField(forms.CharField):
    """Registration number of a registered establishment (optional)."""

    def clean(self, value: str) -> Establishment | None:
        value = super().clean(value).strip()
        if not value:
            return None
        est = Establishment.objects.filter(registration_number__iexact=value).first()
        if est is None:
            raise forms.ValidationError(_("No establishment has this registration number."))
        return est


class ComplaintFactsForm(forms.Form):
    """What every complaint states, whichever door it comes in by (public form, staff, portal)."""

    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("What happened"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5})
    )
    establishment = EstablishmentField(
        label=_("Establishment registration number (if known)"), required=False, max_length=64
    )
    employer_text = forms.CharField(
        label=_("Employer or workplace (name and address)"), required=False, max_length=300
    )
    child_labour = forms.BooleanField(label=_("Children are working there"), required=False)


class ComplaintForm(ComplaintFactsForm):
    anonymous = forms.BooleanField(
        label=_("Complain anonymously"),
        required=False,
        help_text=_(
            "We will not store your name. Keep the tracking code to follow your complaint."
        ),
    )
    complainant_name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    complainant_contact = forms.CharField(
        label=_("Telephone or e-mail"), required=False, max_length=200
    )


class StaffComplaintForm(ComplaintForm):
    channel = forms.ChoiceField(
        label=_("Received by"), choices=[c for c in Complaint.Channel.choices if c[0] != "portal"]
    )


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class AccidentForm(forms.Form):
    establishment = EstablishmentField(label=_("Establishment registration number"), max_length=64)
    kind = forms.ChoiceField(label=_("Kind"), choices=AccidentNotification.Kind.choices)
    severity = forms.ChoiceField(label=_("Severity"), choices=AccidentNotification.Severity.choices)
    occurred_on = forms.DateField(
        label=_("Occurred on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    victims_female = forms.IntegerField(
        label=_("Women affected"), min_value=0, max_value=10000, initial=0
    )
    victims_male = forms.IntegerField(
        label=_("Men affected"), min_value=0, max_value=10000, initial=0
    )
    fatalities = forms.IntegerField(label=_("Deaths"), min_value=0, max_value=10000, initial=0)
    worker_id = forms.CharField(
        label=_("Injured worker's ID number (if known)"),
        max_length=32,
        required=False,
        help_text=_(
            "Lets the register recognise the same accident notified by the social insurer."
        ),
    )
    description = forms.CharField(
        label=_("Description"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )


class DisputeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Dispute.Kind.choices)
    workers_party = forms.CharField(label=_("Workers' party"), max_length=300)
    employer_party = forms.CharField(label=_("Employer's party"), max_length=300)
    workers_involved = forms.IntegerField(
        label=_("Workers involved"), min_value=1, max_value=1000000, initial=1
    )
    subject = forms.CharField(
        label=_("Subject of the dispute"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
