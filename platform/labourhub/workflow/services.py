"""Every change to a case, its deadlines, the calendar and alerts goes through here (R5)."""

import datetime as dt
import uuid
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import Office, User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.registry.models import Establishment
from labourhub.workflow.calendar import MinistryCalendar, calendar_current
from labourhub.workflow.fields import case_extra_clean
from labourhub.workflow.models import Alert, CalendarDay, Case, CaseEvent, Deadline, ProcedureConfig
from labourhub.workflow.procedures import Procedure, TimeLimit, procedure_from_dict, procedure_get

Actor = User | AnonymousUser | None
CALENDAR_REFUSED = gettext_noop("Your role does not allow changing the calendar.")
NOT_ALLOWED = gettext_noop("Your role does not allow “%(action)s” on this case.")


def ministry_today() -> dt.date:
    """Today in the ministry's own time zone: legal days start at local midnight."""
    tz_name = getattr(getattr(connection, "tenant", None), "time_zone", None) or "UTC"
    try:
        tz = zoneinfo.ZoneInfo(tz_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = zoneinfo.ZoneInfo("UTC")
    return timezone.now().astimezone(tz).date()


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) else None


def _hooks_after_commit(name: str, **kwargs: Any) -> None:
    from labourhub.extensions import current_hooks

    tenant = getattr(connection, "tenant", None)
    transaction.on_commit(lambda: getattr(current_hooks(), name)(tenant=tenant, **kwargs))


def _procedure(code: str) -> Procedure:
    proc = procedure_get(code)
    if proc is None:
        raise ApplicationError(_("Unknown procedure “%(code)s”.") % {"code": code})
    return proc


# -- deadlines ---------------------------------------------------------------------------------


def _dates_for(
    *,
    cal: MinistryCalendar,
    start_on: dt.date,
    amount: int,
    unit: str,
    warn_before: int,
    escalate_after: int,
) -> tuple[dt.date, dt.date, dt.date | None]:
    due = cal.add(start_on, amount, unit)
    warn = cal.subtract_working_days(due, warn_before) if warn_before else due
    escalate = cal.add(due, escalate_after, "working_days") if escalate_after else None
    return due, warn, escalate


def _deadline_start(
    *,
    case: Case,
    limit: TimeLimit,
    start_on: dt.date,
    cal: MinistryCalendar,
    amount: int | None = None,
) -> Deadline:
    amount = limit.amount if amount is None else amount
    due, warn, escalate = _dates_for(
        cal=cal,
        start_on=start_on,
        amount=amount,
        unit=limit.unit,
        warn_before=limit.warn_before,
        escalate_after=limit.escalate_after,
    )
    return Deadline.objects.create(
        case=case,
        code=limit.code,
        label=limit.label,
        amount=amount,
        unit=limit.unit,
        start_on=start_on,
        due_on=due,
        warn_on=warn,
        escalate_on=escalate,
    )


def _case_refresh_next(case_ids: Iterable[int]) -> None:
    ids = list(case_ids)
    rows = {
        r["case_id"]: r
        for r in Deadline.objects.filter(case_id__in=ids, status=Deadline.Status.OPEN)
        .values("case_id")
        .annotate(due=Min("due_on"), warn=Min("warn_on"))
    }
    for case_id in ids:
        row = rows.get(case_id)
        Case.objects.filter(pk=case_id).update(
            next_due_on=row["due"] if row else None, next_warn_on=row["warn"] if row else None
        )


def _event(
    *,
    case: Case,
    actor: Actor,
    kind: str,
    text: str = "",
    from_state: str = "",
    to_state: str = "",
    documents: list[dict[str, Any]] | None = None,
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        at=timezone.now(),
        actor=_user(actor),
        kind=kind,
        text=text,
        from_state=from_state,
        to_state=to_state,
        documents=documents or [],
    )


# -- cases -------------------------------------------------------------------------------------


