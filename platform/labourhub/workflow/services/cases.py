"""Cases: opening, moving through the procedure's steps, notes and assignment."""

import datetime as dt
import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.registry.models import Establishment
from labourhub.workflow.calendar import calendar_current
from labourhub.workflow.fields import case_extra_clean
from labourhub.workflow.models import Case, CaseEvent, Deadline
from labourhub.workflow.services.alerts import deadline_alerts_now
from labourhub.workflow.services.base import (
    NOT_ALLOWED,
    Actor,
    _case_refresh_next,
    _deadline_start,
    _event,
    _hooks_after_commit,
    _procedure,
    _user,
    ministry_today,
)
from labourhub.workflow.services.guards import deadlines_close, party_period_guard

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
    # Letters and digits only: plugin codes such as "co_sanction" must not give "CO_-2026-…".
    prefix = "".join(ch for ch in proc.code if ch.isalnum())[:3].upper() or "CAS"
    case.reference = f"{prefix}-{timezone.now():%Y}-{case.pk:06d}"
    case.save(update_fields=["reference"])
    cal = calendar_current()
    start = start_on or ministry_today()
    initial = [
        _deadline_start(
            case=case, limit=limit, start_on=start, cal=cal, amount=(limits or {}).get(limit.code)
        )
        for limit in proc.initial_limits
    ]
    _case_refresh_next([case.pk])
    deadline_alerts_now(deadlines=initial)
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
    override_reason: str = "",
) -> Case:
    """Move ``case`` along ``transition`` of its procedure.

    Refuses (ApplicationError, nothing written) when the transition does not leave the current
    state, the actor's role may not make it, a required document is missing, or a period the
    law grants the other party (``waits_for``) is still running and no authorised role gave an
    ``override_reason``. Closes the deadlines the transition ``meets`` (recording how: complied,
    not complied, period ended, superseded) and starts the ones it ``starts`` from ``on``.
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
    start = on or ministry_today()
    overridden = party_period_guard(
        case=locked, step=step, user=user, today=start, override_reason=override_reason
    )
    open_deadlines = Deadline.objects.filter(case=locked, status=Deadline.Status.OPEN)
    if "*" not in step.meets:
        open_deadlines = open_deadlines.filter(code__in=step.meets)
    met = list(open_deadlines.values_list("code", flat=True))
    deadlines_close(
        deadlines=open_deadlines,
        step=step,
        today=start,
        now=now,
        party_periods={code for t in proc.transitions for code in t.waits_for},
    )
    cal = calendar_current()
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
            status=Deadline.Status.CANCELLED, outcome=Deadline.Outcome.SUPERSEDED, closed_at=now
        )
    locked.save(update_fields=["state", "closed_at", "updated_at"])
    _case_refresh_next([locked.pk])
    if not final:
        deadline_alerts_now(deadlines=started)
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
                **({"period_overridden": overridden} if overridden else {}),
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
    # Whoever takes the case over sees its running deadlines in their bell at once.
    deadline_alerts_now(
        deadlines=list(Deadline.objects.filter(case=case, status=Deadline.Status.OPEN))
    )
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
