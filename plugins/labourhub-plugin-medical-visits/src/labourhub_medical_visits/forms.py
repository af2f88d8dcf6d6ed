from django import forms
from django.utils.translation import gettext_lazy as _

from labourhub_medical_visits.models import Examination, Exposure


class VisitPlanForm(forms.Form):
    registration_number = forms.CharField(
        label=_("Establishment registration number"), max_length=64
    )
    planned_for = forms.DateField(label=_("Planned for"), widget=forms.DateInput({"type": "date"}))
    purpose = forms.CharField(label=_("Purpose"), max_length=300)


class VisitRecordForm(forms.Form):
    visited_on = forms.DateField(label=_("Visited on"), widget=forms.DateInput({"type": "date"}))
    workers_present = forms.IntegerField(label=_("Workers present"), min_value=0, max_value=100000)
    exposures = forms.MultipleChoiceField(
        label=_("Exposures found"),
        choices=Exposure.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    workplace_notes = forms.CharField(
        label=_("Workplace observations"),
        required=False,
        max_length=5000,
        widget=forms.Textarea({"rows": 3}),
    )


class VisitCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"), max_length=2000, widget=forms.Textarea({"rows": 2})
    )


class ExaminationForm(forms.Form):
    worker_name = forms.CharField(label=_("Worker's full name"), max_length=200)
    worker_id_number = forms.CharField(label=_("Worker's identity number"), max_length=40)
    sex = forms.ChoiceField(label=_("Sex"), choices=Examination.Sex.choices)
    birth_year = forms.IntegerField(label=_("Year of birth"), min_value=1900, max_value=2100)
    job_title = forms.CharField(label=_("Job"), max_length=120)
    exposures = forms.MultipleChoiceField(
        label=_("Exposures"),
        choices=Exposure.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    clinical_findings = forms.CharField(
        label=_("Clinical findings"), max_length=10000, widget=forms.Textarea({"rows": 4})
    )
    fitness = forms.ChoiceField(label=_("Fitness"), choices=Examination.Fitness.choices)
    restrictions = forms.CharField(
        label=_("Restrictions"), required=False, max_length=2000, widget=forms.Textarea({"rows": 2})
    )


class FindingForm(forms.Form):
    description = forms.CharField(
        label=_("Finding"), max_length=2000, widget=forms.Textarea({"rows": 2})
    )
    legal_provision = forms.CharField(label=_("Legal provision"), max_length=300)
    corrective_measure = forms.CharField(
        label=_("Corrective measure"), max_length=2000, widget=forms.Textarea({"rows": 2})
    )


class ExaminationClaimForm(forms.Form):
    certificate_number = forms.CharField(label=_("Certificate number"), max_length=40)
    code = forms.CharField(
        label=_("Code from the physician"),
        max_length=20,
        help_text=_("Eight letters and digits, for example ABCD-EF23."),
    )
