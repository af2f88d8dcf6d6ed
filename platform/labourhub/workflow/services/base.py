"""What the workflow services share: the ministry's today, procedures, deadlines and case events."""

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.common.exceptions import ApplicationError
from labourhub.workflow.calendar import MinistryCalendar
from labourhub.workflow.models import Case, CaseEvent, Deadline
from labourhub.workflow.procedures import Procedure, TimeLimit, procedure_get

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
