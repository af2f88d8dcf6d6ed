"""Staff pages under /app/establishments/: thin views over the selectors and services."""

import csv
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from labourhub.accounts.permissions import StaffRequest, permission_check, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.registry.exports import establishment_export_rows, establishment_export_xlsx
from labourhub.registry.fields import extra_fields
from labourhub.registry.forms import (
    EstablishmentFilterForm,
    EstablishmentForm,
    MergeForm,
)
from labourhub.registry.isic import isic_label
from labourhub.registry.models import Employer, Establishment, EstablishmentMerge
from labourhub.registry.selectors import (
    employer_links,
    establishment_duplicate_candidates,
    establishment_duplicates_recent,
    establishment_get,
    establishment_history,
    establishment_merges,
    establishment_search,
    historical_inspection_list,
)
from labourhub.registry.services import (
    employer_create,
    establishment_create,
    establishment_merge,
    establishment_merge_undo,
    establishment_update,
)
from labourhub.targeting.selectors import risk_score_panel


def _establishment(establishment_id: int) -> Establishment:
    est = establishment_get(establishment_id=establishment_id)
    if est is None:
        raise Http404
    return est


@staff_page(Action.ESTABLISHMENT_VIEW)
@require_GET
def establishment_list_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = EstablishmentFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    page = establishment_search(
        filters=filters,  # type: ignore[arg-type]
        cursor=request.GET.get("cursor", "")[:500],
        limit=50,
    )
    params = request.GET.copy()
    params.pop("cursor", None)
    return render(
        request,
        "registry/list.html",
        {
            "form": form,
            "page": page,
            "query": params.urlencode(),
            "can_edit": user_can(user=user, action=Action.ESTABLISHMENT_EDIT),
            "can_import": user_can(user=user, action=Action.ESTABLISHMENT_IMPORT),
            "can_merge": user_can(user=user, action=Action.ESTABLISHMENT_MERGE),
        },
    )


def _export_filters(request: HttpRequest) -> dict[str, Any]:
    form = EstablishmentFilterForm(request.GET)
    return form.filters()


class EchoBuffer:
    """A file-like sink for csv.writer: each row comes back as text to stream."""

    def write(self, value: str) -> str:
        return value


@staff_page(Action.ESTABLISHMENT_VIEW)
@require_GET
def establishment_export_view(request: StaffRequest, fmt: str) -> HttpResponseBase:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    filters = _export_filters(request)
    if fmt == "xlsx":
        return FileResponse(
            establishment_export_xlsx(filters=filters),  # type: ignore[arg-type]
            as_attachment=True,
            filename="establishments.xlsx",
        )
    writer = csv.writer(EchoBuffer())
    rows: Iterator[str] = (writer.writerow(r) for r in establishment_export_rows(filters=filters))  # type: ignore[arg-type]
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="establishments.csv"'
    return response


@staff_page(Action.ESTABLISHMENT_VIEW)
@require_GET
def establishment_detail_view(request: StaffRequest, establishment_id: int) -> HttpResponse:
    # Every staff role with ESTABLISHMENT_VIEW reads the whole history, even of cases that are
    # not theirs (Philippine inspectors asked for this); editing stays scoped by office.
    user = request.user
    est = _establishment(establishment_id)
    can_merge = user_can(user=user, action=Action.ESTABLISHMENT_MERGE)
    labels = {f.key: f.label for f in extra_fields()}
    total = max(est.workers_total, 1)
    return render(
        request,
        "registry/detail.html",
        {
            "est": est,
            "sector": isic_label(est.isic_code),
            "extra": [(labels.get(k, k), v) for k, v in est.extra.items()],
            "workforce": [
                (_("Women"), est.workers_female, round(100 * est.workers_female / total)),
                (_("Men"), est.workers_male, round(100 * est.workers_male / total)),
                (_("Under 18"), est.workers_minors, round(100 * est.workers_minors / total)),
            ],
            "inspections": historical_inspection_list(establishment=est)[:100],
            "history": establishment_history(establishment=est)[:50],
            "merges": establishment_merges(establishment=est),
            "links": employer_links(employer_id=est.employer_id),
            "duplicates": establishment_duplicate_candidates(establishment=est)
            if can_merge and est.status != Establishment.Status.MERGED
            else [],
            "can_edit": user_can(user=user, action=Action.ESTABLISHMENT_EDIT, office=est.office),
            "can_merge": can_merge,
            "merge_form": MergeForm(),
            "risk": risk_score_panel(user=user, establishment_id=est.pk),
        },
    )


