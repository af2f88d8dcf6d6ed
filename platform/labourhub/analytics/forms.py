import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from labourhub.accounts.models import Office
from labourhub.analytics.models import ReportSchedule
from labourhub.analytics.selectors import Filters, default_period
from labourhub.registry.isic import isic_section_choices

MONTH_FORMAT = "%Y-%m"
MAX_MONTHS = 120


class MonthField(forms.DateField):
    input_formats = [MONTH_FORMAT]
    widget = forms.DateInput(attrs={"type": "month"}, format=MONTH_FORMAT)
    default_error_messages = {"invalid": _("Give a month as YYYY-MM, e.g. 2026-03.")}

    def to_python(self, value: Any) -> dt.date | None:
        parsed = super().to_python(value)
        return parsed.replace(day=1) if parsed else None


class DashboardFilterForm(forms.Form):
    start = MonthField(label=_("From month"), required=False)
    end = MonthField(label=_("To month"), required=False)
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Office.objects.none(),
        required=False,
        empty_label=_("All regions"),
    )
    office = forms.ModelChoiceField(
        label=_("Office"),
        queryset=Office.objects.none(),
        required=False,
        empty_label=_("All offices"),
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region_field: Any = self.fields["region"]
        office_field: Any = self.fields["office"]
        region_field.queryset = Office.objects.filter(level=Office.Level.REGION).order_by("name")
        office_field.queryset = Office.objects.filter(level=Office.Level.DISTRICT).order_by("name")
        sector_field: Any = self.fields["sector"]
        sector_field.choices = [("", _("All sectors")), *isic_section_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The last month must not come before the first."))
            elif (end.year - start.year) * 12 + end.month - start.month >= MAX_MONTHS:
                self.add_error("end", _("Choose at most ten years."))
        return data

    def filters(self) -> Filters:
        """The filters asked for; on invalid input, the default period (errors are shown)."""
        default_start, default_end = default_period(timezone.localdate())
        data = self.cleaned_data if self.is_valid() else {}
        region, office = data.get("region"), data.get("office")
        return Filters(
            start=data.get("start") or default_start,
            end=data.get("end") or default_end,
            region_id=region.pk if region else None,
            office_id=office.pk if office else None,
            sector=data.get("sector") or "",
        )


class SettingsForm(forms.Form):
    ranking_enabled = forms.BooleanField(
        label=_("Show supervisors a ranking of the inspectors of their office"), required=False
    )
    min_wage_patterns = forms.CharField(
        label=_("Provisions counted as minimum-wage violations (one per line)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=5000,
    )

    def patterns(self) -> list[str]:
        return [p for p in self.cleaned_data["min_wage_patterns"].splitlines() if p.strip()]


class ScheduleForm(forms.Form):
    report = forms.ChoiceField(label=_("Report"))
    frequency = forms.ChoiceField(label=_("Frequency"), choices=ReportSchedule.Frequency.choices)
    file_format = forms.ChoiceField(label=_("Format"), choices=ReportSchedule.Format.choices)
    recipients = forms.CharField(
        label=_("Recipients (e-mail addresses, one per line)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )
    office = forms.ModelChoiceField(
        label=_("Office"),
        queryset=Office.objects.none(),
        required=False,
        empty_label=_("Whole ministry"),
    )

    def __init__(self, *args: Any, report_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        report_field: Any = self.fields["report"]
        report_field.choices = report_choices
        office_field: Any = self.fields["office"]
        office_field.queryset = Office.objects.order_by("name")


class DivisionMapForm(forms.Form):
    file = forms.FileField(
        label=_("GeoJSON file of the divisions"),
        help_text=_(
            "A FeatureCollection of Polygon or MultiPolygon features in longitude, latitude "
            "(WGS 84), each with the properties “code” (the regional office's code or the "
            "ISO 3166-2 code, e.g. CO-ANT) and “name”; at most 2 MB."
        ),
    )

    def clean_file(self) -> Any:
        from labourhub.analytics.divisions import MAX_BYTES

        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // (1024 * 1024)}
            )
        return upload