@transaction.atomic
def case_open(
    *,
    procedure: str,
    title: str,
    office: Office,
    actor: Actor,
    establishment: Establishment | None = None,
    assigned_to: User | None = None,
    supervisor: User | None = None,
    start_on: dt.date | None = None,
    limits: dict[str, int] | None = None,
    note: str = "",
    permission: Action = Action.CASE_EDIT,
    extra: dict[str, Any] | None = None,
) -> Case:
    """Open a case in its procedure's initial state and start the initial legal time limits.

    ``actor=None`` is the portal or the system; a staff actor needs ``case.edit`` on ``office``.
    ``extra`` holds the values of the plugins' case fields, validated by each field's ``clean``.
    """
    proc = _procedure(procedure)
    cleaned_extra = case_extra_clean(extra) if extra is not None else {}
    user = _user(actor)
    if user is not None and not user_can(
        user=user,
        action=permission,
        office=office,
        owner_id=assigned_to.pk if assigned_to is not None else None,
    ):
        raise ApplicationError(_("Your role does not allow opening cases for this office."))
    case = Case(
        procedure=proc.code,
        reference=uuid.uuid4().hex[:20],
        title=title.strip()[:300],
        state=proc.initial,
        office=office,
        establishment=establishment,
        assigned_to=assigned_to,
        supervisor=supervisor,
        extra=cleaned_extra,
    )
    case.full_clean()
    case.save()
    case.reference = f"{proc.code[:3].upper()}-{timezone.now():%Y}-{case.pk:06d}"
    case.save(update_fields=["reference"])
    cal = calendar_current()
    start = start_on or ministry_today()
    for limit in proc.initial_limits:
        _deadline_start(
            case=case, limit=limit, start_on=start, cal=cal, amount=(limits or {}).get(limit.code)
        )
    _case_refresh_next([case.pk])
    _event(case=case, actor=actor, kind="opened", to_state=proc.initial, text=note)
    audit_record(
        actor=actor,
        action=AuditAction.CASE_OPENED,
        subject=case,
        payload={
            "values": {
                "procedure": proc.code,
                "state": proc.initial,
                **({"fields": cleaned_extra} if cleaned_extra else {}),
            }
        },
    )
    _hooks_after_commit("case_opened", case=case, actor=user)
    case.refresh_from_db()
    return case


@transaction.atomic
def case_transition(
    *,
    case: Case,
    transition: str,
    actor: Actor,
    note: str = "",
    documents: list[dict[str, Any]] | None = None,
    limits: dict[str, int] | None = None,
    on: dt.date | None = None,
) -> Case:
    """Move ``case`` along ``transition`` of its procedure.

    Refuses (ApplicationError, nothing written) when the transition does not leave the current
    state, the actor's role may not make it, or a required document is missing. Satisfies the
    deadlines the transition ``meets`` and starts the ones it ``starts`` from ``on`` (today).
    """
    locked = Case.objects.select_for_update().get(pk=case.pk)
    proc = _procedure(locked.procedure)
    step = proc.transition(transition)
    if step is None or locked.state not in step.source:
        raise ApplicationError(
            _("“%(t)s” is not possible while the case is “%(s)s”.")
            % {"t": step.label if step else transition, "s": proc.state(locked.state).label},
            extra={
                "state": locked.state,
                "allowed": [t.name for t in proc.available(locked.state)],
            },
        )
    user = _user(actor)
    if user is not None and not user_can(
        user=user, action=Action(step.action), office=locked.office, owner_id=locked.assigned_to_id
    ):
        raise ApplicationError(_(NOT_ALLOWED) % {"action": step.label})
    docs = documents or []
    missing = [d for d in step.required_documents if d not in {x.get("kind") for x in docs}]
    if missing:
        raise ApplicationError(
            _("Attach the required documents first: %(docs)s.") % {"docs": ", ".join(missing)},
            extra={"missing_documents": missing},
        )
    now = timezone.now()
    open_deadlines = Deadline.objects.filter(case=locked, status=Deadline.Status.OPEN)
    if "*" not in step.meets:
        open_deadlines = open_deadlines.filter(code__in=step.meets)
    met = list(open_deadlines.values_list("code", flat=True))
    open_deadlines.update(status=Deadline.Status.MET, closed_at=now)
    cal = calendar_current()
    start = on or ministry_today()
    started = [
        _deadline_start(
            case=locked, limit=lim, start_on=start, cal=cal, amount=(limits or {}).get(lim.code)
        )
        for lim in step.starts
    ]
    old_state = locked.state
    locked.state = step.target
    final = proc.state(step.target).final
    locked.closed_at = now if final else None
    if final:
        Deadline.objects.filter(case=locked, status=Deadline.Status.OPEN).update(
            status=Deadline.Status.CANCELLED, closed_at=now
        )
    locked.save(update_fields=["state", "closed_at", "updated_at"])
    _case_refresh_next([locked.pk])
    _event(
        case=locked,
        actor=actor,
        kind="transition",
        from_state=old_state,
        to_state=step.target,
        text=note or step.label,
        documents=docs,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CASE_TRANSITIONED,
        subject=locked,
        payload={
            "changes": {"state": (old_state, step.target)},
            "values": {
                "transition": step.name,
                "deadlines_met": met,
                "deadlines_started": {d.code: d.due_on for d in started},
                "documents": docs,
            },
        },
    )
    _hooks_after_commit(
        "case_status_changed", case=locked, old_status=old_state, new_status=step.target, actor=user
    )
    if final:
        _hooks_after_commit("case_closed", case=locked, actor=user)
    locked.refresh_from_db()
    return locked


