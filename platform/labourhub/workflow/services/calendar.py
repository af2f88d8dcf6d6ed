"""The ministry's calendar and procedure settings, and the deadlines they move."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.audit.services import AuditAction, audit_record
from labourhub.workflow.calendar import calendar_current
from labourhub.workflow.models import (
    CalendarDay,
    Deadline,
    NationalHolidayDeclined,
    ProcedureConfig,
)
from labourhub.workflow.procedures import TimeLimit, procedure_from_dict, procedure_get
from labourhub.workflow.services.base import (
    CALENDAR_REFUSED,
    Actor,
    _case_refresh_next,
    _dates_for,
    _event,
)

# -- calendar ------------------------------------------------------------------------------------


@transaction.atomic
def deadlines_recompute(*, day: dt.date, yearly: bool, reason: str, actor: Actor) -> int:
    """Move the open deadlines a new non-working ``day`` affects; returns how many moved.

    Called when the calendar changes (by hand, or when a national calendar is loaded); each
    move is recorded on its case with ``reason``.
    """
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
            "label": _(d.label),
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
    # Entering the day by hand overrides an earlier refusal of the national holiday.
    NationalHolidayDeclined.objects.filter(date=date).delete()
    audit_record(
        actor=actor,
        action=AuditAction.CALENDAR_DAY_ADDED,
        subject=day,
        payload={"values": {"date": date, "name": day.name, "kind": kind, "yearly": yearly}},
    )
    moved = deadlines_recompute(
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
    if day.source == CalendarDay.Source.NATIONAL:
        NationalHolidayDeclined.objects.update_or_create(date=date, defaults={"name": name})
    day.delete()
    return deadlines_recompute(
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


# -- a gazette's holiday list, uploaded ------------------------------------------------------------

GAZETTE_MAX_BYTES = 64 * 1024
GAZETTE_MAX_ROWS = 100


def _gazette_rows(data: bytes) -> list[tuple[int, dt.date, str]]:
    """``date,name`` lines (a header line is allowed); every problem is reported at once."""
    import csv
    import io

    if len(data) > GAZETTE_MAX_BYTES:
        raise ValidationError(
            {"file": _("The file is larger than %(kb)d KB.") % {"kb": GAZETTE_MAX_BYTES // 1024}}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            {"file": _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")}
        ) from exc
    errors: list[str] = []
    rows: list[tuple[int, dt.date, str]] = []
    seen: dict[dt.date, int] = {}
    for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if number == 1 and cells[0].casefold() == "date":
            continue
        if len(cells) != 2:
            errors.append(
                _("Line %(n)d: give a date and a name, separated by a comma.") % {"n": number}
            )
            continue
        raw, name = cells
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            errors.append(
                _("Line %(n)d: “%(d)s” is not a date written as YYYY-MM-DD.")
                % {"n": number, "d": raw[:40]}
            )
            continue
        if not name or len(name) > 200:
            errors.append(_("Line %(n)d: the name must have 1 to 200 characters.") % {"n": number})
            continue
        if day in seen:
            errors.append(
                _("Line %(n)d: %(d)s is already on line %(m)d.")
                % {"n": number, "d": day.isoformat(), "m": seen[day]}
            )
            continue
        seen[day] = number
        rows.append((number, day, name))
    if len(rows) > GAZETTE_MAX_ROWS:
        errors.append(_("A gazette list has at most %(n)d days.") % {"n": GAZETTE_MAX_ROWS})
    if not rows and not errors:
        errors.append(_("The file has no holiday in it."))
    if errors:
        raise ValidationError({"file": errors[:20]})
    return rows


@transaction.atomic
def calendar_holidays_import(*, data: bytes, source: str, actor: Actor) -> tuple[int, int]:
    """Load the public holidays of a gazette (a CSV of ``date,name``) into the calendar.

    For countries whose holidays follow a yearly gazette (lunar and religious days) and are not
    known in advance. All or nothing: one bad line saves nothing and every bad line is named.
    Days already in the calendar are left as they are. Returns (days added, deadlines moved).
    """
    permission_check(actor=actor, action=Action.CALENDAR_MANAGE, message=CALENDAR_REFUSED)
    rows = _gazette_rows(data)
    existing = set(
        CalendarDay.objects.filter(
            kind=CalendarDay.Kind.HOLIDAY, date__in=[day for _n, day, _name in rows]
        ).values_list("date", flat=True)
    )
    added = [
        CalendarDay(date=day, name=name, kind=CalendarDay.Kind.HOLIDAY)
        for _n, day, name in rows
        if day not in existing
    ]
    CalendarDay.objects.bulk_create(added)
    audit_record(
        actor=actor,
        action=AuditAction.CALENDAR_DAY_SEEDED,
        payload={
            "values": {
                "source": source[:200],
                "added": [d.date for d in added],
                "skipped": sorted(existing),
            }
        },
    )
    moved = 0
    for day in added:
        moved += deadlines_recompute(
            day=day.date,
            yearly=False,
            actor=actor,
            reason=_("%(name)s (%(date)s) loaded from the gazette")
            % {"name": day.name, "date": day.date},
        )
    return len(added), moved
