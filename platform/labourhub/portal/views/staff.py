"""The ministry's side of the portal, inside the staff app: account checks, representatives,
serving notifications to the inbox and reviewing the answers (remote inspection)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.accounts.models import User
from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import error_text, form_apply_errors
from labourhub.inspections.models import Inspection
from labourhub.portal.forms import DecideForm, RepresentativeAddForm, ReviewForm, ServeForm
from labourhub.portal.kinds import inbox_kind_label, inbox_kinds
from labourhub.portal.models import AccountEvidence, AnswerDocument, Representation
from labourhub.portal.selectors import (
    notification_get_for_staff,
    notification_list_for_staff,
    notification_staff_may,
    portal_account_for_staff,
    portal_account_review_queue,
    representation_list_for_establishment,
)
from labourhub.portal.services.accounts import (
    portal_account_decide,
    representation_add,
    representation_remove,
)
from labourhub.portal.services.ebox import notification_review, notification_serve
from labourhub.portal.views.common import stored_file_response
from labourhub.registry.models import Establishment
from labourhub.registry.selectors import establishment_get


def _establishment_for(
    request: StaffRequest, establishment_id: int, action: Action
) -> Establishment:
    establishment = establishment_get(establishment_id=establishment_id)
    if establishment is None or not user_can(
        user=request.user, action=action, office=establishment.office
    ):
        raise Http404
    return establishment


@staff_page(Action.PORTAL_ACCOUNT_VERIFY)
def account_queue_view(request: StaffRequest) -> HttpResponse:
    page = Paginator(portal_account_review_queue(), 50).get_page(request.GET.get("page"))
    return render(request, "portal/staff/account_queue.html", {"page": page})


@staff_page(Action.PORTAL_ACCOUNT_VERIFY)
@require_http_methods(["GET", "POST"])
def account_detail_view(request: StaffRequest, account_id: int) -> HttpResponse:
    account = portal_account_for_staff(account_id=account_id)
    if account is None:
        raise Http404
    form = DecideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            portal_account_decide(
                account=account,
                accept=form.cleaned_data["decision"] == "accept",
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("Decision recorded."))
            return HttpResponseRedirect(reverse("portal-staff:account-queue"))
    return render(request, "portal/staff/account_detail.html", {"account": account, "form": form})


@staff_page(Action.PORTAL_ACCOUNT_VERIFY)
def account_evidence_view(request: StaffRequest, account_id: int, evidence_id: int) -> HttpResponse:
    evidence = AccountEvidence.objects.filter(pk=evidence_id, account_id=account_id).first()
    if evidence is None:
        raise Http404
    return stored_file_response(
        key=evidence.storage_key, name=evidence.original_name, content_type=evidence.content_type
    )


@staff_page(Action.ESTABLISHMENT_VIEW, post=Action.ESTABLISHMENT_EDIT)
@require_http_methods(["GET", "POST"])
def representatives_view(request: StaffRequest, establishment_id: int) -> HttpResponse:
    establishment = _establishment_for(request, establishment_id, Action.ESTABLISHMENT_VIEW)
    form = RepresentativeAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(username__iexact=form.cleaned_data["username"].strip()).first()
        if user is None:
            form.add_error("username", _("No portal account has this user name."))
        else:
            try:
                representation_add(user=user, establishment=establishment, actor=request.user)
            except (ValidationError, ApplicationError) as exc:
                form_apply_errors(form, exc, default="username")
            else:
                messages.success(request, _("Representative added."))
                return HttpResponseRedirect(request.path)
    links = representation_list_for_establishment(establishment=establishment)
    return render(
        request,
        "portal/staff/representatives.html",
        {"establishment": establishment, "links": links, "form": form},
    )


@staff_page(Action.ESTABLISHMENT_EDIT)
@require_POST
def representative_remove_view(request: StaffRequest, link_id: int) -> HttpResponse:
    link = (
        Representation.objects.select_related("establishment__office", "user")
        .filter(pk=link_id)
        .first()
    )
    if link is None:
        raise Http404
    _establishment_for(request, link.establishment_id, Action.ESTABLISHMENT_EDIT)
    try:
        representation_remove(link=link, actor=request.user)
    except (ValidationError, ApplicationError) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Representative removed."))
    return HttpResponseRedirect(
        reverse("portal-staff:representatives", args=[link.establishment_id])
    )


@staff_page(Action.ESTABLISHMENT_VIEW, post=Action.CASE_EDIT)
@require_http_methods(["GET", "POST"])
def establishment_inbox_view(request: StaffRequest, establishment_id: int) -> HttpResponse:
    """Serve to the inbox and watch served / opened / answered with the due date."""
    establishment = _establishment_for(request, establishment_id, Action.ESTABLISHMENT_VIEW)
    form = ServeForm(
        request.POST or None, initial={"inspection": request.GET.get("inspection", "")}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        inspection = None
        if data["inspection"]:
            inspection = Inspection.objects.filter(reference=data["inspection"].strip()).first()
            if inspection is None:
                form.add_error("inspection", _("No inspection has this reference."))
        if not form.errors:
            try:
                notification = notification_serve(
                    establishment=establishment,
                    kind=data["kind"],
                    subject=data["subject"],
                    body=data["body"],
                    requested_documents=form.documents(),
                    reply_days=data["reply_days"] or 0,
                    deemed_after_days=data["deemed_after_days"] or 0,
                    inspection=inspection,
                    actor=request.user,
                )
            except (ValidationError, ApplicationError) as exc:
                form_apply_errors(form, exc)
            else:
                messages.success(request, _("Served to the employer's electronic inbox."))
                return HttpResponseRedirect(
                    reverse("portal-staff:notification", args=[notification.pk])
                )
    page = Paginator(
        notification_list_for_staff(user=request.user, establishment=establishment), 50
    ).get_page(request.GET.get("page"))
    labels = inbox_kinds()
    for item in page:
        item.kind_label = str(labels.get(item.kind, item.kind))  # type: ignore[attr-defined]
    return render(
        request,
        "portal/staff/establishment_inbox.html",
        {"establishment": establishment, "page": page, "form": form},
    )


@staff_page(Action.CASE_VIEW, post=Action.CASE_EDIT)
@require_http_methods(["GET", "POST"])
def notification_view(request: StaffRequest, notification_id: int) -> HttpResponse:
    notification = notification_get_for_staff(notification_id=notification_id)
    if notification is None or not notification_staff_may(
        user=request.user, notification=notification, action=Action.CASE_VIEW
    ):
        raise Http404
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            notification_review(
                notification=notification, note=form.cleaned_data["note"], actor=request.user
            )
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("Review recorded."))
            return HttpResponseRedirect(request.path)
    return render(
        request,
        "portal/staff/notification.html",
        {
            "notification": notification,
            "kind_label": inbox_kind_label(notification.kind),
            "receipt": getattr(notification, "receipt", None),
            "form": form,
        },
    )


@staff_page(Action.CASE_VIEW)
def answer_document_view(request: StaffRequest, document_id: int) -> HttpResponse:
    document = (
        AnswerDocument.objects.select_related("answer__notification__establishment__office")
        .filter(pk=document_id)
        .first()
    )
    if document is None or not notification_staff_may(
        user=request.user, notification=document.answer.notification, action=Action.CASE_VIEW
    ):
        raise Http404
    return stored_file_response(
        key=document.storage_key, name=document.original_name, content_type=document.content_type
    )
