"""The public vacancy list, for the ministry's LMI website: no sign-in, published and open only.

Switched on per ministry by the plugin setting ``public_vacancy_list``; elsewhere it answers 404.
It shows what a vacancy publishes (title, establishment, occupation, place, wages, posts,
requirements, closing date) and never who submitted or reviewed it.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from labourhub.plugin_api import current_ministry, plugin_config
from labourhub_employment_services.apps import EmploymentSettings
from labourhub_employment_services.selectors import vacancy_list_public

PER_PAGE = 20


def public_vacancies_view(request: HttpRequest) -> HttpResponse:
    ministry = current_ministry()
    settings = EmploymentSettings.model_validate(plugin_config(ministry, "employment-services"))
    if not settings.public_vacancy_list:
        raise Http404
    page = Paginator(vacancy_list_public(), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "labourhub_employment_services/public_vacancies.html",
        {"page": page, "ministry": ministry},
    )
