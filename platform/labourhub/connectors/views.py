"""Staff pages: the ministry's administrator configures connector sources and watches runs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.forms import error_text, form_apply_errors
from labourhub.connectors import selectors, services
from labourhub.connectors.fetching import drop_files
from labourhub.connectors.forms import TARGET_LABELS, DropForm, ObservedForm, SourceForm
from labourhub.connectors.models import ConnectorSource
from labourhub.inspections.access import _inspection


def _source(source_id: int) -> ConnectorSource:
    source = selectors.connector_source_get(source_id=source_id)
    if source is None:
        raise Http404
    return source


@staff_page(Action.USER_MANAGE)
def source_list_view(request: StaffRequest) -> HttpResponse:
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            source = services.connector_source_create(**form.cleaned_data, actor=request.user)
        except ValidationError as exc:
            form_apply_errors(form, exc)
        else:
            return HttpResponseRedirect(reverse("connectors:source-detail", args=[source.pk]))
    kinds = selectors.connector_kinds()
    sources = [(s, kinds.get(s.kind), s.runs.first()) for s in selectors.connector_source_list()]
    return render(
        request,
        "connectors/sources.html",
        {"sources": sources, "form": form, "targets": TARGET_LABELS},
        status=400 if form.errors else 200,
    )


@staff_page(Action.USER_MANAGE)
def source_detail_view(request: StaffRequest, source_id: int) -> HttpResponse:
    source = _source(source_id)
    form = DropForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                name = services.connector_file_drop(
                    source=source, upload=form.cleaned_data["file"], actor=request.user
                )
            except ValidationError as exc:
                form_apply_errors(form, exc)
            else:
                messages.success(request, _("%(name)s is in the drop.") % {"name": name})
                return HttpResponseRedirect(request.path)
        status = 400
    return render(
        request,
        "connectors/source.html",
        {
            "source": source,
            "kind": selectors.connector_kinds().get(source.kind),
            "files": drop_files(source=source),
            "runs": selectors.connector_run_list(source=source),
            "form": form,
        },
        status=status,
    )


@require_POST
@staff_page(Action.USER_MANAGE)
def source_toggle_view(request: StaffRequest, source_id: int) -> HttpResponse:
    source = _source(source_id)
    services.connector_source_update(source=source, active=not source.active, actor=request.user)
    return HttpResponseRedirect(reverse("connectors:source-detail", args=[source.pk]))


@require_POST
@staff_page(Action.USER_MANAGE)
def run_start_view(request: StaffRequest, source_id: int) -> HttpResponse:
    source = _source(source_id)
    try:
        run = services.connector_run_start(
            source=source, file_name=request.POST.get("file_name", ""), actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return HttpResponseRedirect(reverse("connectors:source-detail", args=[source.pk]))
    return HttpResponseRedirect(reverse("connectors:run-detail", args=[run.pk]))


@staff_page(Action.USER_MANAGE)
def run_detail_view(request: StaffRequest, run_id: int) -> HttpResponse:
    run = selectors.connector_run_get(run_id=run_id)
    if run is None:
        raise Http404
    return render(
        request,
        "connectors/run.html",
        {
            "run": run,
            "message": selectors.connector_run_message(run=run),
            "errors": selectors.connector_run_errors(run=run),
        },
    )


@require_POST
@staff_page(Action.CASE_EDIT)
def observed_record_view(request: StaffRequest, inspection_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
    form = ObservedForm(request.POST)
    back = reverse("inspections:detail", args=[inspection.pk]) + "#declared-workers"
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return HttpResponseRedirect(back)
    try:
        added = services.observed_workers_record(
            inspection=inspection, text=form.cleaned_data["workers"], actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("%(n)s workers recorded.") % {"n": added})
    return HttpResponseRedirect(back)
