from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.accounts.models import User
from labourhub.accounts.permissions import StaffRequest, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.selectors import audit_event_list
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import form_apply_errors
from labourhub.inspections import selectors as sel
from labourhub.inspections import services as svc
from labourhub.inspections.access import _inspection, _user
from labourhub.inspections.forms import (
    AssignForm,
    CampaignFilterForm,
    CampaignForm,
    CampaignImportForm,
    CampaignPlanForm,
    CampaignTargetForm,
    CancelForm,
    ChecklistCreateForm,
    CorrectionDecideForm,
    CorrectionForm,
    EvidenceForm,
    FindingForm,
    InspectionCreateForm,
    QuestionForm,
    RefuseEntryForm,
    SectionAnswersForm,
    SectionForm,
    VersionForm,
    VisitStartForm,
)
from labourhub.inspections.models import (
    Campaign,
    Checklist,
    ChecklistQuestion,
    ChecklistSection,
    ChecklistVersion,
    Correction,
    Evidence,
    Finding,
    Inspection,
    InspectionAlert,
    Severity,
)
from labourhub.registry.models import Establishment

Form = Any


def _attempt(form: Form, call: Callable[[], Any]) -> tuple[bool, Any, int]:
    """Run a service; put its refusal on the form. Returns (ok, result, status for re-render)."""
    try:
        return True, call(), 200
    except ValidationError as exc:
        form_apply_errors(form, exc)
        return False, None, 400
    except ApplicationError as exc:
        form_apply_errors(form, exc)
        return False, None, 409


def _back(inspection: Inspection, anchor: str = "") -> HttpResponseRedirect:
    url = reverse("inspections:detail", args=[inspection.pk])
    return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)


# --- lists ---------------------------------------------------------------------------------


@staff_page(Action.CASE_VIEW, post=Action.INSPECTION_PLAN)
@require_http_methods(["GET", "POST"])
def inspection_list_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    can_plan = user_can(user=user, action=Action.INSPECTION_PLAN)
    form = InspectionCreateForm(request.POST or None) if can_plan else None
    status = 200
    if request.method == "POST":
        assert form is not None
        if form.is_valid():
            establishment = form.cleaned_data["establishment"]
            try:
                ok, inspection, status = _attempt(
                    form,
                    lambda: svc.inspection_create(
                        establishment=establishment,
                        origin=form.cleaned_data["origin"],
                        origin_reference=form.cleaned_data["origin_reference"],
                        checklist=form.cleaned_data["checklist"],
                        scheduled_for=form.cleaned_data["scheduled_for"],
                        actor=user,
                    ),
                )
            except PermissionDenied as exc:
                # The service refuses establishments outside the planner's scope; say so on
                # the field the planner picked rather than on a bare 403 page.
                form.add_error("establishment", str(exc))
                ok = False
            if ok:
                messages.success(
                    request, _("Inspection %(ref)s planned.") % {"ref": inspection.reference}
                )
                return _back(inspection)
        status = 400
    filters: sel.InspectionFilters = {}
    if (s := request.GET.get("status", "")) in Inspection.Status.values:
        filters["status"] = s
    if q := request.GET.get("q", "").strip()[:100]:
        filters["search"] = q
    page = Paginator(sel.inspection_list(user=user, filters=filters), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "inspections/list.html",
        {
            "page": page,
            "form": form,
            "statuses": Inspection.Status.choices,
            "status": filters.get("status", ""),
            "q": q,
        },
        status=status,
    )


@staff_page(Action.CASE_VIEW)
def my_inspections_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    mine = sel.inspection_list_mine(user=user)
    return render(request, "inspections/mine.html", {"mine": mine, "today": timezone.localdate()})


@staff_page(Action.ESTABLISHMENT_VIEW)
def establishment_history_view(request: StaffRequest, establishment_id: int) -> HttpResponse:
    establishment = (
        Establishment.objects.select_related("office", "employer")
        .filter(pk=establishment_id)
        .first()
    )
    if establishment is None:
        raise Http404
    history = sel.establishment_inspection_history(establishment=establishment)
    return render(request, "inspections/history.html", {"history": history})


@staff_page(Action.INSPECTION_ASSIGN)
def team_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    loads = sel.team_workload(user=user)
    peak = max([load.open_total for load in loads] + [1])
    campaigns = [
        (c, sel.campaign_progress(campaign=c))
        for c in sel.campaign_list().filter(status=Campaign.Status.ACTIVE)[:5]
    ]
    return render(
        request,
        "inspections/team.html",
        {
            "loads": loads,
            "peak": peak,
            "campaigns": campaigns,
            "recent": sel.recently_completed(user=user),
            "alerts": InspectionAlert.objects.select_related("inspection").filter(
                acknowledged_at=None, notified_user_ids__contains=[user.pk]
            )[:20],
        },
    )


