from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import office_list_for
from labourhub.registry.fields import ExtraField, extra_fields
from labourhub.registry.imports import ENCODING_CHOICES, import_fields
from labourhub.registry.isic import isic_section_choices
from labourhub.registry.models import Establishment, ImportKind, ImportMapping, RiskLevel, SizeBand

_ANY = [("", _("Any"))]


class EstablishmentFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name, registration number or tax id"), required=False, max_length=200
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    office = forms.ModelChoiceField(
        label=_("Region or office"),
        required=False,
        queryset=Office.objects.order_by("code"),
        empty_label=_("Any"),
    )
    size_band = forms.ChoiceField(
        label=_("Size"), required=False, choices=_ANY + list(SizeBand.choices)
    )
    risk_level = forms.ChoiceField(
        label=_("Risk"), required=False, choices=_ANY + list(RiskLevel.choices)
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_ANY + list(Establishment.Status.choices)
    )
    inspected_before = forms.DateField(
        label=_("Not inspected since"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = _ANY + isic_section_choices()  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        if "office" in data:
            data["office"] = data["office"].pk
        return data


def _extra_form_field(f: ExtraField) -> forms.Field:
    common: dict[str, Any] = {"label": f.label, "required": f.required, "help_text": f.help_text}
    if f.type == "choice":
        return forms.ChoiceField(choices=[("", "—"), *f.choices], **common)
    if f.type == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if f.type == "boolean":
        return forms.BooleanField(**{**common, "required": False})
    return forms.CharField(max_length=f.max_length, **common)


class EstablishmentForm(forms.Form):
    """Create and edit. Plugin fields are added as ``extra__<key>``; the service validates."""

    name = forms.CharField(label=_("Establishment name"), max_length=300)
    employer_legal_name = forms.CharField(label=_("Employer legal name"), max_length=300)
    employer_tax_id = forms.CharField(
        label=_("Employer tax id"),
        max_length=64,
        required=False,
        help_text=_("An existing employer with this tax id is reused."),
    )
    registration_number = forms.CharField(
        label=_("Registration number"),
        max_length=64,
        required=False,
        help_text=_("Leave empty to have one generated."),
    )
    address = forms.CharField(label=_("Address"), max_length=500, required=False)
    locality = forms.CharField(label=_("Locality"), max_length=200, required=False)
    office = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.order_by("code"))
    isic_code = forms.RegexField(
        label=_("ISIC Rev.4 class"),
        regex=r"^\d{4}$",
        help_text=_("Four digits, e.g. 1071 (bakery products)."),
        error_messages={"invalid": _("Enter four digits.")},
    )
    workers_female = forms.IntegerField(
        label=_("Women workers"), min_value=0, max_value=10_000_000, initial=0
    )
    workers_male = forms.IntegerField(
        label=_("Men workers"), min_value=0, max_value=10_000_000, initial=0
    )
    workers_minors = forms.IntegerField(
        label=_("Workers under 18"), min_value=0, max_value=10_000_000, initial=0
    )
    hours_pattern = forms.ChoiceField(
        label=_("Working hours"), choices=Establishment.HoursPattern.choices
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in Establishment.Status.choices if c[0] != Establishment.Status.MERGED],
    )
    risk_level = forms.ChoiceField(
        label=_("Risk"), choices=RiskLevel.choices, initial=RiskLevel.MEDIUM
    )
    opened_on = forms.DateField(
        label=_("Opened on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    latitude = forms.DecimalField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, decimal_places=6
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, decimal_places=6
    )

    def __init__(
        self, *args: Any, editing: bool = False, user: User | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if user is not None:
            # Only the offices where the user may register or edit establishments.
            self.fields["office"].queryset = office_list_for(  # type: ignore[attr-defined]
                user=user, action=Action.ESTABLISHMENT_EDIT
            )
        if editing:
            for name in ("employer_legal_name", "employer_tax_id", "registration_number"):
                del self.fields[name]
        self.extra_defs = extra_fields()
        for f in self.extra_defs:
            self.fields[f"extra__{f.key}"] = _extra_form_field(f)

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        extra = {}
        for f in self.extra_defs:
            value = data.pop(f"extra__{f.key}", None)
            if value not in (None, ""):
                extra[f.key] = value.isoformat() if hasattr(value, "isoformat") else value
        data["extra"] = extra
        return data

    def service_field(self, key: str) -> str:
        """The form field for a service error key (plugin fields are keyed ``extra.<key>``)."""
        return "extra__" + key.removeprefix("extra.") if key.startswith("extra.") else key


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file contains"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("CSV or Excel (.xlsx) file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    encoding = forms.ChoiceField(label=_("Text encoding (CSV only)"), choices=ENCODING_CHOICES)
    mapping = forms.ModelChoiceField(
        label=_("Saved column mapping"),
        required=False,
        queryset=ImportMapping.objects.all(),
        empty_label=_("Guess from the header row"),
    )


class ImportMappingForm(forms.Form):
    save_as = forms.CharField(
        label=_("Save this mapping as"),
        max_length=120,
        required=False,
        help_text=_("Give it a name to reuse it for the next file."),
    )

    def __init__(
        self, *args: Any, kind: str, headers: list[str], current: dict[str, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in this file —"))] + [(h, h) for h in headers if h]
        self.targets = import_fields(kind)
        for f in self.targets:
            label = f"{f.label} *" if f.required else str(f.label)
            self.fields[f"col__{f.key}"] = forms.ChoiceField(
                label=label, choices=choices, required=False, initial=current.get(f.key, "")
            )
        self.order_fields(["save_as"])
        self.order_fields([f"col__{f.key}" for f in self.targets] + ["save_as"])

    def columns(self) -> dict[str, str]:
        return {
            k.removeprefix("col__"): v
            for k, v in self.cleaned_data.items()
            if k.startswith("col__") and v
        }


class MergeForm(forms.Form):
    duplicate = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)
