from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from labourhub.documents.contexts import subject_kinds
from labourhub.documents.models import DocumentKind, Layout

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def _subject_choices() -> list[tuple[str, Any]]:
    return [("", _("— none (sample data) —"))] + [
        (k.label, k.verbose_name) for k in subject_kinds()
    ]


class SubjectFields(forms.Form):
    subject_type = forms.ChoiceField(label=_("Record type"), required=False, choices=())
    subject_id = forms.CharField(label=_("Record id"), required=False, max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject_type"].choices = _subject_choices()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("subject_type")) != bool(data.get("subject_id")):
            raise forms.ValidationError(_("Choose a record type and give its id, or neither."))
        return data


class TemplateForm(SubjectFields):
    layout = forms.ChoiceField(label=_("Layout"), choices=Layout.choices)
    language_1 = forms.ChoiceField(label=_("First language"), choices=settings.LANGUAGES)
    title_1 = forms.CharField(label=_("Title (first language)"), max_length=2000)
    body_1 = forms.CharField(
        label=_("Text (first language)"),
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "true"}),
        help_text=_(
            "Insert fields by name, e.g. {{ establishment.name }}; "
            "{% if findings %}…{% endif %} and {% for f in findings %}…{% endfor %} work."
        ),
    )
    language_2 = forms.ChoiceField(
        label=_("Second language"),
        choices=[("", _("— none —")), *settings.LANGUAGES],
        required=False,
    )
    title_2 = forms.CharField(label=_("Title (second language)"), max_length=2000, required=False)
    body_2 = forms.CharField(
        label=_("Text (second language)"),
        widget=forms.Textarea(attrs={"rows": 18}),
        required=False,
    )
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)

    def languages(self) -> list[str]:
        data = self.cleaned_data
        return [c for c in (data.get("language_1"), data.get("language_2")) if c]

    def texts(self) -> dict[str, dict[str, str]]:
        data = self.cleaned_data
        texts = {data["language_1"]: {"title": data["title_1"], "body": data["body_1"]}}
        if data.get("language_2"):
            texts[data["language_2"]] = {
                "title": data.get("title_2", ""),
                "body": data.get("body_2", ""),
            }
        return texts

    def field_for(self, service_field: str) -> str | None:
        """Map the service's ``body_si`` error keys onto this form's numbered fields."""
        if service_field in ("layout", "languages", "kind"):
            return "language_2" if service_field == "languages" else service_field
        part, _sep, code = service_field.partition("_")
        data = self.cleaned_data
        if code and code == data.get("language_1"):
            return f"{part}_1"
        if code and code == data.get("language_2"):
            return f"{part}_2"
        return None


class IssueForm(SubjectFields):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from labourhub.documents.kinds import kind_choices

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices()  # type: ignore[attr-defined]

    amount = forms.DecimalField(
        label=_("Amount (fines only)"),
        required=False,
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )


class VerifyUploadForm(forms.Form):
    file = forms.FileField(label=_("Your copy of the PDF"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB; it cannot be ours."))
        return upload