@staff_page(Action.ESTABLISHMENT_EDIT)
@require_http_methods(["GET", "POST"])
def establishment_create_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = EstablishmentForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        legal_name = data.pop("employer_legal_name")
        tax_id = data.pop("employer_tax_id").strip()
        try:
            with transaction.atomic():
                employer = (
                    Employer.objects.filter(tax_id=tax_id).first() if tax_id else None
                ) or employer_create(legal_name=legal_name, tax_id=tax_id, actor=user)
                est = establishment_create(employer=employer, actor=user, **data)
        except ValidationError as exc:
            form_apply_errors(form, exc, rename=form.service_field)
        else:
            messages.success(request, _("Establishment registered."))
            return redirect("registry:detail", establishment_id=est.pk)
    return render(request, "registry/form.html", {"form": form, "editing": False})


@staff_page(Action.ESTABLISHMENT_EDIT)
@require_http_methods(["GET", "POST"])
def establishment_edit_view(request: StaffRequest, establishment_id: int) -> HttpResponse:
    user = request.user
    est = _establishment(establishment_id)
    # The service checks the office again on save; this only spares showing a form it would refuse.
    permission_check(actor=user, action=Action.ESTABLISHMENT_EDIT, office=est.office)
    initial = {
        f: getattr(est, f)
        for f in (
            "name",
            "address",
            "locality",
            "office",
            "isic_code",
            "workers_female",
            "workers_male",
            "workers_minors",
            "hours_pattern",
            "status",
            "risk_level",
            "opened_on",
            "latitude",
            "longitude",
        )
    }
    initial.update({f"extra__{k}": v for k, v in est.extra.items()})
    form = EstablishmentForm(request.POST or None, initial=initial, editing=True, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        try:
            establishment_update(establishment=est, data=data, actor=user)
        except ValidationError as exc:
            form_apply_errors(form, exc, rename=form.service_field)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("registry:detail", establishment_id=est.pk)
    return render(request, "registry/form.html", {"form": form, "editing": True, "est": est})


@staff_page(Action.ESTABLISHMENT_MERGE)
@require_POST
def establishment_merge_view(request: StaffRequest, establishment_id: int) -> HttpResponse:
    user = request.user
    survivor = _establishment(establishment_id)
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a record to merge."))
        return redirect("registry:detail", establishment_id=survivor.pk)
    duplicate = _establishment(form.cleaned_data["duplicate"])
    try:
        establishment_merge(
            survivor=survivor, duplicate=duplicate, reason=form.cleaned_data["reason"], actor=user
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Records merged. You can undo this below."))
    return redirect("registry:detail", establishment_id=survivor.pk)


@staff_page(Action.ESTABLISHMENT_MERGE)
@require_POST
def establishment_merge_undo_view(request: StaffRequest, merge_id: int) -> HttpResponse:
    user = request.user
    merge = EstablishmentMerge.objects.filter(pk=merge_id).first()
    if merge is None:
        raise Http404
    try:
        establishment_merge_undo(merge=merge, actor=user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Merge undone."))
    return redirect("registry:detail", establishment_id=merge.survivor_id)


@staff_page(Action.ESTABLISHMENT_MERGE)
@require_GET
def duplicates_view(request: StaffRequest) -> HttpResponse:
    return render(
        request, "registry/duplicates.html", {"pairs": establishment_duplicates_recent(limit=100)}
    )
