"""The ministry's map outlines: which division each regional office is drawn in, and the
administrator's own GeoJSON, which replaces the country pack's outlines."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.accounts.models import Office
from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.analytics.divisions import MAX_BYTES
from labourhub.analytics.forms import DivisionMapForm
from labourhub.analytics.geo import match_regions
from labourhub.analytics.selectors import NOT_ALLOWED, map_divisions_current
from labourhub.analytics.services import division_map_upload, division_map_withdraw
from labourhub.common.forms import form_apply_errors


@staff_page(Action.ANALYTICS_CONFIGURE, message=NOT_ALLOWED)
@require_http_methods(["GET", "POST"])
def division_map_view(request: StaffRequest) -> HttpResponse:
    tenant = getattr(connection, "tenant", None)
    form = DivisionMapForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            division_map_upload(
                actor=request.user,
                tenant=tenant,
                file_name=str(upload.name),
                data=upload.read(MAX_BYTES + 1),
            )
        except ValidationError as exc:
            form_apply_errors(form, exc, default="file")
        else:
            messages.success(request, _("The map now uses your outlines."))
            return HttpResponseRedirect(reverse("analytics:map"))
    divisions, upload = map_divisions_current(tenant=tenant)
    regions = list(
        Office.objects.filter(level=Office.Level.REGION)
        .order_by("name")
        .values_list("pk", "code", "name")
    )
    matched = match_regions(divisions, regions)
    return render(
        request,
        "analytics/division_map.html",
        {
            "form": form,
            "upload": upload,
            "division_count": len(divisions),
            "rows": [(name, code, matched.get(pk)) for pk, code, name in regions],
        },
        status=400 if form.errors else 200,
    )


@require_POST
@staff_page(Action.ANALYTICS_CONFIGURE, message=NOT_ALLOWED)
def division_map_withdraw_view(request: StaffRequest) -> HttpResponse:
    if division_map_withdraw(actor=request.user):
        messages.success(request, _("The map uses the country pack's outlines again."))
    return HttpResponseRedirect(reverse("analytics:map"))