@transaction.atomic
def case_note_add(
    *,
    case: Case,
    actor: Actor,
    text: str,
    documents: list[dict[str, Any]] | None = None,
    kind: str = "note",
) -> CaseEvent:
    """Add a line to the timeline (notes, documents, payments...) without changing state."""
    event = _event(case=case, actor=actor, kind=kind, text=text, documents=documents)
    audit_record(
        actor=actor,
        action=AuditAction.CASE_NOTE_ADDED,
        subject=case,
        payload={"values": {"kind": kind, "text": text[:500], "documents": documents or []}},
    )
    return event


@transaction.atomic
def case_assign(
    *, case: Case, assigned_to: User | None, supervisor: User | None, actor: Actor
) -> Case:
    user = _user(actor)
    if user is not None and not user_can(
        user=user, action=Action.INSPECTION_ASSIGN, office=case.office
    ):
        raise ApplicationError(_("Your role does not allow assigning this case."))
    before = {"assigned_to": case.assigned_to_id, "supervisor": case.supervisor_id}
    Case.objects.filter(pk=case.pk).update(assigned_to=assigned_to, supervisor=supervisor)
    case.refresh_from_db()
    after = {"assigned_to": case.assigned_to_id, "supervisor": case.supervisor_id}
    _event(
        case=case,
        actor=actor,
        kind="assigned",
        text=_("Assigned to %(u)s") % {"u": assigned_to or "—"},
    )
    audit_record(
        actor=actor,
        action=AuditAction.CASE_ASSIGNED,
        subject=case,
        payload={"changes": {k: (before[k], after[k]) for k in before}},
    )
    return case


# -- calendar ------------------------------------------------------------------------------------


def _deadlines_recompute(*, day: dt.date, yearly: bool, reason: str, actor: Actor) -> int:
    cal = calendar_current()
    qs = Deadline.objects.filter(status=Deadline.Status.OPEN).select_related("case")
    if not yearly:
        qs = qs.filter(start_on__lte=day, due_on__gte=day)
    limits_by_code = {}
    moved = 0
    touched: set[int] = set()
    for d in qs.select_for_update(of=("self",)):
        key = (d.case.procedure, d.code)
        if key not in limits_by_code:
            limits_by_code[key] = _limit_lookup(d.case.procedure, d.code)
        lim = limits_by_code[key]
        due, warn, escalate = _dates_for(
            cal=cal,
            start_on=d.start_on,
            amount=d.amount,
            unit=d.unit,
            warn_before=lim.warn_before if lim else 3,
            escalate_after=lim.escalate_after if lim else 2,
        )
        if due == d.due_on:
            continue
        old = d.due_on
        Deadline.objects.filter(pk=d.pk).update(due_on=due, warn_on=warn, escalate_on=escalate)
        text = _("Deadline “%(label)s” moved from %(old)s to %(new)s: %(reason)s") % {
            "label": d.label,
            "old": old,
            "new": due,
            "reason": reason,
        }
        _event(case=d.case, actor=actor, kind="deadline_moved", text=text)
        audit_record(
            actor=actor,
            action=AuditAction.DEADLINE_RECOMPUTED,
            subject=d,
            payload={"changes": {"due_on": (old, due)}, "values": {"reason": reason}},
        )
        touched.add(d.case_id)
        moved += 1
    _case_refresh_next(touched)
    return moved


def _limit_lookup(procedure: str, code: str) -> TimeLimit | None:
    proc = procedure_get(procedure)
    if proc is None:
        return None
    for lim in (*proc.initial_limits, *(x for t in proc.transitions for x in t.starts)):
        if lim.code == code:
            return lim
    return None


