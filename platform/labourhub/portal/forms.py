from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.models import Office
from labourhub.complaints.forms import ComplaintFactsForm, EstablishmentField, TrackForm
from labourhub.complaints.models import AccidentNotification
from labourhub.portal.kinds import inbox_kinds
from labourhub.portal.models import PortalAccount


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; the service checks each file's content."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".pdf,.xlsx,.csv", "multiple": True})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[Any]]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class SignupForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("I am"), choices=PortalAccount.Kind.choices, widget=forms.RadioSelect
    )
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    username = forms.RegexField(
        label=_("User name"),
        max_length=60,
        regex=r"^[A-Za-z0-9._-]{3,60}$",
        error_messages={"invalid": _("Use 3 to 60 letters, digits, dots, dashes or underscores.")},
    )
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password_again = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput, strip=False
    )
    organisation = forms.CharField(
        label=_("Organisation (employers)"), max_length=300, required=False
    )
    tax_number = forms.CharField(
        label=_("Tax or registration number (employers)"), max_length=64, required=False
    )
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data


class EvidenceForm(forms.Form):
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Documents proving you act for the organisation")
    )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Verify the account")), ("reject", _("Refuse the account"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class RepresentativeAddForm(forms.Form):
    username = forms.CharField(label=_("Portal user name of the representative"), max_length=150)


class ServeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"))
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 6}))
    requested_documents = forms.CharField(
        label=_("Documents required (one per line)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    reply_days = forms.IntegerField(
        label=_("Working days to answer, counted from the opening"),
        min_value=0,
        max_value=60,
        initial=5,
        required=False,
    )
    deemed_after_days = forms.IntegerField(
        label=_("Deemed served if unopened after (working days, 0 = never)"),
        help_text=_("Only where the procedure provides for it."),
        min_value=0,
        max_value=60,
        initial=0,
        required=False,
    )
    inspection = forms.CharField(
        label=_("Inspection reference (remote inspection)"), max_length=32, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = list(inbox_kinds().items())

    def documents(self) -> list[str]:
        text: str = self.cleaned_data.get("requested_documents") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class AnswerForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the inspector"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Documents (PDF, Excel .xlsx or CSV, 25 MB each)")
    )


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Review note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class SubmissionForm(forms.Form):
    """Lengths and types are checked again by the service; this form only parses."""

    name = forms.CharField(label=_("Name of the establishment"), max_length=300)
    address = forms.CharField(label=_("Address"), max_length=500)
    locality = forms.CharField(label=_("Locality"), max_length=200)
    isic_code = forms.CharField(
        label=_("Economic activity (ISIC Rev.4 class, four digits)"), max_length=4
    )
    workers_female = forms.IntegerField(label=_("Women workers"), min_value=0, max_value=1_000_000)
    workers_male = forms.IntegerField(label=_("Men workers"), min_value=0, max_value=1_000_000)
    opened_on = forms.DateField(
        label=_("Opening date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class SubmissionDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept into the registry")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    office = forms.ModelChoiceField(
        label=_("Office covering the establishment (new establishments)"),
        queryset=Office.objects.none(),
        required=False,
    )
    note = forms.CharField(
        label=_("Reason (shown to the employer when refusing)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Office.objects.filter(level="district").order_by("name")  # type: ignore[attr-defined]


class WorkerComplaintForm(ComplaintFactsForm):
    """The signed-in worker's complaint: the name and contact come from the account."""

    anonymous = forms.BooleanField(
        label=_("Complain anonymously"),
        required=False,
        help_text=_(
            "Your account will not be tied to the complaint; keep the tracking code to follow it."
        ),
    )


# Claiming a complaint asks for the same code as following it anonymously.
ClaimForm = TrackForm


class AccidentFields(forms.Form):
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
    description = forms.CharField(
        label=_("What happened"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )


class WorkerAccidentForm(AccidentFields):
    establishment = EstablishmentField(label=_("Establishment registration number"), max_length=64)
    field_order = ["establishment"]


class EmployerAccidentForm(AccidentFields):
    establishment: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Establishment"), queryset=None
    )
    field_order = ["establishment"]

    def __init__(self, *args: Any, establishments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["establishment"].queryset = establishments  # type: ignore[attr-defined]
