"""The worker's own examinations in the portal (``register_portal_pages``, audience "worker").

Mounted by the core at /portal/x/medical-visits/examinations/ behind the portal's guard for
worker accounts. A worker sees only the examinations they opened with the physician's code, and
each page view leaves one health-data read per examination in the audit trail.
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
from labourhub_medical_visits.forms import ExaminationClaimForm
from labourhub_medical_visits.selectors import examination_list_for_worker
from labourhub_medical_visits.services import examination_claim, health_data_read_own

PAGE = "portal:x:medical-visits:examinations"


@require_http_methods(["GET", "POST"])
def worker_examinations_view(request: Any) -> HttpResponse:
    form = ExaminationClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            examination_claim(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_apply_errors(form, exc, default="code")
        else:
            messages.success(request, _("The examination is now in your account."))
            return HttpResponseRedirect(reverse(PAGE))
    examinations = list(examination_list_for_worker(user=request.user))
    health_data_read_own(examinations=examinations, actor=request.user)
    return render(
        request,
        "labourhub_medical_visits/portal_examinations.html",
        {"examinations": examinations, "form": form},
        status=400 if form.errors else 200,
    )
