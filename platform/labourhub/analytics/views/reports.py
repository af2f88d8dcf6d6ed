"""Standard reports: the list, one report, and scheduled sending."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.models import Office
from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action, Scope
from labourhub.accounts.selectors import user_can, user_scope_for
from labourhub.analytics.forms import ScheduleForm
from labourhub.analytics.models import ReportSchedule
from labourhub.analytics.reports import REPORTS, plugin_reports, report_build, report_render
from labourhub.analytics.selectors import (
    NOT_ALLOWED,
    offices_in,
)
from labourhub.analytics.services import (
    report_schedule_create,
)
from labourhub.analytics.views.dashboard import _user
from labourhub.common.forms import form_apply_errors

# -- reports -------------------------------------------------------------------------------


def _report_choices() -> list[tuple[str, str]]:
    return [(c, str(s.label)) for c, s in REPORTS.items()] + [
        (c, str(d.label)) for c, d in plugin_reports().items()
    ]


def _report_scope(request: HttpRequest) -> frozenset[int] | None:
    user = _user(request)
    scope = user_scope_for(user=user, action=Action.REPORT_VIEW)
    if scope is None:
        raise PermissionDenied(_(NOT_ALLOWED))
    if scope == Scope.MINISTRY:
        return None
    if user.office is None:
        return frozenset()
    office = (
        user.office.parent
        if scope == Scope.REGION and user.office.parent is not None
        else user.office
    )
    return offices_in(office)


@login_required
def report_list_view(request: HttpRequest) -> HttpResponse:
    _report_scope(request)
    return render(
        request,
        "analytics/reports.html",
        {
            "reports": _report_choices(),
            "schedules": ReportSchedule.objects.select_related("office")
            if user_can(user=request.user, action=Action.ANALYTICS_CONFIGURE)
            else None,
        },
    )


@login_required
def report_view(request: HttpRequest, code: str) -> HttpResponse:
    offices = _report_scope(request)
    if code not in dict(_report_choices()):
        raise Http404(_("Unknown report."))
    spec = REPORTS.get(code)
    period = request.GET.get("period", "")
    office_raw = request.GET.get("office", "")
    office = Office.objects.filter(pk=int(office_raw)).first() if office_raw.isdigit() else None
    if spec is not None and not period:
        from django.utils import timezone

        today = timezone.localdate()
        period = str(today.year) if spec.period == "year" else f"{today:%Y-%m}"
    error = ""
    report = None
    try:
        report = report_build(code=code, period=period, office=office, offices=offices)
    except ValidationError as exc:
        error = "; ".join(m for msgs in exc.message_dict.values() for m in msgs)
    fmt = request.GET.get("format", "html")
    if report is not None and fmt in ("pdf", "xlsx", "csv"):
        content, mime, ext = report_render(report=report, file_format=fmt)
        response = HttpResponse(content, content_type=mime)
        response["Content-Disposition"] = f'attachment; filename="{code}-{period or "now"}.{ext}"'
        return response
    query = urlencode({k: v for k, v in (("period", period), ("office", office_raw)) if v})
    return render(
        request,
        "analytics/report.html",
        {
            "code": code,
            "spec": spec,
            "report": report,
            "period": period,
            "error": error,
            "offices": Office.objects.order_by("name")
            if offices is None
            else Office.objects.filter(pk__in=offices).order_by("name"),
            "office_id": office.pk if office else None,
            "query": query,
        },
        status=400 if error else 200,
    )


@staff_page(Action.ANALYTICS_CONFIGURE, message=NOT_ALLOWED)
@require_http_methods(["GET", "POST"])
def schedule_view(request: StaffRequest) -> HttpResponse:
    form = ScheduleForm(
        request.POST or None, report_choices=[(c, str(s.label)) for c, s in REPORTS.items()]
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report_schedule_create(
                actor=request.user,
                report=data["report"],
                frequency=data["frequency"],
                file_format=data["file_format"],
                office=data["office"],
                recipients=data["recipients"].replace(",", "\n").splitlines(),
            )
        except ValidationError as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("The report is scheduled."))
            return HttpResponseRedirect(reverse("analytics:reports"))
    return render(
        request,
        "analytics/schedule.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