@transaction.atomic
def calendar_day_add(
    *,
    date: dt.date,
    name: str,
    actor: Actor,
    kind: str = CalendarDay.Kind.HOLIDAY,
    yearly: bool = False,
) -> tuple[CalendarDay, int]:
    """Add a holiday or closure day and move every open deadline it affects (each move audited)."""
    permission_check(actor=actor, action=Action.CALENDAR_MANAGE, message=CALENDAR_REFUSED)
    if CalendarDay.objects.filter(date=date, kind=kind).exists():
        raise ValidationError({"date": _("This day is already in the calendar.")})
    day = CalendarDay(date=date, name=name.strip(), kind=kind, yearly=yearly)
    day.full_clean()
    day.save()
    audit_record(
        actor=actor,
        action=AuditAction.CALENDAR_DAY_ADDED,
        subject=day,
        payload={"values": {"date": date, "name": day.name, "kind": kind, "yearly": yearly}},
    )
    moved = _deadlines_recompute(
        day=date,
        yearly=yearly,
        actor=actor,
        reason=_("%(name)s (%(date)s) added to the calendar") % {"name": day.name, "date": date},
    )
    return day, moved


@transaction.atomic
def calendar_day_remove(*, day: CalendarDay, actor: Actor) -> int:
    permission_check(actor=actor, action=Action.CALENDAR_MANAGE, message=CALENDAR_REFUSED)
    date, name, yearly = day.date, day.name, day.yearly
    audit_record(
        actor=actor,
        action=AuditAction.CALENDAR_DAY_REMOVED,
        subject=day,
        payload={"values": {"date": date, "name": name}},
    )
    day.delete()
    return _deadlines_recompute(
        day=date,
        yearly=yearly,
        actor=actor,
        reason=_("%(name)s (%(date)s) removed from the calendar") % {"name": name, "date": date},
    )


@transaction.atomic
def procedure_config_save(
    *, code: str, definition: dict[str, Any], actor: Actor
) -> ProcedureConfig:
    permission_check(actor=actor, action=Action.CALENDAR_MANAGE, message=CALENDAR_REFUSED)
    proc = procedure_from_dict({**definition, "code": code})
    row, created = ProcedureConfig.objects.update_or_create(
        code=code, defaults={"definition": proc.to_dict()}
    )
    audit_record(
        actor=actor,
        action=AuditAction.PROCEDURE_SAVED,
        subject=row,
        payload={"values": {"created": created, "definition": row.definition}},
    )
    return row


# -- alerts --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SweepResult:
    warnings: int
    expired: int
    escalations: int


_SWEEP_SQL = {
    Alert.Kind.WARNING: """
        SELECT d.id, d.case_id, c.assigned_to_id FROM workflow_deadline d
        JOIN workflow_case c ON c.id = d.case_id
        WHERE d.status = 'open' AND d.warn_on <= %(today)s AND d.due_on >= %(today)s
          AND d.warn_on < d.due_on AND c.assigned_to_id IS NOT NULL""",
    Alert.Kind.EXPIRED: """
        SELECT d.id, d.case_id, c.assigned_to_id FROM workflow_deadline d
        JOIN workflow_case c ON c.id = d.case_id
        WHERE d.status = 'open' AND d.due_on < %(today)s AND c.assigned_to_id IS NOT NULL""",
    Alert.Kind.ESCALATION: """
        SELECT d.id, d.case_id, c.supervisor_id FROM workflow_deadline d
        JOIN workflow_case c ON c.id = d.case_id
        WHERE d.status = 'open' AND d.escalate_on <= %(today)s AND d.due_on < %(today)s
          AND c.supervisor_id IS NOT NULL""",
}


@transaction.atomic
def deadline_sweep(*, today: dt.date | None = None) -> SweepResult:
    """Raise the warning, expiry and escalation alerts that are due; idempotent.

    Each kind is one INSERT ... SELECT ... ON CONFLICT DO NOTHING against the unique
    (deadline, kind, recipient) constraint: a second sweep running concurrently blocks on the
    first one's index entries and then inserts nothing, and a sweep killed mid-way rolls back
    whole, so the next run raises exactly what it would have.
    """
    today = today or ministry_today()
    now = timezone.now()
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for kind, select in _SWEEP_SQL.items():
            cursor.execute(
                f"""INSERT INTO workflow_alert (deadline_id, case_id, recipient_id, kind, created_at)
                    SELECT s.id, s.case_id, s.rcpt, %(kind)s, %(now)s
                    FROM ({select}) AS s(id, case_id, rcpt)
                    ON CONFLICT (deadline_id, kind, recipient_id) DO NOTHING""",  # noqa: S608
                {"today": today, "kind": kind.value, "now": now},
            )
            counts[kind.value] = cursor.rowcount
    result = SweepResult(counts["warning"], counts["expired"], counts["escalation"])
    if any(counts.values()):
        audit_record(
            actor=None,
            action=AuditAction.DEADLINE_SWEPT,
            payload={"values": {"today": today, **counts}},
        )
        transaction.on_commit(_enqueue_digest)
    return result


