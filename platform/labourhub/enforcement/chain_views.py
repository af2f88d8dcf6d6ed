"""Pages' POST actions of the connected chain: findings -> order, penalties, court proceedings.

Each view checks that the user can see the record (its selector), calls one service, and
returns to the record's page with a translated message; the services check the role.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import error_text
from labourhub.enforcement.forms import (
    CourtHearingForm,
    CourtJudgementForm,
    CourtOpenForm,
    PenaltyAdjustForm,
    ProposalDecisionForm,
)
from labourhub.enforcement.models import ComplianceOrder, CourtProceeding, OrderProposal, Referral
from labourhub.enforcement.services import (
    court_hearing_record,
    court_judgement_record,
    court_proceeding_open,
    findings_to_case,
    order_proposal_confirm,
    order_proposal_reject,
    penalty_adjust,
)
from labourhub.workflow.models import Case
from labourhub.workflow.selectors import case_get


def _run(request: StaffRequest, form: forms.Form, act: Callable[[], Any], done: str) -> None:
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return
    try:
        act()
    except (ValidationError, ApplicationError, PermissionDenied) as exc:
        messages.error(
            request, error_text(exc) if not isinstance(exc, PermissionDenied) else str(exc)
        )
    else:
        messages.success(request, done)


def _case(request: StaffRequest, case_id: int) -> Case:
    case = case_get(user=request.user, case_id=case_id)
    if case is None:
        raise Http404
    return case


def _back(case: Case) -> HttpResponse:
    return HttpResponseRedirect(reverse("workflow:case-detail", args=[case.pk]))


@staff_page(Action.CASE_VIEW)
@require_POST
def penalty_adjust_view(request: StaffRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = PenaltyAdjustForm(request.POST)

    def act() -> None:
        order = ComplianceOrder.objects.filter(case=case, pk=form.cleaned_data["order"]).first()
        if order is None:
            raise ApplicationError(_("This violation is not on this case."))
        penalty_adjust(
            order=order,
            amount=form.cleaned_data["amount"],
            reason=form.cleaned_data["reason"],
            actor=request.user,
        )

    _run(request, form, act, _("Penalty adjusted."))
    return _back(case)


@staff_page(Action.CASE_VIEW)
@require_POST
def court_open_view(request: StaffRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = CourtOpenForm(request.POST)

    def act() -> None:
        referral = Referral.objects.filter(case=case, to=Referral.To.COURT).order_by("-id").first()
        if referral is None:
            raise ApplicationError(_("This case was not referred to the labour court."))
        court_proceeding_open(referral=referral, actor=request.user, **form.cleaned_data)

    _run(request, form, act, _("Court proceedings recorded."))
    return _back(case)


def _proceeding(case: Case) -> CourtProceeding:
    found = CourtProceeding.objects.filter(case=case).order_by("-id").first()
    if found is None:
        raise ApplicationError(_("Record the court and docket number first."))
    return found


@staff_page(Action.CASE_VIEW)
@require_POST
def court_hearing_view(request: StaffRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = CourtHearingForm(request.POST)
    _run(
        request,
        form,
        lambda: court_hearing_record(
            proceeding=_proceeding(case), actor=request.user, **form.cleaned_data
        ),
        _("Court hearing recorded."),
    )
    return _back(case)


@staff_page(Action.CASE_VIEW)
@require_POST
def court_judgement_view(request: StaffRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = CourtJudgementForm(request.POST)
    _run(
        request,
        form,
        lambda: court_judgement_record(
            proceeding=_proceeding(case), actor=request.user, **form.cleaned_data
        ),
        _("Judgement recorded."),
    )
    return _back(case)


def _inspection(request: StaffRequest, inspection_id: int) -> Any:
    from labourhub.inspections.access import _inspection as visible_inspection

    # Raises 404 when the inspection is outside the user's scope.
    return visible_inspection(request, inspection_id)


@staff_page(Action.CASE_VIEW)
@require_POST
def findings_to_case_view(request: StaffRequest, inspection_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id)
    form = forms.Form(request.POST)
    _run(
        request,
        form,
        lambda: findings_to_case(inspection=inspection, actor=request.user),
        _("Findings sent for a compliance order."),
    )
    return HttpResponseRedirect(reverse("inspections:detail", args=[inspection.pk]))


@staff_page(Action.CASE_SUPERVISE)
@require_POST
def proposal_decide_view(request: StaffRequest, inspection_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id)
    proposal = OrderProposal.objects.filter(inspection=inspection).first()
    if proposal is None:
        raise Http404
    form = ProposalDecisionForm(request.POST)

    def act() -> None:
        data = form.cleaned_data
        if data["decision"] == "confirm":
            order_proposal_confirm(
                proposal=proposal, actor=request.user, days=data["days"], note=data["note"]
            )
        else:
            order_proposal_reject(proposal=proposal, actor=request.user, note=data["note"])

    _run(request, form, act, _("Decision recorded."))
    return HttpResponseRedirect(reverse("inspections:detail", args=[inspection.pk]))