# --- one inspection ------------------------------------------------------------------------


def _detail_context(request: HttpRequest, inspection: Inspection, **forms: Form) -> dict[str, Any]:
    user = _user(request)
    version = inspection.checklist_version
    sections = sel.checklist_version_sections(version=version) if version else []
    answers = sel.answers_by_code(inspection=inspection)
    values = {code: a.value for code, a in answers.items()}
    v = {"version": inspection.version}
    can_edit = sel.inspection_can(
        user=user, action=Action.CASE_EDIT, inspection=inspection
    ) and sel.inspection_is_assignee(user=user, inspection=inspection)
    questions = [q for s in sections for q in s.questions.all()]
    return {
        "inspection": inspection,
        "sections": sections,
        "answers": answers,
        "visible": {q.code: sel.question_visible(question=q, values=values) for q in questions},
        "authorisations": inspection.authorisations.select_related("signer", "document"),
        "valid_authorisation": sel.authorisation_valid(inspection=inspection),
        "assignments": sel.assignment_list(inspection=inspection),
        "findings": sel.finding_list(inspection=inspection),
        "evidence": sel.evidence_list(inspection=inspection),
        "corrections": sel.correction_list(inspection=inspection),
        "alerts": inspection.alerts.all(),
        "events": audit_event_list(
            filters={"subject_type": "inspections.inspection", "subject_id": str(inspection.pk)}
        ).order_by("id"),
        "can_authorise": user_can(
            user=user, action=Action.INSPECTION_AUTHORISE, office=inspection.office
        ),
        "can_assign": user_can(
            user=user, action=Action.INSPECTION_ASSIGN, office=inspection.office
        ),
        "can_edit": can_edit,
        "can_plan": user_can(user=user, action=Action.INSPECTION_PLAN, office=inspection.office),
        "assign_form": forms.get("assign_form") or AssignForm(initial=v, office=inspection.office),
        "start_form": forms.get("start_form")
        or VisitStartForm(
            initial={**v, "arrived_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")}
        ),
        "refuse_form": forms.get("refuse_form") or RefuseEntryForm(initial=v),
        "cancel_form": forms.get("cancel_form") or CancelForm(initial=v),
        "version_form": forms.get("version_form") or VersionForm(initial=v),
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        "correction_form": forms.get("correction_form") or CorrectionForm(questions=questions),
        "Status": Inspection.Status,
        "severities": Severity.choices,
    }


def _detail(
    request: HttpRequest, inspection: Inspection, status: int = 200, **forms: Form
) -> HttpResponse:
    inspection = sel.inspection_get(inspection_id=inspection.pk) or inspection
    return render(
        request,
        "inspections/detail.html",
        _detail_context(request, inspection, **forms),
        status=status,
    )


@login_required
def inspection_detail_view(request: HttpRequest, inspection_id: int) -> HttpResponse:
    return _detail(request, _inspection(request, inspection_id))


@login_required
@require_POST
def inspection_authorise_view(request: HttpRequest, inspection_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id)
    form = VersionForm(request.POST)
    if form.is_valid():
        ok, auth, status = _attempt(
            form,
            lambda: svc.authorisation_issue(
                inspection=inspection,
                signer=_user(request),
                expected_version=form.cleaned_data["version"],
                actor=_user(request),
            ),
        )
        if ok:
            messages.success(request, _("Order %(number)s signed.") % {"number": auth.number})
            return _back(inspection, "authorisation")
        return _detail(request, inspection, status, version_form=form)
    return _detail(request, inspection, 400, version_form=form)


@login_required
@require_POST
def inspection_assign_view(request: HttpRequest, inspection_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id)
    form = AssignForm(request.POST, office=inspection.office)
    if form.is_valid():
        data = form.cleaned_data
        ok, assignment, status = _attempt(
            form,
            lambda: svc.inspection_assign(
                inspection=inspection,
                method=data["method"],
                reason=data["reason"],
                assignee=data["assignee"],
                expected_version=data["version"],
                actor=_user(request),
            ),
        )
        if ok:
            messages.success(
                request,
                _("Assigned to %(name)s.")
                % {"name": assignment.assignee.get_full_name() or assignment.assignee.username},
            )
            return _back(inspection, "assignment")
        return _detail(request, inspection, status, assign_form=form)
    return _detail(request, inspection, 400, assign_form=form)