def _enqueue_digest() -> None:
    from labourhub.workflow.tasks import alert_digest_send_task

    alert_digest_send_task.delay()


def alert_digest_send(*, limit_users: int = 500) -> int:
    """E-mail each recipient one digest of their alerts not yet e-mailed; returns mails sent.

    Per recipient, the alerts are locked (SKIP LOCKED, so concurrent senders split the work)
    and stamped in the same transaction as the send: a crash before commit re-sends that
    digest on the next run (at-least-once e-mail), never skips it.
    """
    sent = 0
    recipients = list(
        Alert.objects.filter(emailed_at=None)
        .values_list("recipient_id", flat=True)
        .distinct()[:limit_users]
    )
    for recipient_id in recipients:
        with transaction.atomic():
            alerts = list(
                Alert.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(recipient_id=recipient_id, emailed_at=None)
                .select_related("case", "deadline", "recipient")
                .order_by("case__reference", "kind")
            )
            if not alerts:
                continue
            user = alerts[0].recipient
            if user.email:
                lines = [
                    f"- {a.case.reference} · {a.deadline.label} · {a.deadline.due_on} · "
                    f"{a.get_kind_display()}"
                    for a in alerts
                ]
                send_mail(
                    subject=_("LabourHub: %(n)d deadline alerts") % {"n": len(alerts)},
                    message="\n".join(lines),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[user.email],
                )
                sent += 1
            Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(emailed_at=timezone.now())
            audit_record(
                actor=None,
                action=AuditAction.ALERT_EMAILED,
                subject=user,
                payload={"values": {"alerts": [a.pk for a in alerts], "mailed": bool(user.email)}},
            )
    return sent


@transaction.atomic
def alert_mark_read(*, user: User, alert_ids: list[int] | None = None) -> int:
    qs = Alert.objects.filter(recipient=user, read_at=None)
    if alert_ids is not None:
        qs = qs.filter(pk__in=alert_ids)
    ids = list(qs.values_list("pk", flat=True))
    count = Alert.objects.filter(pk__in=ids).update(read_at=timezone.now())
    if count:
        audit_record(
            actor=user,
            action=AuditAction.ALERT_READ,
            subject=user,
            payload={"values": {"alerts": ids}},
        )
    return count


@transaction.atomic
def deadline_add(
    *,
    case: Case,
    code: str,
    label: str,
    amount: int,
    unit: str,
    actor: Actor,
    start_on: dt.date | None = None,
    warn_before: int = 3,
    escalate_after: int = 2,
) -> Deadline:
    """An extra deadline outside the procedure's transitions (e.g. a conciliation agreement)."""
    limit = TimeLimit(
        code=code,
        label=str(label),
        amount=amount,
        unit=unit,
        warn_before=warn_before,
        escalate_after=escalate_after,
    )
    deadline = _deadline_start(
        case=case, limit=limit, start_on=start_on or ministry_today(), cal=calendar_current()
    )
    _case_refresh_next([case.pk])
    _event(
        case=case,
        actor=actor,
        kind="deadline",
        text=_("New deadline “%(l)s” on %(d)s") % {"l": deadline.label, "d": deadline.due_on},
    )
    audit_record(
        actor=actor,
        action=AuditAction.DEADLINE_ADDED,
        subject=deadline,
        payload={"values": {"code": code, "due_on": deadline.due_on}},
    )
    return deadline


@transaction.atomic
def alert_escalate_now(*, deadline: Deadline, recipients: list[User], actor: Actor) -> int:
    """Escalate at once (e.g. child labour), without waiting for the sweep; idempotent too."""
    now = timezone.now()
    created = 0
    with connection.cursor() as cursor:
        for user in recipients:
            cursor.execute(
                """INSERT INTO workflow_alert (deadline_id, case_id, recipient_id, kind, created_at)
                   VALUES (%s, %s, %s, %s, %s)
                   ON CONFLICT (deadline_id, kind, recipient_id) DO NOTHING""",
                [deadline.pk, deadline.case_id, user.pk, Alert.Kind.ESCALATION.value, now],
            )
            created += cursor.rowcount
    if created:
        audit_record(
            actor=actor,
            action=AuditAction.ALERT_ESCALATED,
            subject=deadline,
            payload={"values": {"recipients": [u.pk for u in recipients]}},
        )
        transaction.on_commit(_enqueue_digest)
    return created
