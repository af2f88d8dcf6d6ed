from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.plugin_api import (
    Action,
    ApplicationError,
    StaffRequest,
    form_apply_errors,
    permission_check,
    staff_page,
    user_can,
)
from labourhub_trade_unions.forms import UnionFileForm, UnionRefuseForm, UnionReviewForm
from labourhub_trade_unions.models import TradeUnion
from labourhub_trade_unions.selectors import union_get, union_list, union_status_counts
from labourhub_trade_unions.services import (
    parse_officers,
    union_file,
    union_refuse,
    union_register,
    union_review,
)


@staff_page(Action.CASE_VIEW)
def union_list_view(request: StaffRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in TradeUnion.Status.values:
        status = ""
    page = Paginator(union_list(status=status, search=request.GET.get("q", "")[:100]), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "labourhub_trade_unions/list.html",
        {
            "page": page,
            "counts": union_status_counts(),
            "status": status,
            "statuses": TradeUnion.Status.choices,
            "q": request.GET.get("q", ""),
            "may_file": user_can(user=request.user, action=Action.CASE_EDIT),
        },
    )


@staff_page(Action.CASE_EDIT)
@require_http_methods(["GET", "POST"])
def union_file_view(request: StaffRequest) -> HttpResponse:
    form = UnionFileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            union = union_file(
                name=data["name"],
                acronym=data["acronym"],
                kind=data["kind"],
                employer_name=data["employer_name"],
                municipality=data["municipality"],
                members_count=data["members_count"],
                officers=parse_officers(data["officers"]),
                actor=request.user,
            )
        except ValidationError as exc:
            form_apply_errors(form, exc, default="name")
        else:
            messages.success(request, _("Application %(n)s filed.") % {"n": union.file_number})
            return HttpResponseRedirect(reverse("x:trade-unions:detail", args=[union.pk]))
    return render(
        request,
        "labourhub_trade_unions/file.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@staff_page(Action.CASE_VIEW)
def union_detail_view(request: StaffRequest, union_id: int) -> HttpResponse:
    union = union_get(union_id=union_id)
    if union is None:
        raise Http404
    return _detail(request, union, UnionReviewForm(), UnionRefuseForm())


def _detail(
    request: HttpRequest,
    union: TradeUnion,
    review: UnionReviewForm,
    refuse: UnionRefuseForm,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    return render(
        request,
        "labourhub_trade_unions/detail.html",
        {
            "union": union,
            "review_form": review,
            "refuse_form": refuse,
            "may_review": union.status == TradeUnion.Status.FILED
            and user_can(user=user, action=Action.CASE_EDIT),
            "may_decide": union.status == TradeUnion.Status.REVIEWED
            and user_can(user=user, action=Action.REGISTRATION_DECIDE),
        },
        status=status,
    )


@staff_page(Action.CASE_VIEW)
@require_POST
def union_decide_view(request: StaffRequest, union_id: int, step: str) -> HttpResponse:
    union = union_get(union_id=union_id)
    if union is None:
        raise Http404
    review, refuse = UnionReviewForm(), UnionRefuseForm()
    try:
        if step == "review":
            permission_check(actor=request.user, action=Action.CASE_EDIT)
            review = UnionReviewForm(request.POST)
            if not review.is_valid():
                return _detail(request, union, review, refuse, 400)
            union_review(union=union, notes=review.cleaned_data["notes"], actor=request.user)
        elif step == "register":
            permission_check(actor=request.user, action=Action.REGISTRATION_DECIDE)
            union = union_register(union=union, actor=request.user)
            messages.success(
                request, _("Registered with certificate %(c)s.") % {"c": union.certificate_number}
            )
        elif step == "refuse":
            permission_check(actor=request.user, action=Action.REGISTRATION_DECIDE)
            refuse = UnionRefuseForm(request.POST)
            if not refuse.is_valid():
                return _detail(request, union, review, refuse, 400)
            union_refuse(union=union, reason=refuse.cleaned_data["reason"], actor=request.user)
        else:
            raise Http404
    except ApplicationError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        form_apply_errors(refuse, exc, default="reason")
        return _detail(request, union, review, refuse, 400)
    return HttpResponseRedirect(reverse("x:trade-unions:detail", args=[union.pk]))
