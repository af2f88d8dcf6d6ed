"""Staff pages under /app/establishments/imports/: upload, map, check, run, error report."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.exceptions import ApplicationError
from labourhub.registry.forms import (
    ImportMappingForm,
    ImportUploadForm,
)
from labourhub.registry.imports import (
    import_batch_check_start,
    import_batch_create,
    import_batch_run_start,
    import_batch_set_columns,
    import_error_report_rows,
    import_mapping_save,
    max_import_bytes,
)
from labourhub.registry.models import ImportBatch
from labourhub.registry.selectors import (
    import_batch_get,
    import_batch_list,
    import_row_errors,
)
from labourhub.registry.views import EchoBuffer


def _batch(batch_id: int) -> ImportBatch:
    batch = import_batch_get(batch_id=batch_id)
    if batch is None:
        raise Http404
    return batch


@staff_page(Action.ESTABLISHMENT_IMPORT)
@require_http_methods(["GET", "POST"])
def import_list_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = ImportUploadForm()
    if request.method == "POST":
        # Refuse oversized bodies before Django spools them to disk.
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > max_import_bytes() + 65536:
            form.add_error(
                None,
                _(
                    "The file is %(size)s MB; the limit is %(limit)s MB. "
                    "Split it and upload the parts."
                )
                % {
                    "size": f"{length / 1048576:,.0f}",
                    "limit": f"{max_import_bytes() / 1048576:,.0f}",
                },
            )
        else:
            form = ImportUploadForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    batch = import_batch_create(
                        kind=form.cleaned_data["kind"],
                        upload=form.cleaned_data["file"],
                        encoding=form.cleaned_data["encoding"],
                        mapping=form.cleaned_data["mapping"],
                        actor=user,
                        language=get_language() or "",
                    )
                except ApplicationError as exc:
                    form.add_error("file", exc.message)
                else:
                    return redirect("registry:import-detail", batch_id=batch.pk)
    return render(
        request, "registry/imports.html", {"form": form, "batches": import_batch_list()[:50]}
    )


@staff_page(Action.ESTABLISHMENT_IMPORT)
@require_http_methods(["GET", "POST"])
def import_detail_view(request: StaffRequest, batch_id: int) -> HttpResponse:
    user = request.user
    batch = _batch(batch_id)
    mapping_form = ImportMappingForm(
        request.POST or None,
        kind=batch.kind,
        headers=batch.columns.get("headers", []),
        current=batch.columns.get("map", {}),
    )
    if request.method == "POST" and mapping_form.is_valid():
        try:
            with transaction.atomic():
                batch = import_batch_set_columns(
                    batch=batch, columns=mapping_form.columns(), actor=user
                )
                if mapping_form.cleaned_data["save_as"]:
                    import_mapping_save(
                        kind=batch.kind,
                        name=mapping_form.cleaned_data["save_as"],
                        columns=mapping_form.columns(),
                        actor=user,
                    )
                import_batch_check_start(batch=batch, actor=user)
        except (ApplicationError, ValidationError) as exc:
            messages.error(request, getattr(exc, "message", None) or " ".join(exc.messages))  # type: ignore[union-attr]
        return redirect("registry:import-detail", batch_id=batch.pk)
    return render(
        request,
        "registry/import_detail.html",
        {
            "batch": batch,
            "mapping_form": mapping_form,
            "errors": import_row_errors(batch=batch)[:200],
        },
    )


@staff_page(Action.ESTABLISHMENT_IMPORT)
@require_GET
def import_progress_view(request: StaffRequest, batch_id: int) -> HttpResponse:
    batch = _batch(batch_id)
    response = render(request, "registry/partials/progress.html", {"batch": batch})
    if request.headers.get("HX-Request") and batch.status in (
        ImportBatch.Status.CHECKED,
        ImportBatch.Status.DONE,
        ImportBatch.Status.FAILED,
    ):
        # The phase ended: reload the page so the results and next step appear.
        response["HX-Refresh"] = "true"
    return response


@staff_page(Action.ESTABLISHMENT_IMPORT)
@require_POST
def import_run_view(request: StaffRequest, batch_id: int) -> HttpResponse:
    user = request.user
    batch = _batch(batch_id)
    try:
        with transaction.atomic():
            import_batch_run_start(batch=batch, actor=user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("registry:import-detail", batch_id=batch.pk)


@staff_page(Action.ESTABLISHMENT_IMPORT)
@require_GET
def import_errors_csv_view(request: StaffRequest, batch_id: int) -> HttpResponseBase:
    batch = _batch(batch_id)
    writer = csv.writer(EchoBuffer())
    # A BOM in front so Excel opens the accented messages correctly.
    response = StreamingHttpResponse(
        (
            ("\ufeff" + writer.writerow(r)) if i == 0 else writer.writerow(r)
            for i, r in enumerate(import_error_report_rows(batch=batch))
        ),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="import-{batch.pk}-errors.csv"'
    return response
