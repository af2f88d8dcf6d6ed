"""Staff pages for vacancies: list, registration, review, matches, referrals and outcomes."""

from typing import Any

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
    error_text,
    form_apply_errors,
    ministry_today,
    permission_check,
    staff_page,
    user_can,
)
from labourhub_employment_services.forms import ReasonForm, ReferralStepForm, VacancyForm
from labourhub_employment_services.matching import vacancy_matches
from labourhub_employment_services.models import Referral, Vacancy
from labourhub_employment_services.selectors import (
    jobseeker_get,
    referral_get,
    referral_list,
    region_by_id,
    vacancy_get,
    vacancy_list,
)
from labourhub_employment_services.services import (
    referral_make,
    referral_record,
    vacancy_close,
    vacancy_publish,
    vacancy_register,
    vacancy_reject,
)
from labourhub_employment_services.services.referrals import NEXT
from labourhub_employment_services.stats import placements_summary
from labourhub_employment_services.views.seekers import match_limit


@staff_page(Action.PES_VIEW)
def vacancy_list_view(request: StaffRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Vacancy.Status.values:
        status = ""
    q = request.GET.get("q", "")[:100]
    page = Paginator(vacancy_list(search=q, status=status), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "labourhub_employment_services/vacancy_list.html",
        {
            "page": page,
            "q": q,
            "status": status,
            "statuses": Vacancy.Status.choices,
            "summary": placements_summary(),
            "may_edit": user_can(user=request.user, action=Action.PES_EDIT),
        },
    )


@staff_page(Action.PES_EDIT)
@require_http_methods(["GET", "POST"])
def vacancy_register_view(request: StaffRequest) -> HttpResponse:
    form = VacancyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        region = region_by_id(data.pop("region"))
        try:
            vacancy = vacancy_register(**data, region=region, actor=request.user)
        except ValidationError as exc:
            form_apply_errors(form, exc, default="title")
        else:
            messages.success(
                request,
                _("Vacancy %(ref)s registered; it awaits review.") % {"ref": vacancy.reference},
            )
            return HttpResponseRedirect(reverse("x:employment-services:vacancy", args=[vacancy.pk]))
    return render(
        request,
        "labourhub_employment_services/vacancy_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _vacancy_or_404(vacancy_id: int) -> Vacancy:
    vacancy = vacancy_get(vacancy_id=vacancy_id)
    if vacancy is None:
        raise Http404
    return vacancy


def _step_form(referral_id: int, data: Any = None) -> ReferralStepForm:
    # One form per referral, with its own field ids; each next step is a button of it.
    return ReferralStepForm(data, auto_id=f"id_r{referral_id}_%s", initial={"on": ministry_today()})


def _detail(
    request: StaffRequest, vacancy: Vacancy, status: int = 200, **forms: Any
) -> HttpResponse:
    user = request.user
    published = vacancy.status == Vacancy.Status.PUBLISHED
    referrals = list(referral_list(vacancy=vacancy))
    step_forms: dict[int, ReferralStepForm] = forms.get("step_forms") or {}
    return render(
        request,
        "labourhub_employment_services/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "matches": vacancy_matches(vacancy=vacancy, limit=match_limit(request))
            if published
            else [],
            "referrals": [
                (r, NEXT[r.status], step_forms.get(r.pk) or _step_form(r.pk)) for r in referrals
            ],
            "statuses": dict(Referral.Status.choices),
            "may_review": vacancy.status == Vacancy.Status.PENDING
            and user_can(user=user, action=Action.CASE_SUPERVISE),
            "may_edit": user_can(user=user, action=Action.PES_EDIT),
            "may_refer": published and user_can(user=user, action=Action.PES_EDIT),
            "reject_form": forms.get("reject_form") or ReasonForm(),
        },
        status=status,
    )


@staff_page(Action.PES_VIEW)
def vacancy_detail_view(request: StaffRequest, vacancy_id: int) -> HttpResponse:
    return _detail(request, _vacancy_or_404(vacancy_id))


def _seeker_from_post(request: StaffRequest) -> Any:
    raw = request.POST.get("seeker", "")
    seeker = jobseeker_get(seeker_id=int(raw)) if raw.isdigit() and len(raw) < 19 else None
    if seeker is None:
        raise Http404
    return seeker


@staff_page(Action.PES_EDIT)
@require_POST
def vacancy_action_view(request: StaffRequest, vacancy_id: int, action: str) -> HttpResponse:
    vacancy = _vacancy_or_404(vacancy_id)
    try:
        if action == "publish":
            vacancy_publish(vacancy=vacancy, actor=request.user)
            messages.success(request, _("Vacancy published; matching candidates are listed."))
        elif action == "reject":
            permission_check(actor=request.user, action=Action.CASE_SUPERVISE)
            form = ReasonForm(request.POST)
            if not form.is_valid():
                return _detail(request, vacancy, 400, reject_form=form)
            vacancy_reject(vacancy=vacancy, reason=form.cleaned_data["reason"], actor=request.user)
        elif action == "close":
            vacancy_close(vacancy=vacancy, actor=request.user)
        elif action == "refer":
            seeker = _seeker_from_post(request)
            referral_make(seeker=seeker, vacancy=vacancy, actor=request.user)
            messages.success(request, _("%(name)s referred.") % {"name": seeker.display_name})
        else:
            raise Http404
    except (ApplicationError, ValidationError) as exc:
        messages.error(request, error_text(exc))
        return _detail(request, vacancy, 400)
    return HttpResponseRedirect(reverse("x:employment-services:vacancy", args=[vacancy.pk]))


@staff_page(Action.PES_EDIT)
@require_POST
def referral_step_view(request: StaffRequest, referral_id: int, step: str) -> HttpResponse:
    referral = referral_get(referral_id=referral_id)
    if referral is None or step not in Referral.Status.values:
        raise Http404
    form = _step_form(referral.pk, request.POST)
    if not form.is_valid():
        return _detail(request, referral.vacancy, 400, step_forms={referral.pk: form})
    try:
        referral_record(referral=referral, status=step, **form.cleaned_data, actor=request.user)
    except (ApplicationError, ValidationError) as exc:
        messages.error(request, error_text(exc))
        return _detail(request, referral.vacancy, 400)
    return HttpResponseRedirect(
        reverse("x:employment-services:vacancy", args=[referral.vacancy_id])
    )
