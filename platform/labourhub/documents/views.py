from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.documents.defaults import SEEDED_LANGUAGES, default_text
from labourhub.documents.forms import IssueForm, SubjectFields, TemplateForm, VerifyUploadForm
from labourhub.documents.kinds import kind_choices, kind_get, kind_label
from labourhub.documents.models import Layout
from labourhub.documents.selectors import (
    document_get,
    document_list,
    document_public_verification,
    document_template_get,
    document_template_list,
    subject_resolve,
    template_version_list,
)
from labourhub.documents.services import (
    document_case_file_pdf,
    document_issue,
    document_matches,
    document_pdf_bytes,
    document_preview_html,
    document_sign,
    document_template_save,
)
from labourhub.web.tables import table_sort, table_sorted

NO_SUCH_RECORD = gettext_noop("No record of that type has this id.")

# Columns the document list sorts by (address key -> fields, ascending).
DOCUMENT_COLUMNS = {
    "number": ("number",),
    "kind": ("kind",),
    "issued": ("created_at",),
    "status": ("status",),
}


def _kind_or_404(kind: str) -> str:
    if kind_get(kind) is None:
        raise Http404
    return kind


def _subject_from(form: SubjectFields) -> tuple[bool, models.Model | None]:
    label, subject_id = form.cleaned_data.get("subject_type"), form.cleaned_data.get("subject_id")
    if not label:
        return True, None
    subject = subject_resolve(label=label, subject_id=subject_id or "")
    if subject is None:
        form.add_error("subject_id", _(NO_SUCH_RECORD))
        return False, None
    return True, subject


def _pdf_response(data: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@staff_page(Action.DOCUMENT_VIEW)
def document_list_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    kind = request.GET.get("kind", "")
    kind = kind if kind_get(kind) is not None else ""
    q = request.GET.get("q", "")[:100]
    sort = table_sort(request.GET, DOCUMENT_COLUMNS, "-issued")
    rows = table_sorted(document_list(user=user, kind=kind, search=q), sort)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "documents/list.html",
        {
            "page": page,
            "sort": sort.key,
            "kind": kind,
            "q": q,
            "kinds": kind_choices(),
            "can_issue": user_can(user=user, action=Action.DOCUMENT_ISSUE),
            "can_templates": user_can(user=user, action=Action.DOCUMENT_TEMPLATE_MANAGE),
        },
    )


@staff_page(Action.DOCUMENT_ISSUE)
@require_http_methods(["GET", "POST"])
def document_issue_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = IssueForm(request.POST or None, initial={"kind": request.GET.get("kind", "")})
    if request.method == "POST" and form.is_valid():
        ok, subject = _subject_from(form)
        if ok:
            amount = form.cleaned_data.get("amount")
            extra = {"amount": str(amount)} if amount is not None else {}
            try:
                document = document_issue(
                    kind=form.cleaned_data["kind"],
                    officer=user,
                    subject=subject,
                    extra=extra,
                    actor=user,
                )
            except ApplicationError as exc:
                form_apply_errors(form, exc)
            else:
                messages.success(request, _("Document %(n)s issued.") % {"n": document.number})
                return HttpResponseRedirect(reverse("documents:detail", args=[document.pk]))
    return render(
        request, "documents/issue.html", {"form": form}, status=400 if form.errors else 200
    )


@staff_page(Action.DOCUMENT_VIEW)
def document_detail_view(request: StaffRequest, document_id: int) -> HttpResponse:
    user = request.user
    document = document_get(document_id=document_id, user=user)
    if document is None:
        raise Http404
    return render(
        request,
        "documents/detail.html",
        {
            "doc": document,
            "signature": getattr(document, "signature", None),
            "can_sign": user_can(user=user, action=Action.DOCUMENT_SIGN),
            "verify_url": reverse("document-verify", args=[document.verification_code]),
        },
    )


@staff_page(Action.DOCUMENT_VIEW)
def document_pdf_view(request: StaffRequest, document_id: int) -> HttpResponse:
    user = request.user
    document = document_get(document_id=document_id, user=user)
    if document is None:
        raise Http404
    return _pdf_response(document_pdf_bytes(document=document), f"{document.number}.pdf")


