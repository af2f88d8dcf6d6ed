from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cms.exports import series_csv, series_sdmx_json, series_xlsx
from cms.forms import ApproveForm, ReturnForm, UploadForm
from cms.parsing import DatasetInvalidError
from cms.selectors import (
    dataset_changes,
    dataset_get_for,
    dataset_list_for,
    indicator_get,
    indicator_list_contributable,
    indicator_list_from_records,
    series_points,
)
from cms.services import (
    dataset_approve,
    dataset_build_from_records,
    dataset_return,
    dataset_submit,
)
from labourhub.accounts.models import User
from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors


def _user(request: HttpRequest) -> User:
    # Every view that reads this is behind login_required.
    return cast(User, request.user)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@cache_control(public=True, max_age=300)
def indicator_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    indicator = indicator_get(code=code)
    if indicator is None:
        raise Http404
    points = series_points(indicator=indicator)
    filename = f"{indicator.code}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(
            series_csv(indicator=indicator, points=points), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(series_xlsx(indicator=indicator, points=points), content_type=XLSX)
    elif fmt == "sdmx.json":
        schema = getattr(request, "tenant", None)
        response = JsonResponse(
            series_sdmx_json(
                indicator=indicator,
                points=points,
                agency_id=str(getattr(schema, "schema_name", "")),
            ),
            content_type="application/vnd.sdmx.data+json; version=1.0",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_page(Action.LMI_CONTRIBUTE, Action.LMI_VET)
@require_http_methods(["GET", "POST"])
def contribute(request: StaffRequest) -> HttpResponse:
    indicators = indicator_list_contributable(user=_user(request))
    form = UploadForm(request.POST or None, request.FILES or None, indicators=indicators)
    errors: list[dict[str, Any]] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                dataset = dataset_submit(
                    actor=_user(request),
                    indicator=form.cleaned_data["indicator"],
                    upload=form.cleaned_data["file"],
                )
            except DatasetInvalidError as exc:
                errors, status = exc.extra["errors"], 400
                form_apply_errors(form, exc)
            except ApplicationError as exc:
                form_apply_errors(form, exc)
                status = 403
            else:
                messages.success(
                    request,
                    _("Upload accepted: %(n)d rows, waiting for vetting.")
                    % {"n": dataset.row_count},
                )
                return redirect("lmi:dataset", dataset_id=dataset.pk)
        else:
            status = 400
    datasets = dataset_list_for(user=_user(request))[:50]
    return render(
        request,
        "cms/staff/contribute.html",
        {
            "form": form,
            "row_errors": errors,
            "datasets": datasets,
            "indicators": indicators,
            "can_vet": user_can(user=_user(request), action=Action.LMI_VET),
            "from_records": indicator_list_from_records(),
        },
        status=status,
    )


@login_required
@require_GET
def dataset_detail(request: HttpRequest, dataset_id: int) -> HttpResponse:
    dataset = dataset_get_for(user=_user(request), dataset_id=dataset_id)
    if dataset is None:
        raise Http404
    return _render_detail(request, dataset, ApproveForm(), ReturnForm())


def _render_detail(
    request: HttpRequest, dataset: Any, approve: ApproveForm, back: ReturnForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "cms/staff/dataset.html",
        {
            "dataset": dataset,
            "changes": dataset_changes(dataset=dataset)[:200],
            "approve_form": approve,
            "return_form": back,
            "can_vet": user_can(user=_user(request), action=Action.LMI_VET),
        },
        status=status,
    )


@staff_page(Action.LMI_VET)
@require_POST
def dataset_vet(request: StaffRequest, dataset_id: int, decision: str) -> HttpResponse:
    dataset = dataset_get_for(user=_user(request), dataset_id=dataset_id)
    if dataset is None:
        raise Http404
    approve, back = ApproveForm(), ReturnForm()
    try:
        if decision == "approve":
            approve = ApproveForm(request.POST)
            if approve.is_valid():
                dataset_approve(
                    actor=_user(request),
                    dataset=dataset,
                    release_at=approve.cleaned_data["release_at"],
                    comment=approve.cleaned_data["comment"],
                )
                messages.success(request, _("Approved. It will be published on the release date."))
                return redirect("lmi:dataset", dataset_id=dataset.pk)
        else:
            back = ReturnForm(request.POST)
            if back.is_valid():
                dataset_return(
                    actor=_user(request),
                    dataset=dataset,
                    comment=back.cleaned_data["comment"],
                )
                messages.success(request, _("Returned to the agency with your comments."))
                return redirect("lmi:dataset", dataset_id=dataset.pk)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return _render_detail(request, dataset, approve, back, status=409)
    return _render_detail(request, dataset, approve, back, status=400)


@staff_page(Action.LMI_VET)
@require_POST
def dataset_from_records(request: StaffRequest) -> HttpResponse:
    """Compute a case-system indicator from LabourHub's records into a dataset to vet."""
    raw = request.POST.get("indicator", "")
    indicator_id = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else 0
    indicator = indicator_list_from_records().filter(pk=indicator_id).first()
    if indicator is None:
        messages.error(request, _("Choose an indicator computed from LabourHub's records."))
        return redirect("lmi:contribute")
    try:
        dataset = dataset_build_from_records(actor=_user(request), indicator=indicator)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("lmi:contribute")
    messages.success(
        request,
        _("Computed from the records: %(n)d rows, waiting for vetting.") % {"n": dataset.row_count},
    )
    return redirect("lmi:dataset", dataset_id=dataset.pk)


NOT_PAGES = frozenset(
    (
        *("app", "api", "portal", "soap", "static", "media", "health", "metrics"),
        *("cms-admin", "console", "lmi"),
    )
)


def page_language_redirect(request: HttpRequest, path: str) -> HttpResponse:
    """A public page addressed without its language: the same path in the visitor's language.

    MinistryLanguageMiddleware has already chosen it (preference, cookie, ministry default).
    Addresses of the staff app, the portal and the machine interfaces are never pages: an
    unknown one stays a 404 there (JSON for the API) instead of bouncing to the public site.
    """
    if path.split("/", 1)[0] in NOT_PAGES:
        raise Http404(path)
    target = f"/{translation.get_language()}/{path}"
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(f"{target}?{query}" if query else target)
