"""Staff pages: the ministry's administrator registers partner systems and watches deliveries."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.forms import form_apply_errors
from labourhub.interop import selectors, services
from labourhub.interop.forms import PartnerForm, SubscriptionForm
from labourhub.interop.models import Delivery, PartnerClient
from labourhub.interop.services import Credentials


def _credentials_page(request: StaffRequest, credentials: Credentials) -> HttpResponse:
    # Shown once: the secret is stored hashed and cannot be displayed again.
    return render(request, "interop/credentials.html", {"credentials": credentials})


@staff_page(Action.USER_MANAGE)
def partner_list_view(request: StaffRequest) -> HttpResponse:
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            credentials = services.partner_client_register(**form.cleaned_data, actor=request.user)
        except ValidationError as exc:
            form_apply_errors(form, exc)
        else:
            return _credentials_page(request, credentials)
    return render(
        request,
        "interop/partners.html",
        {"partners": selectors.partner_client_list(), "form": form},
    )


@staff_page(Action.USER_MANAGE)
def partner_detail_view(request: StaffRequest, partner_id: int) -> HttpResponse:
    partner = get_object_or_404(PartnerClient, pk=partner_id)
    choices = selectors.event_types_for(partner=partner)
    form = SubscriptionForm(request.POST or None, event_types=choices)
    if request.method == "POST" and form.is_valid():
        try:
            subscription = services.webhook_subscription_create(
                partner=partner, **form.cleaned_data, actor=request.user
            )
        except ValidationError as exc:
            form_apply_errors(form, exc)
        else:
            return render(request, "interop/subscription_secret.html", {"s": subscription})
    return render(
        request,
        "interop/partner.html",
        {
            "partner": partner,
            "form": form,
            "subscriptions": selectors.subscription_list(partner=partner),
            "dead": selectors.delivery_list(partner=partner, status=Delivery.Status.DEAD)[:100],
            "recent": selectors.delivery_list(partner=partner)[:20],
            "requests": selectors.partner_request_count(partner=partner),
        },
    )


@require_POST
@staff_page(Action.USER_MANAGE)
def partner_suspend_view(request: StaffRequest, partner_id: int) -> HttpResponse:
    partner = get_object_or_404(PartnerClient, pk=partner_id)
    services.partner_client_suspend(partner=partner, actor=request.user)
    messages.success(request, _("The partner system is suspended; its tokens stopped working."))
    return HttpResponseRedirect(reverse("interop:partner-detail", args=[partner.pk]))


@require_POST
@staff_page(Action.USER_MANAGE)
def partner_reactivate_view(request: StaffRequest, partner_id: int) -> HttpResponse:
    partner = get_object_or_404(PartnerClient, pk=partner_id)
    services.partner_client_reactivate(partner=partner, actor=request.user)
    messages.success(request, _("The partner system is active again."))
    return HttpResponseRedirect(reverse("interop:partner-detail", args=[partner.pk]))


@require_POST
@staff_page(Action.USER_MANAGE)
def partner_rotate_view(request: StaffRequest, partner_id: int) -> HttpResponse:
    partner = get_object_or_404(PartnerClient, pk=partner_id)
    credentials = services.partner_client_rotate_secret(partner=partner, actor=request.user)
    return _credentials_page(request, credentials)


@require_POST
@staff_page(Action.USER_MANAGE)
def delivery_replay_view(request: StaffRequest, delivery_id: int) -> HttpResponse:
    delivery = get_object_or_404(Delivery, pk=delivery_id)
    services.delivery_replay(delivery=delivery, actor=request.user)
    messages.success(request, _("The event is queued for delivery again."))
    return HttpResponseRedirect(
        reverse("interop:partner-detail", args=[delivery.subscription.partner_id])
    )
