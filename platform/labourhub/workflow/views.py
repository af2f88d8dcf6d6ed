from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from labourhub.accounts.permissions import StaffRequest, request_user, staff_page
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.common.exceptions import ApplicationError
from labourhub.common.forms import error_text, form_apply_errors
from labourhub.web.tables import table_sort, table_sorted
from labourhub.workflow.display import ProcedureWords, label_text
from labourhub.workflow.exports import case_export_lines
from labourhub.workflow.fields import case_extra_display
from labourhub.workflow.forms import (
    CalendarDayForm,
    CaseFilterForm,
    DigestForm,
    GazetteForm,
    StepForm,
)
from labourhub.workflow.models import CalendarDay, DigestPreference
from labourhub.workflow.selectors import (
    alert_list,
    calendar_day_list,
    calendar_next_year_missing,
    case_deadlines,
    case_get,
    case_list,
    case_next_actions,
    case_overdue_board,
    case_timeline,
    national_holiday_declined_list,
    traffic_light,
)
from labourhub.workflow.services import (
    CALENDAR_REFUSED,
    alert_mark_read,
    calendar_day_add,
    calendar_day_remove,
    calendar_holidays_import,
    digest_preference_set,
    ministry_today,
)
from labourhub.workflow.steps import StepInput, case_panels, case_step

PER_PAGE = 50
# Columns the case list sorts by (address key -> fields, ascending).
CASE_COLUMNS = {
    "reference": ("reference",),
    "title": ("title",),
    "due": ("next_due_on",),
    "assigned": ("assigned_to__username",),
}
# One byte over the service's limit is enough for it to refuse a huge file; never read it all.
GAZETTE_READ_LIMIT = 64 * 1024 + 1


@staff_page(Action.CASE_VIEW)
def case_export_view(request: StaffRequest) -> HttpResponse:
    """The filtered case list as CSV, with the plugins' case fields as extra columns.

    Built before the response is returned, not streamed: a lazy body would run its queries
    after the request, on whatever schema the connection is on by then.
    """
    user = request.user
    form = CaseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    body = "".join(case_export_lines(user=user, filters=filters, today=ministry_today()))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cases.csv"'
    return response


@staff_page(Action.CASE_VIEW)
def case_list_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = CaseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    today = ministry_today()
    try:
        number = min(max(int(request.GET.get("page", "1")), 1), 10_000)
    except ValueError:
        number = 1
    # No COUNT(*): at 100,000 open cases it cost more than the page itself; one extra row
    # tells whether there is a next page.
    offset = (number - 1) * PER_PAGE
    sort = table_sort(request.GET, CASE_COLUMNS, "due")
    cases = table_sorted(case_list(user=user, filters=filters, today=today), sort)
    rows = list(cases[offset : offset + PER_PAGE + 1])
    has_next, rows = len(rows) > PER_PAGE, rows[:PER_PAGE]
    for case in rows:
        case.light = traffic_light(  # type: ignore[attr-defined]
            next_due_on=case.next_due_on, next_warn_on=case.next_warn_on, today=today
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "workflow/case_list.html",
        {
            "form": form,
            "cases": rows,
            "today": today,
            "number": number,
            "has_next": has_next,
            "query": query.urlencode(),
            "sort": sort.key,
        },
    )


@staff_page(Action.CASE_VIEW)
@require_http_methods(["GET", "POST"])
def case_detail_view(request: StaffRequest, case_id: int) -> HttpResponse:
    user = request.user
    case = case_get(user=user, case_id=case_id)
    if case is None:
        raise Http404
    proc, actions = case_next_actions(case=case, user=user)
    form = StepForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            name = form.cleaned_data["transition"]
            step = proc.transition(name) if proc else None
            data = StepInput(
                note=form.cleaned_data["note"],
                documents=form.documents(step.required_documents if step else ()),
                amount=form.cleaned_data["amount"],
                days=form.cleaned_data["days"],
                choice=form.cleaned_data["choice"],
                override_reason=form.cleaned_data["override_reason"],
            )
            try:
                case_step(case=case, transition=name, actor=user, data=data)
            except (ApplicationError, ValidationError) as exc:
                messages.error(request, error_text(exc))
            else:
                messages.success(
                    request,
                    _("Done: %(step)s.") % {"step": label_text(step.label) if step else name},
                )
                return HttpResponseRedirect(reverse("workflow:case-detail", args=[case.pk]))
        else:
            messages.error(request, _("Please correct the errors below."))
    today = ministry_today()
    return render(
        request,
        "workflow/case_detail.html",
        {
            "case": case,
            "procedure": proc,
            "actions": actions,
            "form": form,
            "state_label": ProcedureWords().state_text(case.procedure, case.state),
            "timeline": case_timeline(case=case),
            "deadlines": case_deadlines(case=case),
            "light": traffic_light(
                next_due_on=case.next_due_on, next_warn_on=case.next_warn_on, today=today
            ),
            "today": today,
            "can_override": user_can(
                user=user, action=Action.LEGAL_PERIOD_OVERRIDE, office=case.office
            ),
            "panels": case_panels(case=case, user=user),
            "extra_fields": case_extra_display(case.extra),
        },
    )


