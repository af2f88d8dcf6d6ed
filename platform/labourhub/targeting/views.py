from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.targeting.explain import factor_labels, reasons_text, region_ids_in
from labourhub.targeting.forms import DrawForm, RankingFilterForm, TrainForm
from labourhub.targeting.models import RiskModelVersion, RiskScore
from labourhub.targeting.selectors import (
    RankingFilters,
    risk_draw_list,
    risk_draw_outcomes,
    risk_model_active,
    risk_model_get,
    risk_model_list,
    risk_office_names,
    risk_ranking,
    risk_score_panel,
)
from labourhub.targeting.services import risk_draw_make, risk_model_activate, risk_model_request


def _with_reasons(scores: list[RiskScore]) -> list[tuple[RiskScore, list[str]]]:
    names = risk_office_names(ids=region_ids_in([s.reasons for s in scores]))
    return [(s, reasons_text(s.reasons, region_names=names)) for s in scores]


@staff_page(Action.RISK_VIEW)
def ranking_view(request: StaffRequest) -> HttpResponse:
    form = RankingFilterForm(request.GET or None)
    filters: RankingFilters = {}
    if form.is_bound and form.is_valid():
        filters = {
            "region": form.cleaned_data["region"],
            "sector": form.cleaned_data["sector"],
            "size_band": form.cleaned_data["size_band"],
        }
    page = Paginator(risk_ranking(user=request.user, filters=filters), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "targeting/ranking.html",
        {
            "form": form,
            "page": page,
            "rows": _with_reasons(list(page.object_list)),
            "active": risk_model_active(),
            "can_manage": user_can(user=request.user, action=Action.RISK_MANAGE),
        },
    )


@staff_page(Action.RISK_MANAGE)
@require_http_methods(["GET", "POST"])
def model_list_view(request: StaffRequest) -> HttpResponse:
    form = TrainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            risk_model_request(kind=form.cleaned_data["kind"], actor=request.user)
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Training started. It runs in the background; refresh this page in a while."),
            )
            return HttpResponseRedirect(reverse("targeting:models"))
    return render(
        request, "targeting/models.html", {"form": form, "versions": risk_model_list()[:50]}
    )


def _percent(value: Any) -> str:
    return "—" if value is None else f"{100 * float(value):.0f}%"


def _backtest_context(version: RiskModelVersion) -> dict[str, Any]:
    m = version.metrics or {}
    names = risk_office_names(ids={int(g["group"]) for g in m.get("by_region", [])})
    return {
        "m": m,
        "precision": _percent(m.get("precision_at_k")),
        "base_rate": _percent(m.get("base_rate")),
        "interval": [_percent(v) for v in m.get("interval", [None, None])],
        "by_region": [
            {
                **g,
                "name": names.get(int(g["group"]), "—"),
                "hit": _percent(g["hit_rate"]),
                "base": _percent(g["base_rate"]),
            }
            for g in m.get("by_region", [])
        ],
        "by_size": [
            {
                **g,
                "name": dict(_size_labels()).get(g["group"], "—"),
                "hit": _percent(g["hit_rate"]),
                "base": _percent(g["base_rate"]),
            }
            for g in m.get("by_size", [])
        ],
    }


def _size_labels() -> list[tuple[str, str]]:
    from labourhub.registry.models import SizeBand

    return [(str(v), str(label)) for v, label in SizeBand.choices]


@staff_page(Action.RISK_MANAGE)
@require_http_methods(["GET", "POST"])
def model_detail_view(request: StaffRequest, version_id: int) -> HttpResponse:
    version = risk_model_get(version_id=version_id)
    if version is None:
        raise Http404
    if request.method == "POST":
        try:
            risk_model_activate(version_id=version.pk, actor=request.user)
        except ApplicationError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("This model now ranks the establishments."))
        return HttpResponseRedirect(reverse("targeting:model", args=[version.pk]))
    return render(
        request,
        "targeting/model.html",
        {"version": version, "factors": factor_labels(), **_backtest_context(version)},
    )


@staff_page(Action.INSPECTION_PLAN)
@require_http_methods(["GET", "POST"])
def draw_view(request: StaffRequest) -> HttpResponse:
    if not user_can(user=request.user, action=Action.RISK_VIEW):
        raise Http404
    form = DrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            draw = risk_draw_make(
                campaign=data["campaign"],
                count=data["count"],
                control_share=data["control_percent"] / Decimal(100),
                seed=data["seed"],
                actor=request.user,
            )
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(
                form, exc, rename=lambda k: "control_percent" if k == "control_share" else k
            )
        else:
            messages.success(
                request,
                _("%(n)d establishments added to the campaign (seed %(seed)d).")
                % {"n": draw.entries.count(), "seed": draw.seed},
            )
            return HttpResponseRedirect(reverse("targeting:draw"))
    draws = list(risk_draw_list()[:20])
    outcomes = risk_draw_outcomes(draw_ids=[d.pk for d in draws])
    rows = [(d, outcomes.get(d.pk, {})) for d in draws]
    return render(request, "targeting/draw.html", {"form": form, "rows": rows})


@staff_page(Action.RISK_VIEW)
def establishment_score_view(request: StaffRequest, establishment_id: int) -> HttpResponse:
    panel = risk_score_panel(user=request.user, establishment_id=establishment_id)
    if panel is None:
        raise Http404
    return render(request, "targeting/partials/establishment_score.html", panel)
