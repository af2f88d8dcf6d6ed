"""Staff pages for job seekers: list, registration, record with matching vacancies."""

import datetime as dt
import zoneinfo
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.plugin_api import (
    Action,
    ApplicationError,
    StaffRequest,
    error_text,
    form_apply_errors,
    plugin_config,
    staff_page,
    user_can,
)
from labourhub_employment_services.apps import EmploymentSettings
from labourhub_employment_services.forms import EraseForm, ExperienceForm, JobSeekerForm
from labourhub_employment_services.matching import seeker_matches
from labourhub_employment_services.models import JobSeeker
from labourhub_employment_services.selectors import (
    jobseeker_get,
    jobseeker_list,
    referral_list,
    region_by_id,
)
from labourhub_employment_services.services import (
    jobseeker_consent_withdraw,
    jobseeker_erase,
    jobseeker_experience_add,
    jobseeker_register,
)

SLUG = "employment-services"


def ministry_zone() -> dt.tzinfo:
    """The ministry's own time zone: pages show its local times, not UTC."""
    name = getattr(getattr(connection, "tenant", None), "time_zone", None) or "UTC"
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def match_limit(request: StaffRequest) -> int:
    tenant = getattr(request, "tenant", None)
    return EmploymentSettings.model_validate(plugin_config(tenant, SLUG)).match_limit


@staff_page(Action.PES_VIEW)
def seeker_list_view(request: StaffRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in JobSeeker.Status.values:
        status = ""
    q = request.GET.get("q", "")[:100]
    page = Paginator(jobseeker_list(search=q, status=status), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "labourhub_employment_services/seeker_list.html",
        {
            "page": page,
            "q": q,
            "status": status,
            "statuses": JobSeeker.Status.choices,
            "may_edit": user_can(user=request.user, action=Action.PES_EDIT),
        },
    )


@staff_page(Action.PES_EDIT)
@require_http_methods(["GET", "POST"])
def seeker_register_view(request: StaffRequest) -> HttpResponse:
    form = JobSeekerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        region = region_by_id(data.pop("region"))
        try:
            seeker = jobseeker_register(**data, region=region, actor=request.user)
        except ValidationError as exc:
            form_apply_errors(form, exc, default="first_name")
        else:
            messages.success(request, _("Job seeker registered."))
            return HttpResponseRedirect(reverse("x:employment-services:seeker", args=[seeker.pk]))
    return render(
        request,
        "labourhub_employment_services/seeker_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _seeker_or_404(seeker_id: int) -> JobSeeker:
    seeker = jobseeker_get(seeker_id=seeker_id)
    if seeker is None:
        raise Http404
    return seeker


def _detail(
    request: StaffRequest, seeker: JobSeeker, status: int = 200, **forms: Any
) -> HttpResponse:
    editable = seeker.erased_at is None and user_can(user=request.user, action=Action.PES_EDIT)
    with timezone.override(ministry_zone()):
        return _render_detail(request, seeker, editable, status, forms)


def _render_detail(
    request: StaffRequest, seeker: JobSeeker, editable: bool, status: int, forms: dict[str, Any]
) -> HttpResponse:
    from labourhub_employment_services.views.counselling import counselling_forms

    return render(
        request,
        "labourhub_employment_services/seeker_detail.html",
        {
            "seeker": seeker,
            "matches": seeker_matches(seeker=seeker, limit=match_limit(request)),
            "referrals": referral_list(seeker=seeker),
            "may_edit": editable,
            "experience_form": forms.get("experience_form") or ExperienceForm(),
            "erase_form": forms.get("erase_form") or EraseForm(),
            **counselling_forms(),
            **forms,
        },
        status=status,
    )


@staff_page(Action.PES_VIEW)
def seeker_detail_view(request: StaffRequest, seeker_id: int) -> HttpResponse:
    return _detail(request, _seeker_or_404(seeker_id))


@staff_page(Action.PES_EDIT)
@require_POST
def seeker_action_view(request: StaffRequest, seeker_id: int, action: str) -> HttpResponse:
    seeker = _seeker_or_404(seeker_id)
    try:
        if action == "experience":
            form = ExperienceForm(request.POST)
            if not form.is_valid():
                return _detail(request, seeker, 400, experience_form=form)
            jobseeker_experience_add(seeker=seeker, **form.cleaned_data, actor=request.user)
        elif action in ("withdraw-sharing", "withdraw-all"):
            jobseeker_consent_withdraw(
                seeker=seeker, sharing_only=action == "withdraw-sharing", actor=request.user
            )
            messages.success(request, _("Consent withdrawn: the job seeker is out of matching."))
        elif action == "erase":
            erase = EraseForm(request.POST)
            if not erase.is_valid():
                return _detail(request, seeker, 400, erase_form=erase)
            jobseeker_erase(seeker=seeker, actor=request.user)
            messages.success(request, _("Personal data erased; anonymous statistics are kept."))
        else:
            raise Http404
    except (ApplicationError, ValidationError) as exc:
        messages.error(request, error_text(exc))
        return _detail(request, seeker, 400)
    return HttpResponseRedirect(reverse("x:employment-services:seeker", args=[seeker.pk]))
