from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.common.exceptions import ApplicationError
from labourhub.enforcement.forms import HearingForm, OrderForm, PaymentForm
from labourhub.enforcement.models import Fine, FineRule
from labourhub.enforcement.services import hearing_schedule, order_issue, payment_record
from labourhub.workflow.selectors import case_get


def _require(request: HttpRequest, action: Action) -> User:
    if not user_can(user=request.user, action=action):
        raise PermissionDenied(_("Your role does not allow this."))
    return request.user  # type: ignore[return-value]


def _message(exc: ValidationError | ApplicationError) -> str:
    return exc.message if isinstance(exc, ApplicationError) else " ".join(exc.messages)


@login_required
@require_http_methods(["GET", "POST"])
def order_new_view(request: HttpRequest) -> HttpResponse:
    user = _require(request, Action.CASE_EDIT)
    form = OrderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            order = order_issue(
                office=data["establishment"].office, actor=user, assigned_to=user, **data
            )
        except (ValidationError, ApplicationError) as exc:
            form.add_error(None, _message(exc))
        else:
            return HttpResponseRedirect(reverse("workflow:case-detail", args=[order.case_id]))
    provisions = (
        FineRule.objects.values_list("provision", flat=True).distinct().order_by("provision")
    )
    return render(request, "enforcement/order_new.html", {"form": form, "provisions": provisions})


@login_required
@require_POST
def payment_view(request: HttpRequest, case_id: int) -> HttpResponse:
    user = _require(request, Action.CASE_VIEW)
    case = case_get(user=user, case_id=case_id)
    fine = Fine.objects.filter(case=case).first() if case else None
    if case is None or fine is None:
        raise Http404
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            payment_record(fine=fine, actor=user, **form.cleaned_data)
        except (ValidationError, ApplicationError) as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, _("Payment recorded."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return HttpResponseRedirect(reverse("workflow:case-detail", args=[case.pk]))


@login_required
@require_POST
def hearing_view(request: HttpRequest, case_id: int) -> HttpResponse:
    user = _require(request, Action.CASE_VIEW)
    case = case_get(user=user, case_id=case_id)
    if case is None:
        raise Http404
    form = HearingForm(request.POST)
    if form.is_valid():
        try:
            hearing_schedule(case=case, actor=user, **form.cleaned_data)
        except (ValidationError, ApplicationError) as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, _("Hearing scheduled."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return HttpResponseRedirect(reverse("workflow:case-detail", args=[case.pk]))