@staff_page(Action.DOCUMENT_SIGN)
@require_POST
def document_sign_view(request: StaffRequest, document_id: int) -> HttpResponse:
    user = request.user
    document = document_get(document_id=document_id, user=user)
    if document is None:
        raise Http404
    try:
        document_sign(document=document, signer=user, actor=user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Document %(n)s signed.") % {"n": document.number})
    return HttpResponseRedirect(reverse("documents:detail", args=[document.pk]))


@staff_page(Action.DOCUMENT_VIEW)
def case_file_view(request: StaffRequest, subject_label: str, subject_id: str) -> HttpResponse:
    user = request.user
    try:
        app_label, model = subject_label.split(".", 1)
        subject_type = ContentType.objects.get_by_natural_key(app_label, model)
    except (ValueError, ContentType.DoesNotExist) as exc:
        raise Http404 from exc
    try:
        data = document_case_file_pdf(subject_type=subject_type, subject_id=subject_id, user=user)
    except ApplicationError as exc:
        messages.info(request, exc.message)
        return HttpResponseRedirect(reverse("documents:list"))
    return _pdf_response(data, f"case-file-{model}-{subject_id}.pdf"[:120], inline=False)


@staff_page(Action.DOCUMENT_TEMPLATE_MANAGE)
def template_list_view(request: StaffRequest) -> HttpResponse:
    existing = {t.kind: t for t in document_template_list()}
    rows = [(value, label, existing.get(value)) for value, label in kind_choices()]
    return render(request, "documents/templates.html", {"rows": rows})


def _initial_for(kind: str, request: HttpRequest) -> dict[str, Any]:
    template = document_template_get(kind=kind)
    version = template.current_version if template else None
    if version is None:
        tenant = getattr(request, "tenant", None)
        lang = getattr(tenant, "default_language", "en")
        lang = lang if lang in SEEDED_LANGUAGES else "en"
        text = default_text(kind, lang)
        return {
            "layout": Layout.SINGLE,
            "language_1": lang,
            "title_1": text["title"],
            "body_1": text["body"],
        }
    initial = {"layout": version.layout}
    for i, code in enumerate(version.languages, start=1):
        initial[f"language_{i}"] = code
        initial[f"title_{i}"] = version.texts[code]["title"]
        initial[f"body_{i}"] = version.texts[code]["body"]
    return initial


@staff_page(Action.DOCUMENT_TEMPLATE_MANAGE)
@require_http_methods(["GET", "POST"])
def template_edit_view(request: StaffRequest, kind: str) -> HttpResponse:
    user = request.user
    kind = _kind_or_404(kind)
    template = document_template_get(kind=kind)
    form = TemplateForm(request.POST or None, initial=_initial_for(kind, request))
    if request.method == "POST" and form.is_valid():
        try:
            version = document_template_save(
                kind=kind,
                layout=form.cleaned_data["layout"],
                languages=form.languages(),
                texts=form.texts(),
                note=form.cleaned_data.get("note", ""),
                actor=user,
            )
        except ValidationError as exc:
            form_apply_errors(form, exc, rename=form.field_for)
        else:
            messages.success(
                request,
                _("Version %(n)s saved; new documents use it from now on.") % {"n": version.number},
            )
            return HttpResponseRedirect(reverse("documents:template-edit", args=[kind]))
    return render(
        request,
        "documents/template_edit.html",
        {
            "form": form,
            "kind": kind,
            "kind_label": kind_label(kind),
            "template": template,
            "versions": template_version_list(template=template) if template else [],
        },
        status=400 if form.errors else 200,
    )


@staff_page(Action.DOCUMENT_TEMPLATE_MANAGE)
@require_POST
def template_preview_view(request: StaffRequest, kind: str) -> HttpResponse:
    user = request.user
    kind = _kind_or_404(kind)
    form = TemplateForm(request.POST)
    html = ""
    if form.is_valid():
        ok, subject = _subject_from(form)
        if ok:
            try:
                html = document_preview_html(
                    kind=kind,
                    layout=form.cleaned_data["layout"],
                    languages=form.languages(),
                    texts=form.texts(),
                    subject=subject,
                    officer=user,
                )
            except ValidationError as exc:
                form_apply_errors(form, exc, rename=form.field_for)
    return render(request, "documents/partials/preview.html", {"form": form, "html": html})


@staff_page(Action.DOCUMENT_TEMPLATE_MANAGE)
def template_version_view(request: StaffRequest, kind: str, number: int) -> HttpResponse:
    template = document_template_get(kind=_kind_or_404(kind))
    version = template.versions.filter(number=number).first() if template else None
    if version is None:
        raise Http404
    return render(
        request,
        "documents/template_version.html",
        {
            "version": version,
            "kind": kind,
            "kind_label": kind_label(kind),
            "texts": [(code, version.texts[code]) for code in version.languages],
        },
    )


@require_http_methods(["GET", "POST"])
def verify_view(request: HttpRequest, code: str) -> HttpResponse:
    """Public: anyone holding the paper or the PDF may check it, without signing in."""
    info = document_public_verification(code=code[:64])
    if info is None:
        return render(request, "documents/verify.html", {"info": None}, status=404)
    posted = request.method == "POST"
    form = VerifyUploadForm(request.POST, request.FILES) if posted else VerifyUploadForm()
    match = None
    if request.method == "POST" and form.is_valid():
        match = document_matches(code=code, data=form.cleaned_data["file"].read())
    return render(
        request,
        "documents/verify.html",
        {"info": info, "form": form, "match": match},
        status=400 if form.errors else 200,
    )
