from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import error_text, form_apply_errors
from labourhub.enforcement.forms import HearingForm, OrderForm, PaymentForm
from labourhub.enforcement.models import Fine, FineRule
from labourhub.enforcement.services import hearing_schedule, order_issue, payment_record
from labourhub.workflow.selectors import case_get


@staff_page(Action.CASE_EDIT)
@require_http_methods(["GET", "POST"])
def order_new_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = OrderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            order = order_issue(
                office=data["establishment"].office, actor=user, assigned_to=user, **data
            )
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            return HttpResponseRedirect(reverse("workflow:case-detail", args=[order.case_id]))
    provisions = (
        FineRule.objects.values_list("provision", flat=True).distinct().order_by("provision")
    )
    return render(request, "enforcement/order_new.html", {"form": form, "provisions": provisions})


@staff_page(Action.CASE_VIEW)
@require_POST
def payment_view(request: StaffRequest, case_id: int) -> HttpResponse:
    user = request.user
    case = case_get(user=user, case_id=case_id)
    fine = Fine.objects.filter(case=case).first() if case else None
    if case is None or fine is None:
        raise Http404
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            payment_record(fine=fine, actor=user, **form.cleaned_data)
        except (ValidationError, ApplicationError) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("Payment recorded."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return HttpResponseRedirect(reverse("workflow:case-detail", args=[case.pk]))


@staff_page(Action.CASE_VIEW)
@require_POST
def hearing_view(request: StaffRequest, case_id: int) -> HttpResponse:
    user = request.user
    case = case_get(user=user, case_id=case_id)
    if case is None:
        raise Http404
    form = HearingForm(request.POST)
    if form.is_valid():
        try:
            hearing_schedule(case=case, actor=user, **form.cleaned_data)
        except (ValidationError, ApplicationError) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("Hearing scheduled."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return HttpResponseRedirect(reverse("workflow:case-detail", args=[case.pk]))