@staff_page(Action.CASE_SUPERVISE)
def overdue_board_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    today = ministry_today()
    cases = list(case_overdue_board(user=user, today=today)[:500])
    by_owner: dict[str, int] = {}
    for case in cases:
        case.days_late = (today - case.next_due_on).days  # type: ignore[attr-defined, operator]
        key = str(case.assigned_to or _("Unassigned"))
        by_owner[key] = by_owner.get(key, 0) + 1
    peak = max(by_owner.values(), default=1)
    chart = [
        (owner, n, round(100 * n / peak))
        for owner, n in sorted(by_owner.items(), key=lambda kv: -kv[1])
    ]
    return render(request, "workflow/overdue.html", {"cases": cases, "chart": chart})


@staff_page(Action.CASE_VIEW, post=Action.CALENDAR_MANAGE, message=CALENDAR_REFUSED)
@require_http_methods(["GET", "POST"])
def calendar_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    can_edit = user_can(user=user, action=Action.CALENDAR_MANAGE)
    gazette = request.method == "POST" and "gazette" in request.POST
    form = CalendarDayForm(request.POST if request.method == "POST" and not gazette else None)
    gazette_form = GazetteForm(request.POST, request.FILES) if gazette else GazetteForm()
    if gazette and gazette_form.is_valid():
        upload = gazette_form.cleaned_data["file"]
        try:
            added, moved = calendar_holidays_import(
                data=upload.read(GAZETTE_READ_LIMIT), source=upload.name, actor=user
            )
        except ValidationError as exc:
            form_apply_errors(gazette_form, exc)
        else:
            messages.success(
                request,
                _("%(a)d holidays loaded. %(n)d open deadlines moved.") % {"a": added, "n": moved},
            )
            return HttpResponseRedirect(reverse("workflow:calendar"))
    if not gazette and request.method == "POST" and form.is_valid():
        try:
            _day, moved = calendar_day_add(actor=user, **form.cleaned_data)
        except ValidationError as exc:
            form_apply_errors(form, exc)
        else:
            messages.success(request, _("Added. %(n)d open deadlines moved.") % {"n": moved})
            return HttpResponseRedirect(reverse("workflow:calendar"))
    return render(
        request,
        "workflow/calendar.html",
        {
            "days": calendar_day_list(),
            "declined": national_holiday_declined_list(),
            "form": form,
            "gazette_form": gazette_form,
            "missing_year": calendar_next_year_missing(today=ministry_today()),
            "can_edit": can_edit,
            "working_week": getattr(request.tenant, "working_week", []),  # type: ignore[attr-defined]
        },
    )


@staff_page(Action.CALENDAR_MANAGE)
@require_POST
def calendar_remove_view(request: StaffRequest, day_id: int) -> HttpResponse:
    user = request.user
    day = get_object_or_404(CalendarDay, pk=day_id)
    moved = calendar_day_remove(day=day, actor=user)
    messages.success(request, _("Removed. %(n)d open deadlines moved.") % {"n": moved})
    return HttpResponseRedirect(reverse("workflow:calendar"))


@login_required
@require_http_methods(["GET", "POST"])
def alert_list_view(request: HttpRequest) -> HttpResponse:
    from labourhub.inspections.selectors.alerts import inspection_alerts_for

    user = request_user(request)
    pref = DigestPreference.objects.filter(user=user).first()
    digest_form = DigestForm(
        request.POST if "hour" in request.POST else None,
        initial={"daily": pref.daily, "hour": pref.hour} if pref else None,
    )
    if digest_form.is_bound:
        if digest_form.is_valid():
            try:
                digest_preference_set(
                    user=user,
                    daily=digest_form.cleaned_data["daily"],
                    hour=digest_form.cleaned_data["hour"],
                    actor=user,
                )
            except ValidationError as exc:
                form_apply_errors(digest_form, exc)
            else:
                messages.success(request, _("Saved: your e-mail digest."))
                return HttpResponseRedirect(reverse("workflow:alerts"))
    elif request.method == "POST":
        alert_mark_read(user=user)
        return HttpResponseRedirect(reverse("workflow:alerts"))
    page = Paginator(alert_list(user=user), 50).get_page(request.GET.get("page"))
    safety = list(inspection_alerts_for(user=user)[:50])
    return render(
        request,
        "workflow/alerts.html",
        {"page": page, "safety_alerts": safety, "digest_form": digest_form},
        status=400 if digest_form.errors else 200,
    )
