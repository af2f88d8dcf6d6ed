"""Employer pages in the portal: their vacancies and a form to submit one for review.

Mounted by the core at /portal/x/employment-services/<page>/ (``register_portal_pages``), behind
the portal's guard for employer accounts; ``request.account`` is the employer's portal profile.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.plugin_api import establishment_list_represented, form_apply_errors
from labourhub_employment_services.forms_portal import EmployerVacancyForm
from labourhub_employment_services.selectors import region_by_id, vacancy_list_for_employer
from labourhub_employment_services.services import vacancy_submit


def employer_vacancies_view(request: Any) -> HttpResponse:
    vacancies = vacancy_list_for_employer(user=request.user)
    page = Paginator(vacancies, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "labourhub_employment_services/portal_vacancies.html",
        {"page": page, "may_submit": establishment_list_represented(user=request.user).exists()},
    )


@require_http_methods(["GET", "POST"])
def employer_vacancy_submit_view(request: Any) -> HttpResponse:
    represented = list(establishment_list_represented(user=request.user).values_list("pk", "name"))
    occupation_q = request.GET.get("occupation_q", "")[:100] if request.method == "GET" else ""
    form = EmployerVacancyForm(
        request.POST or None, establishments=represented, occupation_q=occupation_q
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            vacancy = vacancy_submit(
                user=request.user,
                establishment_id=data.pop("establishment"),
                region=region_by_id(data.pop("region")),
                **data,
            )
        except ValidationError as exc:
            form_apply_errors(form, exc, default="title")
        else:
            messages.success(
                request,
                _("Vacancy %(ref)s sent; the employment service reviews it before publication.")
                % {"ref": vacancy.reference},
            )
            return HttpResponseRedirect(reverse("portal:x:employment-services:vacancies"))
    return render(
        request,
        "labourhub_employment_services/portal_vacancy_form.html",
        {"form": form, "represented": represented, "occupation_q": occupation_q},
        status=400 if form.errors else 200,
    )
