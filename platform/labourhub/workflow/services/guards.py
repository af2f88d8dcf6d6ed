"""Legal guards on steps: periods granted to the other party, and how deadlines are closed."""

import datetime as dt

from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.workflow.models import Case, Deadline
from labourhub.workflow.procedure_types import Transition
from labourhub.workflow.services.base import _event

PERIOD_RUNNING = "party_period_running"


def _running_periods(*, case: Case, step: Transition, today: dt.date) -> list[Deadline]:
    if not step.waits_for:
        return []
    return list(
        Deadline.objects.filter(
            case=case,
            status=Deadline.Status.OPEN,
            code__in=step.waits_for,
            due_on__gte=today,
        ).order_by("-due_on")
    )


def party_period_guard(
    *, case: Case, step: Transition, user: User | None, today: dt.date, override_reason: str
) -> list[dict[str, str]]:
    """Refuse ``step`` while a period the law grants the other party is still running.

    The period runs up to and including its due date. Only a role holding
    ``legal_period.override`` on the case's office may take the step earlier, and only with a
    reason; the override is audited and written on the timeline. Returns what was overridden.
    """
    running = _running_periods(case=case, step=step, today=today)
    if not running:
        return []
    latest = running[0]
    ends = formats.date_format(latest.due_on, "DATE_FORMAT")
    reason = override_reason.strip()
    if not reason:
        raise ApplicationError(
            _("“%(step)s” cannot be taken yet: “%(period)s” runs until %(date)s.")
            % {"step": _(step.label), "period": _(latest.label), "date": ends},
            extra={"code": PERIOD_RUNNING, "ends_on": latest.due_on.isoformat()},
        )
    if user is not None and not user_can(
        user=user, action=Action.LEGAL_PERIOD_OVERRIDE, office=case.office
    ):
        raise ApplicationError(
            _("“%(period)s” runs until %(date)s and your role may not override it; ask a director.")
            % {"period": _(latest.label), "date": ends},
            extra={"code": PERIOD_RUNNING, "ends_on": latest.due_on.isoformat()},
        )
    overridden = [{"code": d.code, "ends_on": d.due_on.isoformat()} for d in running]
    _event(
        case=case,
        actor=user,
        kind="period_overridden",
        text=_("“%(period)s” (until %(date)s) overridden: %(reason)s")
        % {"period": _(latest.label), "date": ends, "reason": reason[:500]},
    )
    audit_record(
        actor=user,
        action=AuditAction.LEGAL_PERIOD_OVERRIDDEN,
        subject=case,
        payload={
            "values": {"step": step.name, "periods": overridden, "reason": reason[:1000]},
        },
    )
    return overridden


def deadlines_close(
    *,
    deadlines: QuerySet[Deadline],
    step: Transition,
    today: dt.date,
    now: dt.datetime,
    party_periods: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Close the deadlines ``step`` meets, recording how each closed.

    A period granted to the other party ends (or is superseded when overridden early); the
    other deadlines close as the step declares (``closes_as``), "complied" by default.
    ``party_periods`` are the procedure's periods granted to the other party (what any step
    waits for): a step that does not wait for one (e.g. closing the file) still never records
    it as "complied".
    """
    declared = step.closes_as or Deadline.Outcome.COMPLIED
    for deadline in list(deadlines):
        if deadline.code in step.waits_for or deadline.code in party_periods:
            outcome = (
                Deadline.Outcome.PERIOD_ENDED
                if deadline.due_on < today
                else Deadline.Outcome.SUPERSEDED
            )
        else:
            outcome = Deadline.Outcome(declared)
        Deadline.objects.filter(pk=deadline.pk).update(
            status=Deadline.Status.MET, outcome=outcome, closed_at=now
        )
