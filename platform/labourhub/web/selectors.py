"""Reads for the staff shell: the home page's work queues, one set per role.

Each panel lists what the signed-in user has to act on, each row linking to the page where they
act. Reads come from the owning apps' selectors, so the row-level scope of every list is the one
those pages apply; each panel costs one or two bounded queries (a short slice, and a count only
when the slice is full).
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Model, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action, Role
from labourhub.accounts.selectors import (
    user_can,
    user_list_suspended,
    user_list_without_role,
    user_roles,
)
from labourhub.audit.models import AuditEvent
from labourhub.common.db import current_schema
from labourhub.extensions import current_hooks, flatten
from labourhub.extensions.types import HomePanel, HomeRow

LIMIT = 8
T = TypeVar("T", bound=Model)


def dashboard_counts(*, user: User) -> list[tuple[str, int]]:
    """Live figures for the dashboard; later modules add theirs through the plugin host."""
    week_ago = timezone.now() - dt.timedelta(days=7)
    counts = [
        (_("Active staff accounts"), User.objects.filter(is_active=True).count()),
        (_("Offices"), Office.objects.count()),
    ]
    if user_can(user=user, action=Action.AUDIT_VIEW):
        counts.append(
            (
                _("Recorded changes, last 7 days"),
                AuditEvent.objects.filter(occurred_at__gte=week_ago).count(),
            )
        )
    return counts


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    url: str
    width: int  # percent of the longest bar


@dataclass(frozen=True)
class Queue:
    """One panel of the home page. ``kind`` picks the markup: a list of rows to act on,
    a bar chart (``bars``) or key figures (rows whose ``detail`` is the value)."""

    code: str
    title: str
    empty: str
    rows: Sequence[HomeRow] = ()
    total: int = 0
    url: str = ""
    link_label: str = ""
    kind: str = "rows"
    bars: Sequence[Bar] = field(default_factory=tuple)


def _url(name: str, *args: Any) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _take(qs: QuerySet[T], limit: int = LIMIT) -> tuple[list[T], int]:
    """The first ``limit`` rows and the total; the count query runs only when the page is full."""
    rows = list(qs[:limit])
    return rows, (len(rows) if len(rows) < limit else qs.count())


def _when(value: dt.datetime) -> str:
    # The active zone is the ministry's (set per request by the locale middleware).
    return str(formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT"))


def _day(value: dt.date | None) -> str:
    return str(formats.date_format(value, "SHORT_DATE_FORMAT")) if value else ""


def _deadline_tag(due: dt.date | None, today: dt.date) -> tuple[str, str]:
    if due is None:
        return "", ""
    if due < today:
        return _("Overdue"), "red"
    if due == today:
        return _("Due today"), "orange"
    return _("Due soon"), "yellow"


# -- inspector --------------------------------------------------------------------------------


def _visits_today(user: User, today: dt.date) -> Queue:
    from labourhub.inspections.selectors import inspection_list_mine

    mine = inspection_list_mine(user=user, today=today)
    rows = [
        HomeRow(
            label=f"{i.reference} · {i.establishment.name}",
            url=_url("inspections:detail", i.pk),
            detail=i.office.name,
            tag=i.get_status_display(),
            tone="blue",
        )
        for i in mine.today
    ] + [
        HomeRow(
            label=f"{i.reference} · {i.establishment.name}",
            url=_url("inspections:detail", i.pk),
            detail=_("Planned for %(day)s") % {"day": _day(i.scheduled_for)},
            tag=_("Late"),
            tone="red",
        )
        for i in mine.overdue
    ]
    return Queue(
        "visits_today",
        _("Today's visits"),
        _("No visit is planned for you today. Your week is on “My inspections”."),
        rows=rows[:LIMIT],
        total=len(rows),
        url=_url("inspections:mine"),
        link_label=_("All my inspections"),
    )


def _drafts(user: User, today: dt.date) -> Queue:
    from labourhub.inspections.models import Inspection
    from labourhub.inspections.selectors import inspection_list

    qs = inspection_list(
        user=user, filters={"status": Inspection.Status.IN_PROGRESS, "inspector_id": user.pk}
    ).order_by("arrived_at", "id")
    found, total = _take(qs)
    return Queue(
        "drafts",
        _("Visit reports not submitted"),
        _("Every visit you started has been submitted."),
        rows=[
            HomeRow(
                label=f"{i.reference} · {i.establishment.name}",
                url=_url("inspections:detail", i.pk),
                detail=(
                    _("Started %(when)s") % {"when": _when(i.arrived_at)} if i.arrived_at else ""
                ),
                tag=_("Draft"),
                tone="grey",
            )
            for i in found
        ],
        total=total,
        url=_url("inspections:mine"),
        link_label=_("All my inspections"),
    )


def _case_rows(cases: Sequence[Any], today: dt.date) -> list[HomeRow]:
    rows = []
    for case in cases:
        tag, tone = _deadline_tag(case.next_due_on, today)
        rows.append(
            HomeRow(
                label=f"{case.reference} · {case.title}",
                url=_url("workflow:case-detail", case.pk),
                detail=_("Next deadline %(day)s") % {"day": _day(case.next_due_on)},
                tag=tag,
                tone=tone,
            )
        )
    return rows


def _my_deadlines(user: User, today: dt.date) -> Queue:
    from labourhub.workflow.selectors import case_list

    qs = case_list(user=user, filters={"mine": True}, today=today).filter(
        next_due_on__lte=today + dt.timedelta(days=7)
    )
    found, total = _take(qs)
    return Queue(
        "deadlines",
        _("Deadlines in the next 7 days"),
        _("None of your cases has a deadline in the next 7 days."),
        rows=_case_rows(found, today),
        total=total,
        url=_url("workflow:case-list") + "?mine=1",
        link_label=_("All my cases"),
    )


def _legal_deadlines(user: User, today: dt.date) -> Queue:
    from labourhub.workflow.selectors import case_list

    qs = case_list(user=user, filters={}, today=today).filter(
        next_due_on__lte=today + dt.timedelta(days=14)
    )
    found, total = _take(qs)
    return Queue(
        "legal_deadlines",
        _("Legal deadlines in the next 14 days"),
        _("No case you follow has a legal deadline in the next 14 days."),
        rows=_case_rows(found, today),
        total=total,
        url=_url("workflow:case-list"),
        link_label=_("All cases"),
    )


def _alerts(user: User, today: dt.date) -> Queue:
    from labourhub.inspections.selectors.alerts import inspection_alerts_unread
    from labourhub.workflow.selectors import alert_unread_count, alert_unread_list

    safety = list(
        inspection_alerts_unread(user=user)
        .select_related("inspection__establishment")
        .order_by("-created_at")[:LIMIT]
    )
    deadline = list(alert_unread_list(user=user)[:LIMIT])
    rows = [
        HomeRow(
            label=f"{a.inspection.reference} · {a.inspection.establishment.name}",
            url=_url("inspections:detail", a.inspection_id),
            detail=_when(a.created_at),
            tag=a.get_kind_display(),
            tone="red",
        )
        for a in safety
    ] + [
        HomeRow(
            label=f"{a.case.reference} · {_(a.deadline.label)}",
            url=_url("workflow:case-detail", a.case_id),
            detail=_when(a.created_at),
            tag=a.get_kind_display(),
            tone="red" if a.kind in ("expired", "escalation") else "yellow",
        )
        for a in deadline
    ]
    total = len(rows) if len(safety) < LIMIT and len(deadline) < LIMIT else None
    return Queue(
        "alerts",
        _("Unread alerts"),
        _("No unread alert."),
        rows=rows[:LIMIT],
        total=total if total is not None else alert_unread_count(user=user),
        url=_url("workflow:alerts"),
        link_label=_("All alerts"),
    )


# -- supervisor, office head, director, authorising official ------------------------------------


def _inspection_waiting(inspection: Any, tag: str) -> HomeRow:
    return HomeRow(
        label=f"{inspection.reference} · {inspection.establishment.name}",
        url=_url("inspections:detail", inspection.pk),
        detail=inspection.get_origin_display(),
        tag=tag,
        tone="blue",
    )


def _approvals(user: User, today: dt.date) -> Queue:
    from labourhub.enforcement.selectors import order_proposal_queue
    from labourhub.inspections.models import Inspection
    from labourhub.inspections.selectors import inspection_list, procedure_get
    from labourhub.workflow.selectors import case_decisions_waiting

    rows: list[HomeRow] = []
    total = 0
    if user_can(user=user, action=Action.CASE_SUPERVISE):
        proposals, n = _take(order_proposal_queue(user=user))
        total += n
        rows += [
            HomeRow(
                label=f"{p.inspection.reference} · {p.inspection.establishment.name}",
                url=_url("inspections:detail", p.inspection_id),
                detail=_("Proposed %(when)s") % {"when": _when(p.created_at)},
                tag=_("Order to confirm"),
                tone="yellow",
            )
            for p in proposals
        ]
    needs_authorisation = procedure_get().require_authorisation
    if needs_authorisation and user_can(user=user, action=Action.INSPECTION_AUTHORISE):
        to_authorise, n = _take(
            inspection_list(user=user, filters={"status": Inspection.Status.PLANNED})
        )
        total += n
        rows += [_inspection_waiting(i, _("To authorise")) for i in to_authorise]
    if user_can(user=user, action=Action.INSPECTION_ASSIGN):
        ready = Inspection.Status.AUTHORISED if needs_authorisation else Inspection.Status.PLANNED
        to_assign, n = _take(
            inspection_list(user=user, filters={"status": ready}).filter(inspector__isnull=True)
        )
        total += n
        rows += [_inspection_waiting(i, _("To assign")) for i in to_assign]
    if user_can(user=user, action=Action.SANCTION_DECIDE):
        decisions, n = _take(case_decisions_waiting(user=user))
        total += n
        rows += [
            HomeRow(
                label=f"{c.reference} · {c.title}",
                url=_url("workflow:case-detail", c.pk),
                detail=_("Next deadline %(day)s") % {"day": _day(c.next_due_on)},
                tag=_("Decision to take"),
                tone="yellow",
            )
            for c in decisions
        ]
    return Queue(
        "approvals",
        _("Waiting for your decision"),
        _("Nothing is waiting for your approval."),
        rows=rows[: LIMIT * 2],
        total=total,
    )


def _workload(user: User, today: dt.date) -> Queue:
    from labourhub.inspections.selectors import team_workload

    if not user_can(user=user, action=Action.INSPECTION_ASSIGN):
        return Queue("workload", _("Team workload"), _("You do not assign inspections."))
    loads = team_workload(user=user)[:20]
    longest = max((load.open_total for load in loads), default=0) or 1
    bars = [
        Bar(
            label=load.inspector.get_full_name() or load.inspector.get_username(),
            value=load.open_total,
            url=_url("inspections:list") + f"?inspector_id={load.inspector.pk}",
            width=round(100 * load.open_total / longest),
        )
        for load in loads
    ]
    return Queue(
        "workload",
        _("Team workload: open inspections per inspector"),
        _("No inspector works in your office yet."),
        total=sum(b.value for b in bars),
        url=_url("inspections:team"),
        link_label=_("Team page"),
        kind="bars",
        bars=bars,
    )


def _overdue(user: User, today: dt.date) -> Queue:
    from labourhub.workflow.selectors import case_overdue_board

    found, total = _take(case_overdue_board(user=user, today=today))
    rows = []
    for case in found:
        late = (today - case.next_due_on).days if case.next_due_on else 0
        who = (
            case.assigned_to.get_full_name() or case.assigned_to.get_username()
            if (case.assigned_to)
            else _("Unassigned")
        )
        rows.append(
            HomeRow(
                label=f"{case.reference} · {case.title}",
                url=_url("workflow:case-detail", case.pk),
                detail=str(who),
                tag=ngettext("%(n)d day late", "%(n)d days late", late) % {"n": late},
                tone="red",
            )
        )
    return Queue(
        "overdue",
        _("Overdue"),
        _("No case is past its deadline."),
        rows=rows,
        total=total,
        url=_url("workflow:overdue"),
        link_label=_("Overdue board"),
    )


# -- legal officer ----------------------------------------------------------------------------


def _hearings(user: User, today: dt.date) -> Queue:
    from labourhub.enforcement.selectors import hearing_upcoming

    found, total = _take(hearing_upcoming(user=user, since=timezone.now()))
    return Queue(
        "hearings",
        _("Hearings in the next 14 days"),
        _("No hearing is scheduled in the next 14 days."),
        rows=[
            HomeRow(
                label=f"{h.case.reference} · {h.case.title}",
                url=_url("enforcement:hearing", h.case_id),
                detail=f"{_when(h.starts_at)} · {h.room}",
                tag=_("Yours") if h.officer_id == user.pk else "",
                tone="blue",
            )
            for h in found
        ],
        total=total,
    )


# -- clerk ------------------------------------------------------------------------------------


def _new_complaints(user: User, today: dt.date) -> Queue:
    from labourhub.complaints.selectors import complaint_list

    found, total = _take(
        complaint_list(user=user).filter(case__state="received", case__closed_at=None)
    )
    return Queue(
        "new_complaints",
        _("New complaints to register and triage"),
        _("No new complaint is waiting."),
        rows=[
            HomeRow(
                label=f"{c.case.reference} · {c.subject}",
                url=_url("complaints:detail", c.pk),
                detail=_when(c.created_at),
                tag=c.get_channel_display(),
                tone="blue" if c.channel == "portal" else "grey",
            )
            for c in found
        ],
        total=total,
        url=_url("complaints:list"),
        link_label=_("All complaints"),
    )


def _submissions(user: User, today: dt.date) -> Queue:
    from labourhub.portal.selectors import submission_review_queue

    if not user_can(user=user, action=Action.PORTAL_ACCOUNT_VERIFY):
        return Queue("submissions", _("Portal submissions"), _("Nothing to review."))
    found, total = _take(submission_review_queue())
    return Queue(
        "submissions",
        _("Establishment submissions from the portal"),
        _("No establishment submission is waiting for review."),
        rows=[
            HomeRow(
                label=str(s),
                url=_url("portal-staff:submission", s.pk),
                detail=_when(s.created_at),
                tag=_("To review"),
                tone="yellow",
            )
            for s in found
        ],
        total=total,
        url=_url("portal-staff:submission-queue"),
        link_label=_("All submissions"),
    )


def _evidence(account: Any) -> int:
    return int(getattr(account, "evidence_count", 0))


def _accounts_to_verify(user: User, today: dt.date) -> Queue:
    from labourhub.portal.selectors import portal_account_review_queue

    if not user_can(user=user, action=Action.PORTAL_ACCOUNT_VERIFY):
        return Queue("accounts", _("Portal accounts to verify"), _("Nothing to verify."))
    found, total = _take(portal_account_review_queue())
    return Queue(
        "accounts",
        _("Portal accounts to verify"),
        _("No employer account is waiting for verification."),
        rows=[
            HomeRow(
                label=a.user.get_full_name() or a.user.get_username(),
                url=_url("portal-staff:account", a.pk),
                detail=_when(a.created_at),
                tag=ngettext("%(n)d document", "%(n)d documents", _evidence(a))
                % {"n": _evidence(a)},
                tone="grey",
            )
            for a in found
        ],
        total=total,
        url=_url("portal-staff:account-queue"),
        link_label=_("All accounts to verify"),
    )


# -- director, analyst ------------------------------------------------------------------------

KEY_INDICATORS = ("inspections_done", "coverage", "complaints_received", "orders_in_time")


def _format(value: Decimal | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit in ("percent", "rate"):
        return f"{formats.number_format(value, 1, use_l10n=True)} %"
    return str(formats.number_format(value, 0, use_l10n=True, force_grouping=True))


def _indicators(user: User, today: dt.date) -> Queue:
    from labourhub.analytics.indicators import INDICATOR_BY_CODE
    from labourhub.analytics.selectors import (
        Filters,
        dashboard_scope,
        dashboard_snapshot,
        default_period,
        indicator_value,
    )

    if not user_can(user=user, action=Action.DASHBOARD_VIEW):
        return Queue("indicators", _("Key indicators"), _("Your role has no indicators."))
    start, end = default_period(today)
    f = dashboard_scope(user=user, filters=Filters(start=start, end=end))
    chosen = [INDICATOR_BY_CODE[c] for c in KEY_INDICATORS if c in INDICATOR_BY_CODE]
    snap = dashboard_snapshot(chosen, f)
    rows = [
        HomeRow(
            label=str(i.label),
            url=_url("analytics:drill", i.code),
            detail=_format(indicator_value(i, f, snap), i.unit),
        )
        for i in chosen
    ]
    return Queue(
        "indicators",
        _("Key indicators since %(day)s") % {"day": _day(start)},
        _("No figures yet: the summaries are refreshed every night."),
        rows=rows,
        total=len(rows),
        url=_url("analytics:dashboard"),
        link_label=_("All indicators"),
        kind="figures",
    )


# -- system administrator ---------------------------------------------------------------------


def _locked_usernames(limit: int) -> list[tuple[str, dt.datetime]]:
    from axes.models import AccessAttempt

    since = timezone.now() - dt.timedelta(hours=float(settings.AXES_COOLOFF_TIME))
    return list(
        AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
        )
        .order_by("-attempt_time")
        .values_list("username", "attempt_time")[:limit]
    )


def _users(user: User, today: dt.date) -> Queue:
    cooloff = dt.timedelta(hours=float(settings.AXES_COOLOFF_TIME))
    users_url = _url("web:user-list")
    rows = [
        HomeRow(
            label=str(username or "—"),
            url=users_url + f"?q={username}" if username else users_url,
            detail=_("Signs in again after %(when)s") % {"when": _when(at + cooloff)},
            tag=_("Locked"),
            tone="red",
        )
        for username, at in _locked_usernames(LIMIT)
    ]
    found, pending = _take(user_list_without_role())
    rows += [
        HomeRow(
            label=u.get_username(),
            url=users_url + f"?q={u.get_username()}",
            detail=u.get_full_name(),
            tag=_("No role yet"),
            tone="yellow",
        )
        for u in found
    ]
    suspended, n_suspended = _take(user_list_suspended())
    rows += [
        HomeRow(
            label=u.get_username(),
            url=users_url + f"?q={u.get_username()}",
            detail=u.get_full_name(),
            tag=_("Suspended"),
            tone="grey",
        )
        for u in suspended
    ]
    return Queue(
        "users",
        _("Accounts needing attention"),
        _("No account is locked, suspended or waiting for a role."),
        rows=rows,
        total=len(rows) - len(found) - len(suspended) + pending + n_suspended,
        url=users_url,
        link_label=_("All users"),
    )


SETTINGS_LINKS: tuple[tuple[str, str, Action], ...] = (
    ("workflow:calendar", gettext_noop("Holidays and closure days"), Action.CALENDAR_MANAGE),
    ("documents:templates", gettext_noop("Letter templates"), Action.DOCUMENT_TEMPLATE_MANAGE),
    ("inspections:checklists", gettext_noop("Inspection checklists"), Action.CHECKLIST_MANAGE),
    ("inspections:alert-routing", gettext_noop("Who receives safety alerts"), Action.USER_MANAGE),
    ("offline:settings", gettext_noop("Offline inspections"), Action.CALENDAR_MANAGE),
    ("extensions-ministry-plugins", gettext_noop("Plugins"), Action.PLUGIN_MANAGE),
    ("connectors:source-list", gettext_noop("Connectors"), Action.USER_MANAGE),
    ("interop:partner-list", gettext_noop("Partner systems"), Action.USER_MANAGE),
)


def _settings(user: User, today: dt.date) -> Queue:
    rows = [
        HomeRow(label=_(label), url=url)
        for name, label, action in SETTINGS_LINKS
        if user_can(user=user, action=action) and (url := _url(name))
    ]
    return Queue(
        "settings",
        _("Ministry settings"),
        _("Your role changes no settings."),
        rows=rows,
        total=len(rows),
        kind="links",
    )


# -- the roles' queues ------------------------------------------------------------------------

Builder = Callable[[User, dt.date], Queue]

ROLE_QUEUES: dict[Role, tuple[Builder, ...]] = {
    Role.INSPECTOR: (_visits_today, _drafts, _my_deadlines, _alerts),
    Role.OSH_ENGINEER: (_visits_today, _drafts, _my_deadlines, _alerts),
    Role.SUPERVISOR: (_approvals, _workload, _overdue, _alerts),
    Role.OFFICE_HEAD: (_approvals, _workload, _overdue, _alerts),
    Role.LEGAL_OFFICER: (_hearings, _legal_deadlines, _approvals, _alerts),
    Role.CLERK: (_new_complaints, _submissions, _accounts_to_verify),
    Role.DIRECTOR: (_approvals, _indicators, _overdue),
    Role.AUTHORISING_OFFICIAL: (_approvals, _indicators),
    Role.ANALYST: (_indicators,),
    Role.SYSTEM_ADMIN: (_users, _settings),
    Role.OCCUPATIONAL_PHYSICIAN: (_alerts,),
}


def _plugin_queues(user: User, roles: Sequence[Role]) -> list[Queue]:
    from django.db import connection

    panels: list[HomePanel] = flatten(
        current_hooks().register_home_panels(tenant=getattr(connection, "tenant", None), user=user)
    )
    out = []
    for panel in panels:
        if panel.roles and not set(panel.roles) & {str(r) for r in roles}:
            continue
        if panel.action is not None and not user_can(user=user, action=panel.action):
            continue
        rows = list(panel.rows(user))
        out.append(
            Queue(
                panel.code,
                str(panel.title),
                str(panel.empty) or _("Nothing to do here."),
                rows=rows[: panel.limit],
                total=len(rows),
                url=panel.url,
                link_label=_("See all") if panel.url else "",
            )
        )
    return out


def home_queues(*, user: User) -> list[Queue]:
    """The panels of ``user``'s home page, in the order of their roles' lists, each once."""
    if current_schema() == "public":
        return []
    roles = user_roles(user=user)
    builders: list[Builder] = []
    for role in roles:
        for builder in ROLE_QUEUES.get(role, ()):
            if builder not in builders:
                builders.append(builder)
    from labourhub.workflow.services import ministry_today

    today = ministry_today()
    return [build(user, today) for build in builders] + _plugin_queues(user, roles)
