"""Establishment reports: the employer's pages and the office's review queue."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.portal.forms_reports import ReportForm, ReportReviewForm
from labourhub.portal.models import EstablishmentReport, PortalAccount
from labourhub.portal.reports import (
    report_kinds,
    report_list_for_employer,
    report_list_for_staff,
    report_office_may_review,
)
from labourhub.portal.selectors import establishment_list_represented
from labourhub.portal.services.reports import (
    establishment_report_file,
    establishment_report_review,
)
from labourhub.portal.views.common import PortalRequest, portal_page


def _labelled(reports: list[EstablishmentReport]) -> list[EstablishmentReport]:
    kinds = report_kinds()
    for report in reports:
        kind = kinds.get(report.kind)
        report.kind_label = str(kind.label) if kind else report.kind  # type: ignore[attr-defined]
    return reports


@portal_page(kind=PortalAccount.Kind.EMPLOYER)
def report_list_view(request: PortalRequest) -> HttpResponse:
    reports = _labelled(list(report_list_for_employer(user=request.user)[:200]))
    return render(
        request, "portal/reports.html", {"reports": reports, "offered": bool(report_kinds())}
    )


@portal_page(kind=PortalAccount.Kind.EMPLOYER)
@require_http_methods(["GET", "POST"])
def report_new_view(request: PortalRequest) -> HttpResponse:
    if not report_kinds():
        raise Http404
    form = ReportForm(
        request.POST or None, establishments=establishment_list_represented(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            establishment_report_file(actor=request.user, **form.cleaned_data)
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("Report received by the ministry."))
            return HttpResponseRedirect(reverse("portal:reports"))
    return render(request, "portal/report_form.html", {"form": form})


@staff_page(Action.CASE_VIEW)
def report_queue_view(request: StaffRequest) -> HttpResponse:
    qs = report_list_for_staff(user=request.user)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    _labelled(list(page))
    return render(request, "portal/staff/report_queue.html", {"page": page})


@staff_page(Action.CASE_VIEW)
@require_http_methods(["GET", "POST"])
def report_detail_view(request: StaffRequest, report_id: int) -> HttpResponse:
    report = report_list_for_staff(user=request.user).filter(pk=report_id).first()
    if report is None:
        raise Http404
    _labelled([report])
    can_review = report.status == EstablishmentReport.Status.RECEIVED and (
        report_office_may_review(user=request.user, office=report.establishment.office)
    )
    form = ReportReviewForm(request.POST or None)
    if request.method == "POST":
        if not can_review:
            raise Http404
        if form.is_valid():
            try:
                establishment_report_review(
                    report=report,
                    accept=form.cleaned_data["decision"] == "accept",
                    note=form.cleaned_data["note"],
                    actor=request.user,
                )
            except (ValidationError, ApplicationError) as exc:
                form_apply_errors(form, exc)
            else:
                messages.success(request, _("Review recorded."))
                return HttpResponseRedirect(reverse("portal-staff:report-queue"))
    return render(
        request,
        "portal/staff/report_detail.html",
        {"report": report, "form": form, "can_review": can_review},
    )
