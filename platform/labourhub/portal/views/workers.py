"""Workers' complaints and accident notifications from an account, and employers' accident
notifications; each page reads only through selectors scoped to the signed-in account."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.portal.forms import (
    ClaimForm,
    EmployerAccidentForm,
    WorkerAccidentForm,
    WorkerComplaintForm,
)
from labourhub.portal.models import PortalAccount
from labourhub.portal.selectors import (
    accident_list_notified,
    complaint_followed_get,
    complaint_list_followed,
    complaint_public_status,
    establishment_list_represented,
    shared_document_get,
)
from labourhub.portal.services.workers import (
    portal_accident_notify,
    portal_complaint_claim,
    portal_complaint_file,
)
from labourhub.portal.views.common import PortalRequest, portal_page, stored_file_response

WORKER = PortalAccount.Kind.WORKER


@portal_page(kind=WORKER)
@require_http_methods(["GET", "POST"])
def complaints_view(request: PortalRequest) -> HttpResponse:
    """The worker's complaints, and the form to add one filed elsewhere by its code."""
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            complaint = portal_complaint_claim(actor=request.user, code=form.cleaned_data["code"])
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("The complaint is now in your account."))
            return HttpResponseRedirect(reverse("portal:complaint", args=[complaint.pk]))
    items = list(complaint_list_followed(user=request.user)[:200])
    rows = [(c, complaint_public_status(complaint=c)) for c in items]
    return render(request, "portal/complaints.html", {"rows": rows, "form": form})


@portal_page(kind=WORKER)
@require_http_methods(["GET", "POST"])
def complaint_new_view(request: PortalRequest) -> HttpResponse:
    form = WorkerComplaintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            complaint, code = portal_complaint_file(actor=request.user, **form.cleaned_data)
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            return render(
                request, "portal/complaint_filed.html", {"complaint": complaint, "code": code}
            )
    return render(request, "portal/complaint_form.html", {"form": form})


@portal_page(kind=WORKER)
def complaint_view(request: PortalRequest, complaint_id: int) -> HttpResponse:
    complaint = complaint_followed_get(user=request.user, complaint_id=complaint_id)
    if complaint is None:
        raise Http404
    return render(
        request,
        "portal/complaint.html",
        {"complaint": complaint, "status": complaint_public_status(complaint=complaint)},
    )


@portal_page(kind=WORKER)
def complaint_document_view(
    request: PortalRequest, complaint_id: int, share_id: int
) -> HttpResponse:
    complaint = complaint_followed_get(user=request.user, complaint_id=complaint_id)
    share = shared_document_get(complaint=complaint, share_id=share_id) if complaint else None
    if share is None:
        raise Http404
    doc = share.document
    return stored_file_response(
        key=doc.pdf_file, name=f"{doc.number}.pdf", content_type="application/pdf"
    )


@portal_page()
@require_http_methods(["GET", "POST"])
def accident_new_view(request: PortalRequest) -> HttpResponse:
    """Employers choose among the establishments they represent; workers give its number."""
    employer = request.account.kind == PortalAccount.Kind.EMPLOYER
    form: EmployerAccidentForm | WorkerAccidentForm
    if employer:
        form = EmployerAccidentForm(
            request.POST or None, establishments=establishment_list_represented(user=request.user)
        )
    else:
        form = WorkerAccidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accident = portal_accident_notify(actor=request.user, **form.cleaned_data)
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Accident notification %(ref)s received by the ministry.")
                % {"ref": accident.case.reference},
            )
            return HttpResponseRedirect(reverse("portal:accidents"))
    return render(request, "portal/accident_form.html", {"form": form})


@portal_page()
def accidents_view(request: PortalRequest) -> HttpResponse:
    items = accident_list_notified(user=request.user)[:200]
    return render(request, "portal/accidents.html", {"items": items})
