"""One inspection's page and the supervisor's decisions on it."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.selectors import audit_event_list
from labourhub.inspections import selectors as sel
from labourhub.inspections import services as svc
from labourhub.inspections.access import _inspection, _user
from labourhub.inspections.forms import (
    AssignForm,
    CancelForm,
    CorrectionForm,
    EvidenceForm,
    RefuseEntryForm,
    VersionForm,
    VisitStartForm,
)
from labourhub.inspections.models import (
    Inspection,
    Severity,
)
from labourhub.inspections.views.common import Form, _attempt, _back

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
    # The complaint or accident it came from and the order its findings led to.
    from labourhub.connectors.selectors import inspection_worker_comparison
    from labourhub.enforcement.selectors import inspection_chain

    return {
        "inspection": inspection,
        "chain": inspection_chain(inspection=inspection, user=user),
        # Declared (payroll connector) against found on site.
        "workers": inspection_worker_comparison(inspection=inspection),
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
