"""Checklist pages: the list, one checklist, and its editor."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.common.exceptions import ApplicationError
from labourhub.inspections import selectors as sel
from labourhub.inspections import services as svc
from labourhub.inspections.access import _user
from labourhub.inspections.forms import (
    ChecklistCreateForm,
    QuestionForm,
    SectionForm,
)
from labourhub.inspections.models import (
    Checklist,
    ChecklistQuestion,
    ChecklistSection,
    ChecklistVersion,
    Inspection,
)
from labourhub.inspections.views.common import Form, _attempt

# --- checklists ----------------------------------------------------------------------------


@staff_page(Action.CASE_VIEW, post=Action.CHECKLIST_MANAGE)
@require_http_methods(["GET", "POST"])
def checklist_list_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    can_manage = user_can(user=user, action=Action.CHECKLIST_MANAGE)
    form = ChecklistCreateForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            ok, version, status = _attempt(
                form, lambda: svc.checklist_create(actor=user, **form.cleaned_data)
            )
            if ok:
                return HttpResponseRedirect(
                    reverse("inspections:checklist", args=[version.checklist_id])
                )
        else:
            status = 400
    return render(
        request,
        "inspections/checklists.html",
        {
            "checklists": sel.checklist_list(),
            "form": form,
            "can_manage": can_manage,
        },
        status=status,
    )


def _checklist_page(
    request: HttpRequest, checklist: Checklist, status: int = 200, **forms: Form
) -> HttpResponse:
    versions = list(checklist.versions.order_by("-number"))
    draft = next((v for v in versions if v.status == ChecklistVersion.Status.DRAFT), None)
    shown_number = request.GET.get("v")
    shown = (
        next((v for v in versions if str(v.number) == shown_number), None)
        or draft
        or (versions[0] if versions else None)
    )
    sections = sel.checklist_version_sections(version=shown) if shown else []
    draft_sections = sel.checklist_version_sections(version=draft) if draft else []
    return render(
        request,
        "inspections/checklist.html",
        {
            "checklist": checklist,
            "versions": versions,
            "shown": shown,
            "sections": sections,
            "draft": draft,
            "can_manage": user_can(user=_user(request), action=Action.CHECKLIST_MANAGE),
            "section_form": forms.get("section_form") or SectionForm(),
            "question_form": forms.get("question_form") or QuestionForm(sections=draft_sections),
            "used_by": Inspection.objects.filter(checklist_version=shown).count() if shown else 0,
        },
        status=status,
    )


def _checklist(checklist_id: int) -> Checklist:
    checklist = Checklist.objects.filter(pk=checklist_id).first()
    if checklist is None:
        raise Http404
    return checklist


@staff_page(Action.CASE_VIEW)
def checklist_detail_view(request: StaffRequest, checklist_id: int) -> HttpResponse:
    return _checklist_page(request, _checklist(checklist_id))


@staff_page(Action.CHECKLIST_MANAGE)
@require_POST
def checklist_edit_view(request: StaffRequest, checklist_id: int, op: str) -> HttpResponse:
    user = request.user
    checklist = _checklist(checklist_id)
    url = reverse("inspections:checklist", args=[checklist.pk])
    draft = sel.checklist_draft(checklist=checklist)
    try:
        if op == "draft":
            svc.checklist_draft_start(checklist=checklist, actor=user)
            messages.success(request, _("Draft started from the latest version."))
        elif draft is None:
            messages.error(request, _("Start a draft first."))
        elif op == "section":
            form = SectionForm(request.POST)
            if not form.is_valid():
                return _checklist_page(request, checklist, 400, section_form=form)
            svc.checklist_section_add(version=draft, title=form.cleaned_data["title"], actor=user)
        elif op == "question":
            sections = sel.checklist_version_sections(version=draft)
            qform = QuestionForm(request.POST, sections=sections)
            if not qform.is_valid():
                return _checklist_page(request, checklist, 400, question_form=qform)
            data = dict(qform.cleaned_data)
            section = ChecklistSection.objects.get(pk=data.pop("section"), version=draft)
            ok, _r, status = _attempt(
                qform, lambda: svc.checklist_question_add(section=section, data=data, actor=user)
            )
            if not ok:
                return _checklist_page(request, checklist, status, question_form=qform)
            messages.success(request, _("Question added to the draft."))
        elif op == "remove":
            question = ChecklistQuestion.objects.filter(
                pk=request.POST.get("question") or 0, section__version=draft
            ).first()
            if question is None:
                raise Http404
            svc.checklist_question_remove(question=question, actor=user)
        elif op == "publish":
            version = svc.checklist_publish(version=draft, actor=user)
            messages.success(request, _("Version %(n)s published.") % {"n": version.number})
            return HttpResponseRedirect(f"{url}?v={version.number}")
        else:
            raise Http404
    except ApplicationError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return HttpResponseRedirect(url)
