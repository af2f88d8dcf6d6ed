"""Campaign pages: planned series of inspections."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.inspections import selectors as sel
from labourhub.inspections import services as svc
from labourhub.inspections.forms import (
    CampaignFilterForm,
    CampaignForm,
    CampaignImportForm,
    CampaignPlanForm,
    CampaignTargetForm,
)
from labourhub.inspections.models import (
    Campaign,
)
from labourhub.inspections.views.common import Form, _attempt

# --- campaigns -----------------------------------------------------------------------------


@staff_page(Action.CASE_VIEW, post=Action.INSPECTION_PLAN)
@require_http_methods(["GET", "POST"])
def campaign_list_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = CampaignForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            ok, campaign, status = _attempt(
                form, lambda: svc.campaign_create(actor=user, **form.cleaned_data)
            )
            if ok:
                return HttpResponseRedirect(reverse("inspections:campaign", args=[campaign.pk]))
        else:
            status = 400
    campaigns = [(c, sel.campaign_progress(campaign=c)) for c in sel.campaign_list()[:50]]
    return render(
        request,
        "inspections/campaigns.html",
        {
            "campaigns": campaigns,
            "form": form,
            "can_plan": user_can(user=user, action=Action.INSPECTION_PLAN),
        },
        status=status,
    )


@staff_page(Action.CASE_VIEW, post=Action.INSPECTION_PLAN)
@require_http_methods(["GET", "POST"])
def campaign_detail_view(request: StaffRequest, campaign_id: int) -> HttpResponse:
    user = request.user
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:
        raise Http404
    form: Form
    forms: dict[str, Form] = {
        "target_form": CampaignTargetForm(),
        "filter_form": CampaignFilterForm(),
        "import_form": CampaignImportForm(),
        "plan_form": CampaignPlanForm(),
    }
    status = 200
    if request.method == "POST":
        op = request.POST.get("op", "")
        call: Callable[[], Any] | None = None
        if op == "target":
            form = forms["target_form"] = CampaignTargetForm(request.POST)
            if form.is_valid():
                call = lambda: svc.campaign_target_set(  # noqa: E731
                    campaign=campaign, actor=user, **form.cleaned_data
                )
        elif op == "filter":
            form = forms["filter_form"] = CampaignFilterForm(request.POST)
            if form.is_valid():
                call = lambda: svc.campaign_add_by_filters(  # noqa: E731
                    campaign=campaign, actor=user, **form.cleaned_data
                )
        elif op == "import":
            form = forms["import_form"] = CampaignImportForm(request.POST)
            if form.is_valid():
                call = lambda: svc.campaign_import_list(  # noqa: E731
                    campaign=campaign, text=form.cleaned_data["numbers"], actor=user
                )
        elif op == "plan":
            form = forms["plan_form"] = CampaignPlanForm(request.POST)
            if form.is_valid():
                call = lambda: svc.campaign_plan_inspections(  # noqa: E731
                    campaign=campaign, checklist=form.cleaned_data["checklist"], actor=user
                )
        if call is not None:
            ok, _result, status = _attempt(form, call)
            if ok:
                messages.success(request, _("Saved."))
                return HttpResponseRedirect(request.path)
        else:
            status = 400
    return render(
        request,
        "inspections/campaign.html",
        {
            "campaign": campaign,
            "progress": sel.campaign_progress(campaign=campaign),
            "entries": campaign.entries.select_related("establishment")[:200],
            "entry_count": campaign.entries.count(),
            "can_plan": user_can(user=user, action=Action.INSPECTION_PLAN),
            **forms,
        },
        status=status,
    )
