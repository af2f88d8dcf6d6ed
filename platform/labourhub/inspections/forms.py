from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action, Role
from labourhub.accounts.selectors import office_list_for
from labourhub.common.localtime import local_time_note
from labourhub.inspections.models import (
    Assignment,
    Checklist,
    ChecklistQuestion,
    Inspection,
    Severity,
)
from labourhub.registry.models import Establishment

YES_NO_NA = [("yes", _("Yes")), ("no", _("No")), ("na", _("Not applicable"))]


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class InspectionCreateForm(forms.Form):
    establishment = forms.ModelChoiceField(
        queryset=Establishment.objects.filter(status="active").order_by("name"),
        label=_("Establishment"),
    )
    origin = forms.ChoiceField(choices=Inspection.Origin.choices, label=_("Origin"))
    origin_reference = forms.CharField(
        label=_("Origin reference (complaint, accident...)"), required=False, max_length=64
    )
    checklist = forms.ModelChoiceField(
        queryset=Checklist.objects.order_by("title"), label=_("Checklist")
    )
    scheduled_for = forms.DateField(
        label=_("Scheduled for"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is not None:
            # Only establishments of offices where the user may plan inspections.
            field = self.fields["establishment"]
            field.queryset = field.queryset.filter(  # type: ignore[attr-defined]
                office__in=office_list_for(user=user, action=Action.INSPECTION_PLAN)
            )


class AssignForm(VersionForm):
    method = forms.ChoiceField(
        choices=Assignment.Method.choices, label=_("Method"), initial=Assignment.Method.RANDOM
    )
    assignee = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label=_("Inspector (manual only)")
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args: Any, office: Office | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = User.objects.filter(role_grants__role=Role.INSPECTOR, is_active=True)
        if office is not None:
            qs = qs.filter(office=office)
        self.fields["assignee"].queryset = qs.distinct().order_by("username")  # type: ignore[attr-defined]


class VisitStartForm(VersionForm):
    arrived_at = forms.DateTimeField(
        label=_("Arrival time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    persons_met = forms.CharField(
        label=_("Persons met (name and position)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    workers_interviewed_female = forms.IntegerField(
        label=_("Women interviewed"), min_value=0, max_value=10000, initial=0
    )
    workers_interviewed_male = forms.IntegerField(
        label=_("Men interviewed"), min_value=0, max_value=10000, initial=0
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Entered on the ministry's clock (the request's active zone), stored in UTC.
        self.fields["arrived_at"].help_text = local_time_note()


class RefuseEntryForm(VersionForm):
    note = forms.CharField(
        label=_("How was entry refused?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class CancelForm(VersionForm):
    reason = forms.CharField(label=_("Reason for cancelling"), max_length=1000)


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Photo or document (JPEG, PNG, WebP, TIFF or PDF, 25 MB at most)")
    )
    caption = forms.CharField(label=_("Caption"), required=False, max_length=300)
    question = forms.CharField(widget=forms.HiddenInput, required=False)


def answer_field(question: ChecklistQuestion) -> forms.Field:
    label = question.text
    help_text = question.provision
    common: dict[str, Any] = {"label": label, "required": False, "help_text": help_text}
    kind = question.kind
    attrs: dict[str, Any] = {}
    if question.condition_code:
        attrs = {
            "data-condition": question.condition_code,
            "data-condition-value": question.condition_value,
        }
    if kind == ChecklistQuestion.Kind.YES_NO_NA:
        return forms.ChoiceField(choices=YES_NO_NA, widget=forms.RadioSelect(attrs=attrs), **common)
    if kind == ChecklistQuestion.Kind.CHOICE:
        return forms.ChoiceField(
            choices=[("", "—"), *[(c, c) for c in question.choices]],
            widget=forms.Select(attrs=attrs),
            **common,
        )
    if kind == ChecklistQuestion.Kind.DATE:
        return forms.CharField(widget=forms.DateInput(attrs={**attrs, "type": "date"}), **common)
    if kind == ChecklistQuestion.Kind.NUMBER:
        return forms.CharField(
            widget=forms.TextInput(attrs={**attrs, "inputmode": "decimal"}), **common
        )
    if kind == ChecklistQuestion.Kind.TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={**attrs, "rows": 2}), **common)
    return forms.CharField(widget=forms.TextInput(attrs=attrs), **common)


class SectionAnswersForm(VersionForm):
    """One checklist section; field names are the question codes."""

    def __init__(self, *args: Any, questions: list[ChecklistQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = [q for q in questions if q.kind != ChecklistQuestion.Kind.PHOTO]
        for q in self.questions:
            self.fields[q.code] = answer_field(q)


class FindingForm(forms.Form):
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )
    workers_affected_female = forms.IntegerField(
        label=_("Women affected"), min_value=0, max_value=1_000_000
    )
    workers_affected_male = forms.IntegerField(
        label=_("Men affected"), min_value=0, max_value=1_000_000
    )
    severity = forms.ChoiceField(choices=Severity.choices, label=_("Severity"))


class CorrectionForm(forms.Form):
    question = forms.ChoiceField(label=_("Question"))
    new_value = forms.CharField(label=_("Corrected answer"), max_length=5000)
    reason = forms.CharField(
        label=_("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def __init__(self, *args: Any, questions: list[ChecklistQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [(q.code, q.text) for q in questions]  # type: ignore[attr-defined]


class CorrectionDecideForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class ChecklistCreateForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=64)
    title = forms.CharField(label=_("Title"), max_length=200)
    topic = forms.ChoiceField(choices=Checklist.Topic.choices, label=_("Topic"))
    sector = forms.CharField(label=_("Sector"), required=False, max_length=100)


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Section title"), max_length=200)


class QuestionForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"))
    code = forms.SlugField(label=_("Code (short, unique in this checklist)"), max_length=64)
    text = forms.CharField(label=_("Question"), max_length=500)
    kind = forms.ChoiceField(choices=ChecklistQuestion.Kind.choices, label=_("Answer type"))
    choices = forms.CharField(
        label=_("Choices (one per line, for choice questions)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    required = forms.BooleanField(label=_("Required"), required=False)
    noncompliant_value = forms.CharField(
        label=_("Answer that means non-compliance (e.g. no, or <18 for numbers)"),
        required=False,
        max_length=100,
    )
    condition_code = forms.CharField(
        label=_("Show only when question (code)"), required=False, max_length=64
    )
    condition_value = forms.CharField(label=_("has the answer"), required=False, max_length=100)
    legal_article = forms.CharField(label=_("Article"), required=False, max_length=100)
    legal_instrument = forms.CharField(label=_("Law or regulation"), required=False, max_length=200)
    legal_version = forms.CharField(label=_("Law version"), required=False, max_length=100)
    corrective_measure = forms.CharField(
        label=_("Suggested corrective measure"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    penalty_min = forms.DecimalField(
        label=_("Minimum penalty"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    penalty_max = forms.DecimalField(
        label=_("Maximum penalty"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    penalty_unit = forms.CharField(label=_("Penalty unit"), required=False, max_length=32)
    severity = forms.ChoiceField(
        choices=Severity.choices, label=_("Severity"), initial=Severity.SERIOUS
    )
    child_labour = forms.BooleanField(
        label=_("Non-compliance here is child labour"), required=False
    )

    def __init__(self, *args: Any, sections: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [(s.pk, s.title) for s in sections]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("penalty_min"), data.get("penalty_max")
        if low is not None and high is not None and high < low:
            self.add_error("penalty_max", _("The maximum cannot be below the minimum."))
        data["choices"] = [c.strip() for c in (data.get("choices") or "").splitlines() if c.strip()]
        return data


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    theme = forms.CharField(label=_("Theme"), required=False, max_length=200)
    sector = forms.CharField(
        label=_("Sector (ISIC prefix, e.g. F or 41)"), required=False, max_length=4
    )
    region = forms.ModelChoiceField(
        queryset=Office.objects.filter(level="region"), required=False, label=_("Region")
    )
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Ends on"), widget=forms.DateInput(attrs={"type": "date"}))


class CampaignTargetForm(forms.Form):
    office = forms.ModelChoiceField(queryset=Office.objects.order_by("code"), label=_("Office"))
    target_count = forms.IntegerField(label=_("Target"), min_value=0, max_value=100000)


class CampaignFilterForm(forms.Form):
    office = forms.ModelChoiceField(
        queryset=Office.objects.order_by("code"), required=False, label=_("Office")
    )
    sector = forms.CharField(label=_("Sector (ISIC prefix)"), required=False, max_length=4)
    risk_level = forms.ChoiceField(
        label=_("Risk"),
        required=False,
        choices=[("", "—"), ("low", _("Low")), ("medium", _("Medium")), ("high", _("High"))],
    )


class CampaignImportForm(forms.Form):
    numbers = forms.CharField(
        label=_("Registration numbers, one per line"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=200_000,
    )


class CampaignPlanForm(forms.Form):
    checklist = forms.ModelChoiceField(
        queryset=Checklist.objects.order_by("title"), label=_("Checklist")
    )
