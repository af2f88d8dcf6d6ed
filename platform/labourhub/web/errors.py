"""The 403, 404 and 500 pages: in the ministry's language, styled, saying what to do next.

Wired as ``handler403``/``handler404``/``handler500`` in both URLconfs (a ministry's host and
the platform's). The API answers errors itself as JSON; a path under ``/api/`` that no view
matched gets JSON here too. The 500 page renders without the request's context processors (no
menu, no database query): the database may be why the request failed.
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.common.middleware import request_id_var

NOT_ALLOWED = gettext_noop("Your role does not allow opening this page.")
NOT_FOUND = gettext_noop("This page does not exist, or it is not yours to see.")
FAILED = gettext_noop("Something went wrong on our side.")


def _wants_json(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = str(exception or "") or _(NOT_ALLOWED)
    if _wants_json(request):
        return JsonResponse({"message": reason, "extra": {}}, status=403)
    return render(request, "web/errors/403.html", {"reason": reason}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # The exception's text is Django's technical message ("No Case matches…"): never shown.
    if _wants_json(request):
        return JsonResponse({"message": _(NOT_FOUND), "extra": {}}, status=404)
    return render(request, "web/errors/404.html", {"path": request.path}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    reference = request_id_var.get() or ""
    if _wants_json(request):
        return JsonResponse({"message": _(FAILED), "extra": {"reference": reference}}, status=500)
    tenant = getattr(request, "tenant", None)
    body = loader.get_template("web/errors/500.html").render(
        {
            "reference": reference,
            "ministry_name": getattr(tenant, "name", "") or "LabourHub",
            "LANGUAGE_CODE": getattr(request, "LANGUAGE_CODE", "en"),
        }
    )
    return HttpResponse(body, status=500)
