from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.plugin_api import (
    Action,
    ApplicationError,
    StaffRequest,
    form_apply_errors,
    staff_page,
    user_can,
)
from labourhub_medical_visits import services
from labourhub_medical_visits.forms import (
    ExaminationForm,
    FindingForm,
    VisitCancelForm,
    VisitPlanForm,
    VisitRecordForm,
)
from labourhub_medical_visits.models import MedicalVisit
from labourhub_medical_visits.selectors import (
    examination_list,
    visit_get,
    visit_list,
    visit_status_counts,
)

HEALTH = Action.HEALTH_DATA_VIEW


@staff_page(Action.CASE_VIEW, HEALTH)
def visit_list_view(request: StaffRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in MedicalVisit.Status.values:
        status = ""
    q = request.GET.get("q", "")[:100]
    page = Paginator(visit_list(status=status, search=q), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "labourhub_medical_visits/list.html",
        {
            "page": page,
            "counts": visit_status_counts(),
            "status": status,
            "statuses": MedicalVisit.Status.choices,
            "q": q,
            "may_plan": user_can(user=request.user, action=HEALTH),
        },
    )


@staff_page(HEALTH)
@require_http_methods(["GET", "POST"])
def visit_plan_view(request: StaffRequest) -> HttpResponse:
    form = VisitPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            visit = services.visit_plan(**form.cleaned_data, actor=request.user)
        except ValidationError as exc:
            form_apply_errors(form, exc, default="registration_number")
        else:
            messages.success(request, _("Visit %(n)s planned.") % {"n": visit.number})
            return HttpResponseRedirect(reverse("x:medical-visits:detail", args=[visit.pk]))
    return render(
        request,
        "labourhub_medical_visits/plan.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _visit(visit_id: int) -> MedicalVisit:
    visit = visit_get(visit_id=visit_id)
    if visit is None:
        raise Http404
    return visit


def _detail(
    request: StaffRequest, visit: MedicalVisit, bound: dict[str, forms.Form], status: int = 200
) -> HttpResponse:
    physician = user_can(user=request.user, action=HEALTH)
    planned = visit.status == MedicalVisit.Status.PLANNED
    visited = visit.status == MedicalVisit.Status.RECORDED
    forms_by_step: dict[str, Any] = {
        "record": VisitRecordForm() if physician and planned else None,
        "cancel": VisitCancelForm() if physician and planned else None,
        "finding": FindingForm()
        if visited and user_can(user=request.user, action=Action.CASE_EDIT)
        else None,
    }
    forms_by_step.update(bound)
    return render(
        request,
        "labourhub_medical_visits/detail.html",
        {
            "visit": visit,
            "forms": forms_by_step,
            "physician": physician,
            "examined": visit.examinations.count(),
        },
        status=status,
    )


@staff_page(Action.CASE_VIEW, HEALTH)
def visit_detail_view(request: StaffRequest, visit_id: int) -> HttpResponse:
    return _detail(request, _visit(visit_id), {})


@staff_page(HEALTH)
def visit_health_view(request: StaffRequest, visit_id: int) -> HttpResponse:
    visit = _visit(visit_id)
    services.health_data_read(visit=visit, actor=request.user)
    return _health(request, visit, ExaminationForm())


def _health(
    request: StaffRequest, visit: MedicalVisit, form: ExaminationForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "labourhub_medical_visits/health.html",
        {
            "visit": visit,
            "examinations": examination_list(visit=visit),
            "form": form if visit.status == MedicalVisit.Status.RECORDED else None,
        },
        status=status,
    )


STEP_FORMS: dict[str, type[forms.Form]] = {
    "record": VisitRecordForm,
    "cancel": VisitCancelForm,
    "finding": FindingForm,
    "examine": ExaminationForm,
}


@staff_page(Action.CASE_VIEW, HEALTH)
@require_POST
def visit_step_view(request: StaffRequest, visit_id: int, step: str) -> HttpResponse:
    visit = _visit(visit_id)
    if step not in STEP_FORMS:
        raise Http404
    form = STEP_FORMS[step](request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if step == "record":
                services.visit_record(visit=visit, **data, actor=request.user)
            elif step == "cancel":
                services.visit_cancel(visit=visit, reason=data["reason"], actor=request.user)
            elif step == "finding":
                finding = services.finding_raise(visit=visit, **data, actor=request.user)
                assert finding.case is not None
                messages.success(
                    request, _("Case %(ref)s opened.") % {"ref": finding.case.reference}
                )
            else:
                exam = services.examination_record(visit=visit, **data, actor=request.user)
                messages.success(
                    request,
                    _("Examination recorded; certificate %(n)s issued.")
                    % {"n": exam.certificate_number},
                )
                return HttpResponseRedirect(reverse("x:medical-visits:health", args=[visit.pk]))
        except ApplicationError as exc:
            messages.error(request, exc.message)
        except ValidationError as exc:
            form_apply_errors(form, exc, default=next(iter(form.fields)))
        else:
            return HttpResponseRedirect(reverse("x:medical-visits:detail", args=[visit.pk]))
    if step == "examine":
        if not user_can(user=request.user, action=HEALTH):
            raise Http404
        return _health(request, visit, form, 400)  # type: ignore[arg-type]
    return _detail(request, visit, {step: form}, 400 if form.errors else 200)
