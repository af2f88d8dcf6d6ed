"""Inspection lists: the office's plan, an inspector's own visits, the team, an establishment's history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.inspections import selectors as sel
from labourhub.inspections import services as svc
from labourhub.inspections.forms import (
    InspectionCreateForm,
)
from labourhub.inspections.models import (
    Campaign,
    Inspection,
    InspectionAlert,
)
from labourhub.inspections.views.common import _attempt, _back
from labourhub.registry.models import Establishment
from labourhub.web.tables import table_sort, table_sorted

# Columns the inspection list sorts by (address key -> fields, ascending).
INSPECTION_COLUMNS = {
    "reference": ("reference",),
    "date": ("scheduled_for",),
    "establishment": ("establishment__name",),
    "status": ("status",),
}

# --- lists ---------------------------------------------------------------------------------


@staff_page(Action.CASE_VIEW, post=Action.INSPECTION_PLAN)
@require_http_methods(["GET", "POST"])
def inspection_list_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    can_plan = user_can(user=user, action=Action.INSPECTION_PLAN)
    form = InspectionCreateForm(request.POST or None, user=user) if can_plan else None
    status = 200
    if request.method == "POST":
        assert form is not None
        if form.is_valid():
            establishment = form.cleaned_data["establishment"]
            try:
                ok, inspection, status = _attempt(
                    form,
                    lambda: svc.inspection_create(
                        establishment=establishment,
                        origin=form.cleaned_data["origin"],
                        origin_reference=form.cleaned_data["origin_reference"],
                        checklist=form.cleaned_data["checklist"],
                        scheduled_for=form.cleaned_data["scheduled_for"],
                        actor=user,
                    ),
                )
            except PermissionDenied as exc:
                # The service refuses establishments outside the planner's scope; say so on
                # the field the planner picked rather than on a bare 403 page.
                form.add_error("establishment", str(exc))
                ok = False
            if ok:
                messages.success(
                    request, _("Inspection %(ref)s planned.") % {"ref": inspection.reference}
                )
                return _back(inspection)
        status = 400
    filters: sel.InspectionFilters = {}
    if (s := request.GET.get("status", "")) in Inspection.Status.values:
        filters["status"] = s
    if q := request.GET.get("q", "").strip()[:100]:
        filters["search"] = q
    sort = table_sort(request.GET, INSPECTION_COLUMNS, "-date")
    rows = table_sorted(sel.inspection_list(user=user, filters=filters), sort)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "inspections/list.html",
        {
            "page": page,
            "sort": sort.key,
            "form": form,
            "statuses": Inspection.Status.choices,
            "status": filters.get("status", ""),
            "q": q,
        },
        status=status,
    )


@staff_page(Action.CASE_VIEW)
def my_inspections_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    mine = sel.inspection_list_mine(user=user)
    return render(request, "inspections/mine.html", {"mine": mine, "today": timezone.localdate()})


@staff_page(Action.ESTABLISHMENT_VIEW)
def establishment_history_view(request: StaffRequest, establishment_id: int) -> HttpResponse:
    establishment = (
        Establishment.objects.select_related("office", "employer")
        .filter(pk=establishment_id)
        .first()
    )
    if establishment is None:
        raise Http404
    history = sel.establishment_inspection_history(establishment=establishment)
    return render(request, "inspections/history.html", {"history": history})


@staff_page(Action.INSPECTION_ASSIGN)
def team_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    loads = sel.team_workload(user=user)
    peak = max([load.open_total for load in loads] + [1])
    campaigns = [
        (c, sel.campaign_progress(campaign=c))
        for c in sel.campaign_list().filter(status=Campaign.Status.ACTIVE)[:5]
    ]
    return render(
        request,
        "inspections/team.html",
        {
            "loads": loads,
            "peak": peak,
            "campaigns": campaigns,
            "recent": sel.recently_completed(user=user),
            "alerts": InspectionAlert.objects.select_related("inspection").filter(
                acknowledged_at=None, notified_user_ids__contains=[user.pk]
            )[:20],
        },
    )
