"""Staff pages for a job seeker's CVs, counselling appointments and programme enrolments."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.plugin_api import (
    Action,
    ApplicationError,
    StaffRequest,
    audit_record,
    error_text,
    form_apply_errors,
    staff_page,
)
from labourhub_employment_services import audit
from labourhub_employment_services.forms_counselling import (
    AppointmentForm,
    AppointmentRecordForm,
    DocumentForm,
    EnrolForm,
    EnrolmentEndForm,
    ProgrammeForm,
)
from labourhub_employment_services.selectors import (
    appointment_get,
    document_get,
    enrolment_get,
    programme_get,
    programme_list,
)
from labourhub_employment_services.services import (
    appointment_record,
    appointment_schedule,
    enrolment_end,
    enrolment_make,
    programme_create,
    seeker_document_add,
    seeker_document_delete,
    seeker_document_read,
)
from labourhub_employment_services.views.seekers import _detail, _seeker_or_404, ministry_zone


def counselling_forms(data: Any = None) -> dict[str, Any]:
    """The empty forms the job seeker's page shows (the view replaces one with its errors)."""
    return {
        "document_form": DocumentForm(),
        "appointment_form": AppointmentForm(),
        "record_form": AppointmentRecordForm(),
        "enrol_form": EnrolForm(programmes=list(programme_list(open_only=True))),
        "end_form": EnrolmentEndForm(),
    }


def _back(seeker_id: int) -> HttpResponse:
    return HttpResponseRedirect(reverse("x:employment-services:seeker", args=[seeker_id]))


@staff_page(Action.PES_EDIT)
@require_POST
def seeker_counselling_view(
    request: StaffRequest, seeker_id: int, action: str, item_id: int = 0
) -> HttpResponse:
    seeker = _seeker_or_404(seeker_id)
    user = request.user
    with timezone.override(ministry_zone()):  # datetimes typed in are the ministry's local time
        if action == "document":
            form: Any = DocumentForm(request.POST, request.FILES)
            name = "document_form"
        elif action == "appointment":
            form, name = AppointmentForm(request.POST), "appointment_form"
        elif action == "appointment-record":
            form, name = AppointmentRecordForm(request.POST), "record_form"
        elif action == "enrol":
            programmes = list(programme_list(open_only=True))
            form, name = EnrolForm(request.POST, programmes=programmes), "enrol_form"
        elif action == "enrolment-end":
            form, name = EnrolmentEndForm(request.POST), "end_form"
        elif action == "document-delete":
            form, name = None, ""
        else:
            raise Http404
        if form is not None and not form.is_valid():
            return _detail(request, seeker, 400, **{name: form})
        data = form.cleaned_data if form is not None else {}
        try:
            if action == "document":
                upload = data["file"]
                seeker_document_add(
                    seeker=seeker, name=upload.name, file=upload, kind=data["kind"], actor=user
                )
                messages.success(request, _("Document stored."))
            elif action == "appointment":
                appointment_schedule(seeker=seeker, **data, actor=user)
                messages.success(request, _("Appointment scheduled."))
            elif action == "appointment-record":
                appointment = appointment_get(seeker=seeker, appointment_id=item_id)
                if appointment is None:
                    raise Http404
                appointment_record(appointment=appointment, **data, actor=user)
                messages.success(request, _("Appointment recorded."))
            elif action == "enrol":
                programme = programme_get(programme_id=data["programme"])
                if programme is None:
                    raise Http404
                enrolment_make(seeker=seeker, programme=programme, actor=user)
                messages.success(request, _("Job seeker enrolled."))
            elif action == "enrolment-end":
                enrolment = enrolment_get(seeker=seeker, enrolment_id=item_id)
                if enrolment is None:
                    raise Http404
                enrolment_end(enrolment=enrolment, **data, actor=user)
                messages.success(request, _("Outcome recorded."))
            else:
                document = document_get(seeker=seeker, document_id=item_id)
                if document is None:
                    raise Http404
                seeker_document_delete(document=document, actor=user)
                messages.success(request, _("Document deleted."))
        except (ApplicationError, ValidationError) as exc:
            if form is not None and isinstance(exc, ValidationError):
                form_apply_errors(form, exc, default=next(iter(form.fields)))
                return _detail(request, seeker, 400, **{name: form})
            messages.error(request, error_text(exc))
            return _detail(request, seeker, 400)
    return _back(seeker.pk)


@staff_page(Action.PES_VIEW)
def seeker_document_view(request: StaffRequest, seeker_id: int, item_id: int) -> HttpResponse:
    """Staff read a stored CV; every read is audited (it is personal data)."""
    seeker = _seeker_or_404(seeker_id)
    document = document_get(seeker=seeker, document_id=item_id)
    if document is None:
        raise Http404
    data = seeker_document_read(document=document)
    audit_record(
        actor=request.user,
        action=audit.DOCUMENT_READ,
        subject=seeker,
        payload={"values": {"document_id": document.pk}},
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="cv-{seeker.pk}-{document.pk}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@staff_page(Action.PES_VIEW)
@require_http_methods(["GET", "POST"])
def programme_list_view(request: StaffRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            programme_create(**form.cleaned_data, actor=request.user)
        except (ApplicationError, ValidationError) as exc:
            if isinstance(exc, ValidationError):
                form_apply_errors(form, exc, default="name")
            else:
                messages.error(request, error_text(exc))
        else:
            messages.success(request, _("Programme created."))
            return HttpResponseRedirect(reverse("x:employment-services:programmes"))
    return render(
        request,
        "labourhub_employment_services/programme_list.html",
        {"programmes": programme_list(), "form": form},
        status=400 if form.errors else 200,
    )
