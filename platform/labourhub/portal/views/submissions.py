"""Establishment self-registration: the employer's pages and the clerk's review queue."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.portal.forms import SubmissionDecideForm, SubmissionForm
from labourhub.portal.models import PortalAccount
from labourhub.portal.selectors import (
    establishment_list_represented,
    submission_candidates,
    submission_for_staff,
    submission_list_for_employer,
    submission_review_queue,
)
from labourhub.portal.services.submissions import (
    establishment_submission_decide,
    establishment_submission_file,
)
from labourhub.portal.views.common import PortalRequest, portal_page
from labourhub.registry.models import Establishment


def _submit(request: PortalRequest, establishment: Establishment | None) -> HttpResponse:
    initial = {}
    if establishment is not None:
        initial = {
            f: getattr(establishment, f)
            for f in (
                "name",
                "address",
                "locality",
                "isic_code",
                "workers_female",
                "workers_male",
                "opened_on",
            )
        }
    form = SubmissionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            submission = establishment_submission_file(
                actor=request.user, establishment=establishment, **form.cleaned_data
            )
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("Sent to the ministry for review."))
            return HttpResponseRedirect(reverse("portal:submission", args=[submission.pk]))
    verified = request.account.status == PortalAccount.Status.VERIFIED
    return render(
        request,
        "portal/submission_form.html",
        {"form": form, "establishment": establishment, "verified": verified},
    )


@portal_page(kind=PortalAccount.Kind.EMPLOYER)
@require_http_methods(["GET", "POST"])
def submission_new_view(request: PortalRequest) -> HttpResponse:
    return _submit(request, None)


@portal_page(kind=PortalAccount.Kind.EMPLOYER)
@require_http_methods(["GET", "POST"])
def submission_update_view(request: PortalRequest, establishment_id: int) -> HttpResponse:
    establishment = (
        establishment_list_represented(user=request.user).filter(pk=establishment_id).first()
    )
    if establishment is None:
        raise Http404
    return _submit(request, establishment)


@portal_page(kind=PortalAccount.Kind.EMPLOYER)
def submission_list_view(request: PortalRequest) -> HttpResponse:
    page = Paginator(submission_list_for_employer(user=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "portal/submissions.html", {"page": page})


@portal_page(kind=PortalAccount.Kind.EMPLOYER)
def submission_view(request: PortalRequest, submission_id: int) -> HttpResponse:
    submission = submission_list_for_employer(user=request.user).filter(pk=submission_id).first()
    if submission is None:
        raise Http404
    return render(request, "portal/submission.html", {"submission": submission})


@staff_page(Action.PORTAL_ACCOUNT_VERIFY)
def submission_queue_view(request: StaffRequest) -> HttpResponse:
    page = Paginator(submission_review_queue(), 50).get_page(request.GET.get("page"))
    return render(request, "portal/staff/submission_queue.html", {"page": page})


@staff_page(Action.PORTAL_ACCOUNT_VERIFY)
@require_http_methods(["GET", "POST"])
def submission_detail_view(request: StaffRequest, submission_id: int) -> HttpResponse:
    submission = submission_for_staff(submission_id=submission_id)
    if submission is None:
        raise Http404
    form = SubmissionDecideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            establishment_submission_decide(
                submission=submission,
                accept=form.cleaned_data["decision"] == "accept",
                note=form.cleaned_data["note"],
                office=form.cleaned_data["office"],
                actor=request.user,
            )
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        except PermissionDenied:
            form.add_error("office", _("You may not add or change establishments of this office."))
        else:
            messages.success(request, _("Decision recorded."))
            return HttpResponseRedirect(reverse("portal-staff:submission-queue"))
    return render(
        request,
        "portal/staff/submission_detail.html",
        {
            "submission": submission,
            "candidates": submission_candidates(submission=submission),
            "form": form,
        },
    )
