"""The visit itself: sections, evidence, findings, submission and corrections."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.inspections import selectors as sel
from labourhub.inspections import services as svc
from labourhub.inspections.access import _inspection, _user
from labourhub.inspections.forms import (
    CancelForm,
    CorrectionDecideForm,
    CorrectionForm,
    EvidenceForm,
    FindingForm,
    RefuseEntryForm,
    SectionAnswersForm,
    VersionForm,
    VisitStartForm,
)
from labourhub.inspections.models import (
    ChecklistQuestion,
    Correction,
    Evidence,
    Finding,
    Inspection,
)
from labourhub.inspections.views.common import Form, _attempt, _back
from labourhub.inspections.views.detail import _detail


@login_required
@require_POST
def visit_start_view(request: HttpRequest, inspection_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
    form = VisitStartForm(request.POST)
    if form.is_valid():
        ok, _r, status = _attempt(
            form,
            lambda: svc.visit_start(
                inspection=inspection,
                actor=_user(request),
                expected_version=form.cleaned_data["version"],
                arrived_at=form.cleaned_data["arrived_at"],
                persons_met=form.cleaned_data["persons_met"],
                workers_interviewed_female=form.cleaned_data["workers_interviewed_female"],
                workers_interviewed_male=form.cleaned_data["workers_interviewed_male"],
            ),
        )
        if ok:
            return HttpResponseRedirect(reverse("inspections:visit", args=[inspection.pk, 1]))
        return _detail(request, inspection, status, start_form=form)
    return _detail(request, inspection, 400, start_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def visit_section_view(request: HttpRequest, inspection_id: int, number: int) -> HttpResponse:
    """One checklist section at a time; every save is a draft."""
    inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
    if inspection.checklist_version is None:
        raise Http404
    sections = sel.checklist_version_sections(version=inspection.checklist_version)
    if not 1 <= number <= len(sections):
        raise Http404
    section = sections[number - 1]
    questions = list(section.questions.all())
    answers = sel.answers_by_code(inspection=inspection)
    initial = {
        "version": inspection.version,
        **{code: a.value for code, a in answers.items() if a.value is not None},
    }
    form = SectionAnswersForm(request.POST or None, questions=questions, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            values = {q.code: form.cleaned_data.get(q.code) for q in form.questions}
            ok, _saved, status = _attempt(
                form,
                lambda: svc.answers_save(
                    inspection=inspection,
                    values=values,
                    expected_version=form.cleaned_data["version"],
                    actor=_user(request),
                ),
            )
            if ok:
                messages.success(request, _("Section saved."))
                target = number + 1 if "next" in request.POST and number < len(sections) else number
                if "next" in request.POST and number == len(sections):
                    return _back(inspection, "submit")
                return HttpResponseRedirect(
                    reverse("inspections:visit", args=[inspection.pk, target])
                )
        else:
            status = 400
    photo_questions = [q for q in questions if q.kind == ChecklistQuestion.Kind.PHOTO]
    return render(
        request,
        "inspections/visit.html",
        {
            "inspection": inspection,
            "sections": sections,
            "section": section,
            "number": number,
            "form": form,
            "photo_questions": photo_questions,
            "evidence": sel.evidence_list(inspection=inspection).filter(question__section=section),
            "findings": sel.finding_list(inspection=inspection).filter(question__section=section),
            "evidence_form": EvidenceForm(),
            "is_last": number == len(sections),
        },
        status=status,
    )


@login_required
@require_POST
def evidence_upload_view(request: HttpRequest, inspection_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
    form = EvidenceForm(request.POST, request.FILES)
    back = request.POST.get("back", "")
    if form.is_valid():
        question = None
        if code := form.cleaned_data.get("question"):
            question = ChecklistQuestion.objects.filter(
                section__version=inspection.checklist_version, code=code
            ).first()
        upload = form.cleaned_data["file"]
        ok, _r, status = _attempt(
            form,
            lambda: svc.evidence_upload(
                inspection=inspection,
                name=upload.name,
                file=upload,
                question=question,
                caption=form.cleaned_data["caption"],
                actor=_user(request),
            ),
        )
        if ok:
            messages.success(request, _("File added."))
            if back.startswith("/app/inspections/"):
                return HttpResponseRedirect(back)
            return _back(inspection, "evidence")
    else:
        status = 400
    for error in [*form.errors.get("file", []), *form.non_field_errors()]:
        messages.error(request, str(error))
    return _detail(request, inspection, status, evidence_form=form)


@login_required
def evidence_download_view(
    request: HttpRequest, inspection_id: int, evidence_id: int
) -> HttpResponse:
    inspection = _inspection(request, inspection_id)
    evidence = Evidence.objects.filter(inspection=inspection, pk=evidence_id).first()
    if evidence is None:
        raise Http404
    data = svc.evidence_read(evidence=evidence)
    response = HttpResponse(data, content_type=evidence.content_type)
    response["Content-Disposition"] = f'inline; filename="evidence-{evidence.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def finding_edit_view(request: HttpRequest, inspection_id: int, finding_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
    finding = Finding.objects.filter(inspection=inspection, pk=finding_id).first()
    if finding is None:
        raise Http404
    form = FindingForm(request.POST)
    if form.is_valid():
        ok, _r, _s = _attempt(
            form,
            lambda: svc.finding_update(finding=finding, actor=_user(request), **form.cleaned_data),
        )
        if ok:
            messages.success(request, _("Finding updated."))
            return _back(inspection, "findings")
    for error in [e for errs in form.errors.values() for e in errs]:
        messages.error(request, str(error))
    return _back(inspection, "findings")


def _versioned_action(
    request: HttpRequest,
    inspection_id: int,
    *,
    action: Action,
    form_class: type[Form],
    form_key: str,
    call: Callable[[Inspection, dict[str, Any], User], object],
    done: Callable[[HttpRequest], None],
) -> HttpResponse:
    """A POST that changes one inspection under optimistic concurrency (its ``version`` field)."""
    inspection = _inspection(request, inspection_id, action)
    form = form_class(request.POST)
    if not form.is_valid():
        return _detail(request, inspection, 400, **{form_key: form})
    ok, _r, status = _attempt(form, lambda: call(inspection, form.cleaned_data, _user(request)))
    if ok:
        done(request)
        return _back(inspection)
    return _detail(request, inspection, status, **{form_key: form})


@login_required
@require_POST
def refuse_entry_view(request: HttpRequest, inspection_id: int) -> HttpResponse:
    return _versioned_action(
        request,
        inspection_id,
        action=Action.CASE_EDIT,
        form_class=RefuseEntryForm,
        form_key="refuse_form",
        call=lambda insp, data, user: svc.visit_refuse_entry(
            inspection=insp, note=data["note"], expected_version=data["version"], actor=user
        ),
        done=lambda req: messages.warning(
            req, _("Entry refusal recorded; supervisors were alerted.")
        ),
    )


@login_required
@require_POST
def submit_view(request: HttpRequest, inspection_id: int) -> HttpResponse:
    return _versioned_action(
        request,
        inspection_id,
        action=Action.CASE_EDIT,
        form_class=VersionForm,
        form_key="version_form",
        call=lambda insp, data, user: svc.inspection_submit(
            inspection=insp, expected_version=data["version"], actor=user
        ),
        done=lambda req: messages.success(req, _("Report submitted and minutes signed.")),
    )


@login_required
@require_POST
def cancel_view(request: HttpRequest, inspection_id: int) -> HttpResponse:
    return _versioned_action(
        request,
        inspection_id,
        action=Action.INSPECTION_PLAN,
        form_class=CancelForm,
        form_key="cancel_form",
        call=lambda insp, data, user: svc.inspection_cancel(
            inspection=insp, reason=data["reason"], expected_version=data["version"], actor=user
        ),
        done=lambda req: messages.success(req, _("Inspection cancelled.")),
    )


@login_required
@require_POST
def correction_request_view(request: HttpRequest, inspection_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id, Action.CASE_EDIT)
    questions = (
        sel.checklist_version_questions(version=inspection.checklist_version)
        if inspection.checklist_version
        else []
    )
    form = CorrectionForm(request.POST, questions=questions)
    if form.is_valid():
        question = next(q for q in questions if q.code == form.cleaned_data["question"])
        ok, _r, status = _attempt(
            form,
            lambda: svc.correction_request(
                inspection=inspection,
                question=question,
                new_value=form.cleaned_data["new_value"],
                reason=form.cleaned_data["reason"],
                actor=_user(request),
            ),
        )
        if ok:
            messages.success(request, _("Correction requested; a supervisor will decide."))
            return _back(inspection, "corrections")
        return _detail(request, inspection, status, correction_form=form)
    return _detail(request, inspection, 400, correction_form=form)


@login_required
@require_POST
def correction_decide_view(
    request: HttpRequest, inspection_id: int, correction_id: int
) -> HttpResponse:
    inspection = _inspection(request, inspection_id)
    correction = Correction.objects.filter(inspection=inspection, pk=correction_id).first()
    if correction is None:
        raise Http404
    form = CorrectionDecideForm(request.POST)
    if form.is_valid():
        approve = request.POST.get("decision") == "approve"
        ok, _r, _s = _attempt(
            form,
            lambda: svc.correction_decide(
                correction=correction,
                approve=approve,
                note=form.cleaned_data["note"],
                actor=_user(request),
            ),
        )
        if ok:
            messages.success(
                request, _("Correction approved.") if approve else _("Correction rejected.")
            )
    for error in form.non_field_errors():
        messages.error(request, str(error))
    return _back(inspection, "corrections")
