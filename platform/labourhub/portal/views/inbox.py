from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.portal.forms import AnswerForm
from labourhub.portal.kinds import inbox_kind_label, inbox_kinds
from labourhub.portal.models import PortalAccount
from labourhub.portal.selectors import inbox_for_user, inbox_notification_get
from labourhub.portal.services.ebox import notification_answer, notification_open
from labourhub.portal.views.common import PortalRequest, portal_page

EMPLOYER = PortalAccount.Kind.EMPLOYER


@portal_page(kind=EMPLOYER)
def inbox_view(request: PortalRequest) -> HttpResponse:
    page = Paginator(inbox_for_user(user=request.user), 25).get_page(request.GET.get("page"))
    labels = inbox_kinds()
    for item in page:
        item.kind_label = str(labels.get(item.kind, item.kind))  # type: ignore[attr-defined]
    return render(request, "portal/inbox.html", {"page": page})


@portal_page(kind=EMPLOYER)
@require_http_methods(["GET", "POST"])
def notification_view(request: PortalRequest, notification_id: int) -> HttpResponse:
    """Showing the text is what opens it: the legal receipt is recorded before it is shown."""
    notification = inbox_notification_get(user=request.user, notification_id=notification_id)
    if notification is None:
        raise Http404
    receipt = notification_open(notification=notification, actor=request.user)
    notification.refresh_from_db()
    form = AnswerForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            notification_answer(
                notification=notification,
                note=form.cleaned_data["note"],
                files=form.cleaned_data["files"],
                actor=request.user,
            )
        except (ValidationError, ApplicationError) as exc:
            form_apply_errors(form, exc, default="files")
        else:
            messages.success(request, _("Your answer and its documents were sent to the ministry."))
            return HttpResponseRedirect(reverse("portal:notification", args=[notification.pk]))
    answers = notification.answers.prefetch_related("documents").order_by("created_at")
    return render(
        request,
        "portal/notification.html",
        {
            "notification": notification,
            "kind_label": inbox_kind_label(notification.kind),
            "receipt": receipt,
            "answers": answers,
            "form": form,
            "answerable": bool(notification.requested_documents or notification.reply_days)
            and notification.reviewed_at is None,
        },
    )
