"""Staff choose which documents of a complaint's case the complainant sees on the portal."""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.common.exceptions import ApplicationError
from labourhub.complaints.selectors import complaint_get
from labourhub.documents.models import Document
from labourhub.portal.models import SharedDocument
from labourhub.portal.selectors import complaint_documents_for_staff
from labourhub.portal.services.workers import complaint_document_share, complaint_document_unshare


@staff_page(Action.CASE_VIEW)
@require_http_methods(["GET", "POST"])
def complaint_shares_view(request: StaffRequest, complaint_id: int) -> HttpResponse:
    complaint = complaint_get(user=request.user, complaint_id=complaint_id)
    if complaint is None:
        raise Http404
    rows = complaint_documents_for_staff(complaint=complaint)
    if request.method == "POST":
        try:
            doc_id = int(request.POST.get("document", ""))
        except ValueError:
            raise Http404 from None
        document = next((d for d, _share in rows if d.pk == doc_id), None)
        if document is None:
            raise Http404
        share_id = {d.pk: s for d, s in rows}.get(doc_id)
        try:
            if share_id is None:
                complaint_document_share(complaint=complaint, document=document, actor=request.user)
                messages.success(request, _("The complainant can now read this document."))
            else:
                share = SharedDocument.objects.select_related("complaint", "document").get(
                    pk=share_id
                )
                complaint_document_unshare(share=share, actor=request.user)
                messages.success(request, _("The document is no longer shown to the complainant."))
        except ApplicationError as exc:
            messages.error(request, str(exc.message))
        return HttpResponseRedirect(reverse("portal-staff:complaint-shares", args=[complaint.pk]))
    can_share = user_can(user=request.user, action=Action.CASE_EDIT, office=complaint.case.office)
    documents: list[tuple[Document, int | None]] = rows
    return render(
        request,
        "portal/staff/complaint_shares.html",
        {"complaint": complaint, "rows": documents, "can_share": can_share},
    )
