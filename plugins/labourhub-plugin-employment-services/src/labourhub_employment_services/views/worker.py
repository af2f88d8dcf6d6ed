"""The worker's job seeker profile in the portal: register with consent, withdraw, erase.

Mounted by the core at /portal/x/employment-services/profile/ (``register_portal_pages``), behind
the portal's guard for worker accounts; ``request.account`` is the worker's portal profile.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.plugin_api import form_apply_errors
from labourhub_employment_services.forms_worker import WorkerConfirmForm, WorkerSeekerForm
from labourhub_employment_services.models import JobSeeker
from labourhub_employment_services.selectors import region_by_id
from labourhub_employment_services.services.worker import (
    jobseeker_self_erase,
    jobseeker_self_register,
    jobseeker_self_withdraw,
)

PAGE = "portal:x:employment-services:profile"
TEMPLATE = "labourhub_employment_services/portal_seeker.html"


@require_http_methods(["GET", "POST"])
def worker_profile_view(request: Any) -> HttpResponse:
    seeker = JobSeeker.objects.filter(portal_user_id=request.user.pk).first()
    if seeker is not None:
        return _profile(request, seeker)
    occupation_q = request.GET.get("occupation_q", "")[:100] if request.method == "GET" else ""
    form = WorkerSeekerForm(request.POST or None, occupation_q=occupation_q)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            jobseeker_self_register(
                account=request.account, region=region_by_id(data.pop("region")), **data
            )
        except ValidationError as exc:
            form_apply_errors(form, exc, default="first_name")
        else:
            messages.success(request, _("You are registered with the employment service."))
            return HttpResponseRedirect(reverse(PAGE))
    return render(
        request,
        TEMPLATE,
        {"form": form, "occupation_q": occupation_q},
        status=400 if form.errors else 200,
    )


def _profile(request: Any, seeker: JobSeeker) -> HttpResponse:
    confirm = WorkerConfirmForm(request.POST or None)
    if request.method == "POST" and seeker.erased_at is None:
        operation = request.POST.get("operation")
        if operation in ("withdraw", "erase") and confirm.is_valid():
            if operation == "withdraw":
                jobseeker_self_withdraw(account=request.account)
                messages.success(request, _("Your consent is withdrawn."))
            else:
                jobseeker_self_erase(account=request.account)
                messages.success(request, _("Your personal data were erased."))
            return HttpResponseRedirect(reverse(PAGE))
        if operation not in ("withdraw", "erase"):
            confirm.add_error(None, _("Choose what to do."))
    return render(
        request,
        TEMPLATE,
        {"seeker": seeker, "confirm": confirm},
        status=400 if confirm.errors else 200,
    )