@login_required
def assignment_replay_view(
    request: HttpRequest, inspection_id: int, assignment_id: int
) -> HttpResponse:
    inspection = _inspection(request, inspection_id)
    assignment = sel.assignment_list(inspection=inspection).filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404
    replayed = sel.assignment_replay(assignment=assignment)
    chosen = User.objects.filter(pk=replayed).first() if replayed else None
    return render(
        request,
        "inspections/replay.html",
        {
            "inspection": inspection,
            "assignment": assignment,
            "replayed": chosen,
            "matches": replayed == assignment.assignee_id,
        },
    )


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


@login_required
def pack_view(request: HttpRequest, inspection_id: int) -> HttpResponse:
    """Everything to take on the visit, laid out for printing."""
    inspection = _inspection(request, inspection_id)
    history = sel.establishment_inspection_history(establishment=inspection.establishment, limit=10)
    sections = (
        sel.checklist_version_sections(version=inspection.checklist_version)
        if inspection.checklist_version
        else []
    )
    return render(
        request,
        "inspections/pack.html",
        {
            "inspection": inspection,
            "history": history,
            "sections": sections,
            "authorisation": sel.authorisation_valid(inspection=inspection),
        },
    )


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


# --- campaigns -----------------------------------------------------------------------------


@staff_page(Action.CASE_VIEW, post=Action.INSPECTION_PLAN)
@require_http_methods(["GET", "POST"])
def campaign_list_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = CampaignForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            ok, campaign, status = _attempt(
                form, lambda: svc.campaign_create(actor=user, **form.cleaned_data)
            )
            if ok:
                return HttpResponseRedirect(reverse("inspections:campaign", args=[campaign.pk]))
        else:
            status = 400
    campaigns = [(c, sel.campaign_progress(campaign=c)) for c in sel.campaign_list()[:50]]
    return render(
        request,
        "inspections/campaigns.html",
        {
            "campaigns": campaigns,
            "form": form,
            "can_plan": user_can(user=user, action=Action.INSPECTION_PLAN),
        },
        status=status,
    )


@staff_page(Action.CASE_VIEW, post=Action.INSPECTION_PLAN)
@require_http_methods(["GET", "POST"])
def campaign_detail_view(request: StaffRequest, campaign_id: int) -> HttpResponse:
    user = request.user
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:
        raise Http404
    form: Form
    forms: dict[str, Form] = {
        "target_form": CampaignTargetForm(),
        "filter_form": CampaignFilterForm(),
        "import_form": CampaignImportForm(),
        "plan_form": CampaignPlanForm(),
    }
    status = 200
    if request.method == "POST":
        op = request.POST.get("op", "")
        call: Callable[[], Any] | None = None
        if op == "target":
            form = forms["target_form"] = CampaignTargetForm(request.POST)
            if form.is_valid():
                call = lambda: svc.campaign_target_set(  # noqa: E731
                    campaign=campaign, actor=user, **form.cleaned_data
                )
        elif op == "filter":
            form = forms["filter_form"] = CampaignFilterForm(request.POST)
            if form.is_valid():
                call = lambda: svc.campaign_add_by_filters(  # noqa: E731
                    campaign=campaign, actor=user, **form.cleaned_data
                )
        elif op == "import":
            form = forms["import_form"] = CampaignImportForm(request.POST)
            if form.is_valid():
                call = lambda: svc.campaign_import_list(  # noqa: E731
                    campaign=campaign, text=form.cleaned_data["numbers"], actor=user
                )
        elif op == "plan":
            form = forms["plan_form"] = CampaignPlanForm(request.POST)
            if form.is_valid():
                call = lambda: svc.campaign_plan_inspections(  # noqa: E731
                    campaign=campaign, checklist=form.cleaned_data["checklist"], actor=user
                )
        if call is not None:
            ok, _result, status = _attempt(form, call)
            if ok:
                messages.success(request, _("Saved."))
                return HttpResponseRedirect(request.path)
        else:
            status = 400
    return render(
        request,
        "inspections/campaign.html",
        {
            "campaign": campaign,
            "progress": sel.campaign_progress(campaign=campaign),
            "entries": campaign.entries.select_related("establishment")[:200],
            "entry_count": campaign.entries.count(),
            "can_plan": user_can(user=user, action=Action.INSPECTION_PLAN),
            **forms,
        },
        status=status,
    )
