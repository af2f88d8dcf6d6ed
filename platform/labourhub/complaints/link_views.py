"""The complaint page's link actions: open its inspection, or send it to conciliation."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import error_text
from labourhub.complaints.models import Complaint
from labourhub.complaints.selectors import complaint_get
from labourhub.complaints.services import complaint_dispute_open, complaint_inspection_open


def _act(
    request: StaffRequest, complaint_id: int, act: Callable[[Complaint], Any], done: str
) -> HttpResponse:
    complaint = complaint_get(user=request.user, complaint_id=complaint_id)
    if complaint is None:
        raise Http404
    try:
        act(complaint)
    except (ValidationError, ApplicationError) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, done)
    return HttpResponseRedirect(reverse("complaints:detail", args=[complaint.pk]))


@staff_page(Action.CASE_EDIT)
@require_POST
def complaint_inspection_view(request: StaffRequest, complaint_id: int) -> HttpResponse:
    return _act(
        request,
        complaint_id,
        lambda c: complaint_inspection_open(complaint=c, actor=request.user),
        _("Inspection opened from the complaint."),
    )


@staff_page(Action.CASE_EDIT)
@require_POST
def complaint_dispute_view(request: StaffRequest, complaint_id: int) -> HttpResponse:
    return _act(
        request,
        complaint_id,
        lambda c: complaint_dispute_open(complaint=c, actor=request.user),
        _("Labour dispute opened for conciliation."),
    )
