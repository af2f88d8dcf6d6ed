from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.complaints.forms import (
    AccidentForm,
    ComplaintForm,
    DisputeForm,
    StaffComplaintForm,
    TrackForm,
)
from labourhub.complaints.selectors import (
    accident_list,
    complainant_identity,
    complaint_get,
    complaint_list,
    portal_intake_office,
)
from labourhub.complaints.services import (
    accident_notify,
    complaint_by_code,
    complaint_register,
    dispute_file,
)
from labourhub.web.tables import table_sort, table_sorted

# Portal abuse limits per client IP (and ministry, through the cache key function).
SUBMIT_LIMIT, SUBMIT_WINDOW = 5, 3600
TRACK_LIMIT, TRACK_WINDOW = 20, 600

# Columns the complaint list sorts by (address key -> fields, ascending).
COMPLAINT_COLUMNS = {
    "reference": ("case__reference",),
    "subject": ("subject",),
    "triage": ("triage",),
    "received": ("id",),
}


def rate_limited(request: HttpRequest, bucket: str, limit: int, window: int) -> bool:
    ip = request.META.get("REMOTE_ADDR", "?")
    key = f"portal-rl:{bucket}:{ip}"
    if cache.add(key, 1, window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return False
    return count > limit


@staff_page(Action.CASE_VIEW)
def complaint_list_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    sort = table_sort(request.GET, COMPLAINT_COLUMNS, "-received")
    rows = table_sorted(complaint_list(user=user), sort)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "complaints/list.html", {"page": page, "sort": sort.key})


@staff_page(Action.CASE_VIEW)
@require_http_methods(["GET", "POST"])
def complaint_new_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = StaffComplaintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        office = data["establishment"].office if data["establishment"] else user.office
        if office is None:
            form.add_error(None, _("Your account has no office; ask an administrator."))
        else:
            try:
                complaint, code = complaint_register(office=office, actor=user, **data)
            except (ValidationError, ApplicationError) as exc:
                form_apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _(
                        "Complaint %(ref)s registered. Give the complainant "
                        "this tracking code: %(code)s"
                    )
                    % {"ref": complaint.case.reference, "code": code},
                )
                if complaint.possible_duplicate_of_id:
                    messages.warning(
                        request,
                        _(
                            "Possible duplicate of an open complaint "
                            "against the same establishment."
                        ),
                    )
                return HttpResponseRedirect(reverse("complaints:detail", args=[complaint.pk]))
    return render(request, "complaints/new.html", {"form": form})


@staff_page(Action.CASE_VIEW)
def complaint_detail_view(request: StaffRequest, complaint_id: int) -> HttpResponse:
    user = request.user
    complaint = complaint_get(user=user, complaint_id=complaint_id)
    if complaint is None:
        raise Http404
    from labourhub.accounts.selectors import user_can
    from labourhub.complaints.models import Dispute
    from labourhub.workflow.display import ProcedureWords

    dispute = Dispute.objects.filter(complaint=complaint).select_related("case").first()
    inspection = complaint.inspection
    return render(
        request,
        "complaints/detail.html",
        {
            "complaint": complaint,
            "identity": complainant_identity(user=user, complaint=complaint),
            "dispute": dispute,
            "dispute_state": ProcedureWords().state_text("dispute", dispute.case.state)
            if dispute
            else "",
            "findings": inspection.findings.filter(withdrawn_by__isnull=True).count()
            if inspection
            else 0,
            "can_edit": user_can(
                user=user,
                action=Action.CASE_EDIT,
                office=complaint.case.office,
                owner_id=complaint.case.assigned_to_id,
            ),
        },
    )


@staff_page(Action.CASE_VIEW)
@require_http_methods(["GET", "POST"])
def accident_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = AccidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            note = accident_notify(office=data["establishment"].office, actor=user, **data)
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(
                request, _("Notification %(ref)s recorded.") % {"ref": note.case.reference}
            )
            return HttpResponseRedirect(reverse("workflow:case-detail", args=[note.case_id]))
    items = list(accident_list(user=user)[:200])
    fatal = sum(a.fatalities for a in items)
    non_fatal = sum(a.victims_female + a.victims_male - a.fatalities for a in items)
    return render(
        request,
        "complaints/accidents.html",
        {"form": form, "items": items, "fatal": fatal, "non_fatal": non_fatal},
    )


@staff_page(Action.CASE_VIEW)
@require_http_methods(["GET", "POST"])
def dispute_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = DisputeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if user.office is None:
            form.add_error(None, _("Your account has no office; ask an administrator."))
        else:
            try:
                dispute = dispute_file(office=user.office, actor=user, **form.cleaned_data)
            except (ValidationError, ApplicationError) as exc:
                form_apply_errors(form, exc)
            else:
                return HttpResponseRedirect(reverse("workflow:case-detail", args=[dispute.case_id]))
    return render(request, "complaints/dispute.html", {"form": form})


# -- worker portal (no sign-in) ------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def portal_complaint_view(request: HttpRequest) -> HttpResponse:
    form = ComplaintForm(request.POST or None)
    if request.method == "POST":
        if rate_limited(request, "submit", SUBMIT_LIMIT, SUBMIT_WINDOW):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many complaints from this connection. Please try again "
                    "in an hour, or visit your nearest labour office."
                ),
            )
            return render(request, "complaints/portal_form.html", {"form": form}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            office = (
                data["establishment"].office if data["establishment"] else portal_intake_office()
            )
            if office is None:
                form.add_error(None, _("Complaints cannot be received online yet."))
            else:
                try:
                    complaint, code = complaint_register(
                        office=office, channel="portal", actor=None, **data
                    )
                except ValidationError as exc:
                    form_apply_errors(form, exc)
                else:
                    return render(
                        request,
                        "complaints/portal_done.html",
                        {"code": code, "complaint": complaint},
                    )
    return render(request, "complaints/portal_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def portal_track_view(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    complaint = None
    if request.method == "POST":
        if rate_limited(request, "track", TRACK_LIMIT, TRACK_WINDOW):
            form.is_valid()
            form.add_error(None, _("Too many attempts. Please wait ten minutes."))
            return render(request, "complaints/portal_track.html", {"form": form}, status=429)
        if form.is_valid():
            complaint = complaint_by_code(code=form.cleaned_data["code"])
            if complaint is None:
                form.add_error("code", _("No complaint has this code. Check it and try again."))
    status = None
    if complaint is not None:
        from labourhub.portal.selectors import complaint_public_status

        status = complaint_public_status(complaint=complaint)
    return render(
        request,
        "complaints/portal_track.html",
        {"form": form, "complaint": complaint, "status": status},
    )
