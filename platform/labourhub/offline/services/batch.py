"""Applying a batch of offline work: base versions, conflicts, idempotency.

The writes themselves are the inspection services' (visit_start, answers_save,
visit_refuse_entry, inspection_submit); this module decides what may be applied, and records
when the inspector did it on the device next to when it reached the server.
"""

import datetime as dt
from contextlib import suppress
from typing import Any, TypedDict

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.inspections import selectors as insp
from labourhub.inspections import services as insp_svc
from labourhub.inspections.models import Inspection
from labourhub.inspections.services.visits import _clean_value
from labourhub.offline.models import SyncBatch
from labourhub.offline.selectors import (
    answer_last_changed_by,
    batch_get,
    evidence_stored,
    offline_settings_get,
    was_assignee,
)

NOT_FOUND = gettext_noop("This inspection no longer exists or you cannot see it.")
REASSIGNED = gettext_noop(
    "While you were offline this inspection was reassigned to %(name)s. None of your changes "
    "were applied; they are still on this device."
)
LOCKED = gettext_noop(
    "While you were offline this inspection became %(status)s. None of your changes were "
    "applied; they are still on this device."
)
ANSWER_CHANGED = gettext_noop(
    "%(who)s changed this answer while you were offline. Choose which answer to keep."
)
SOMEONE = gettext_noop("Someone")
NOT_SUBMITTED = gettext_noop(
    "The minutes were not signed because some answers are in conflict: resolve them first."
)
NO_SIGNATURE = gettext_noop(
    "The minutes were not signed because the drawn signature has not reached the server yet. "
    "Send your work again."
)


class StartChange(TypedDict, total=False):
    arrived_at: dt.datetime
    persons_met: str
    workers_interviewed_female: int
    workers_interviewed_male: int
    device_time: dt.datetime
    location: dict[str, float] | None


class AnswerChange(TypedDict, total=False):
    code: str
    value: str | None
    note: str
    base: Any
    device_time: dt.datetime
    resolution: str


class StepChange(TypedDict, total=False):
    note: str
    signed_by: str
    minutes: str
    signature_sha256: str
    device_time: dt.datetime


class VisitChanges(TypedDict, total=False):
    inspection: int
    base_version: int
    start: StartChange | None
    answers: list[AnswerChange]
    refuse_entry: StepChange | None
    submit: StepChange | None


def _record(
    user: User, inspection: Inspection, step: str, device_time: dt.datetime, key: str, **extra: Any
) -> None:
    audit_record(
        actor=user,
        action=AuditAction.INSPECTION_OFFLINE_SYNCED,
        subject=inspection,
        payload={
            "values": {
                "step": step,
                "device_time": device_time,
                "synced_at": timezone.now(),
                "batch": key,
                **extra,
            }
        },
    )


def _current(inspection: Inspection) -> dict[str, Any]:
    return {code: a.value for code, a in insp.answers_by_code(inspection=inspection).items()}


def _blocking_conflict(inspection: Inspection | None, user: User) -> dict[str, Any] | None:
    if inspection is None:
        return {"kind": "missing", "message": _(NOT_FOUND)}
    had_it = was_assignee(user=user, inspection=inspection)
    if not had_it and not insp.inspection_can(
        user=user, action=Action.CASE_VIEW, inspection=inspection
    ):
        return {"kind": "missing", "message": _(NOT_FOUND)}
    if not insp.inspection_is_assignee(user=user, inspection=inspection):
        if not had_it:
            return {"kind": "missing", "message": _(NOT_FOUND)}
        who = inspection.inspector
        name = (who.get_full_name() or who.get_username()) if who else _(SOMEONE)
        return {"kind": "reassigned", "message": _(REASSIGNED) % {"name": name}}
    if inspection.is_locked:
        return {
            "kind": "locked",
            "message": _(LOCKED) % {"status": inspection.get_status_display()},
        }
    return None


def _answers(
    inspection: Inspection, changes: list[AnswerChange], user: User, key: str
) -> tuple[Inspection, list[str], list[dict[str, Any]]]:
    current = _current(inspection)
    questions = {
        q.code: q
        for q in insp.checklist_version_questions(version=inspection.checklist_version)  # type: ignore[arg-type]
    }
    apply: dict[str, Any] = {}
    notes: dict[str, str] = {}
    times: dict[str, dt.datetime] = {}
    kept_mine: list[str] = []
    conflicts: list[dict[str, Any]] = []
    for change in changes:
        code = change["code"]
        value, base = change.get("value"), change.get("base")
        theirs = current.get(code)
        if code in questions:
            # Compare what would be stored: "50.0" typed offline is the server's "50". A bad
            # value is left as it is for answers_save to refuse with its own message.
            with suppress(ValidationError):
                value = _clean_value(questions[code], value)
        if theirs in (base, value) or code not in questions:
            # Unknown codes go on to answers_save, which refuses them with its own message.
            if theirs != value or code not in questions:
                apply[code] = value
                times[code] = change["device_time"]
                if "note" in change:
                    notes[code] = change["note"]
                if change.get("resolution") == "mine":
                    kept_mine.append(code)
            continue
        conflicts.append(
            {
                "kind": "answer",
                "code": code,
                "question": questions[code].text,
                "mine": value,
                "theirs": theirs,
                "base": base,
                "message": _(ANSWER_CHANGED)
                % {"who": answer_last_changed_by(inspection=inspection, code=code) or _(SOMEONE)},
            }
        )
    if apply:
        inspection = insp_svc.answers_save(
            inspection=inspection,
            values=apply,
            notes=notes or None,
            expected_version=inspection.version,
            actor=user,
        )
        _record(
            user,
            inspection,
            "answers_saved",
            max(times.values()),
            key,
            device_times=dict(times.items()),
            questions=sorted(apply),
        )
        if kept_mine:
            _record(
                user, inspection, "answer_kept_mine", max(times[c] for c in kept_mine), key,
                questions=sorted(kept_mine),
            )  # fmt: skip
    return inspection, sorted(apply), conflicts


def _visit(changes: VisitChanges, user: User, key: str) -> dict[str, Any]:
    found = insp.inspection_get(inspection_id=changes["inspection"])
    result: dict[str, Any] = {"inspection": changes["inspection"], "applied": [], "conflicts": []}
    blocking = _blocking_conflict(found, user)
    if blocking is not None or found is None:
        status = "rejected" if blocking and blocking["kind"] == "missing" else "conflict"
        return {**result, "status": status, "conflicts": [blocking]}
    inspection = insp_svc.inspection_lock(inspection=found, expected_version=None)
    start = changes.get("start")
    if start and inspection.status != Inspection.Status.IN_PROGRESS:
        inspection = insp_svc.visit_start(
            inspection=inspection,
            arrived_at=start["arrived_at"],
            persons_met=start.get("persons_met", ""),
            workers_interviewed_female=start.get("workers_interviewed_female", 0),
            workers_interviewed_male=start.get("workers_interviewed_male", 0),
            expected_version=inspection.version,
            actor=user,
        )
        location = start.get("location") if offline_settings_get().record_location else None
        extra = {"location": location} if location else {}
        _record(user, inspection, "visit_started", start["device_time"], key, **extra)
        result["applied"].append("start")
    if changes.get("answers"):
        inspection, codes, conflicts = _answers(inspection, changes["answers"], user, key)
        result["applied"] += codes
        result["conflicts"] += conflicts
    refuse = changes.get("refuse_entry")
    submit = changes.get("submit")
    if (refuse or submit) and result["conflicts"]:
        result["conflicts"].append({"kind": "not_submitted", "message": _(NOT_SUBMITTED)})
    elif refuse:
        inspection = insp_svc.visit_refuse_entry(
            inspection=inspection,
            note=refuse.get("note", ""),
            expected_version=inspection.version,
            actor=user,
        )
        _record(user, inspection, "entry_refused", refuse["device_time"], key)
        result["applied"].append("refuse_entry")
    elif submit and not _signature_arrived(inspection, submit):
        result["conflicts"].append({"kind": "not_submitted", "message": _(NO_SIGNATURE)})
    elif submit:
        inspection = insp_svc.inspection_submit(
            inspection=inspection,
            expected_version=inspection.version,
            actor=user,
            notes=submit.get("minutes", ""),
        )
        _record(
            user, inspection, "minutes_signed", submit["device_time"], key,
            signed_by=submit.get("signed_by", ""),
            signature_sha256=submit.get("signature_sha256", ""),
        )  # fmt: skip
        result["applied"].append("submit")
    inspection.refresh_from_db(fields=["version", "status"])
    return {
        **result,
        "status": "conflict" if result["conflicts"] else "applied",
        "version": inspection.version,
        "inspection_status": inspection.status,
        "answers": _current(inspection),
    }


def _signature_arrived(inspection: Inspection, submit: StepChange) -> bool:
    """A drawn signature is evidence sent before the minutes: sign only once it is stored."""
    digest = submit.get("signature_sha256")
    return not digest or evidence_stored(inspection=inspection, sha256=digest)


def _errors(exc: ValidationError | ApplicationError) -> dict[str, Any]:
    if isinstance(exc, ApplicationError):
        return {"__all__": [exc.message]}
    if hasattr(exc, "error_dict"):
        return {field: [str(m) for m in msgs] for field, msgs in exc.message_dict.items()}
    return {"__all__": [str(m) for m in exc.messages]}


@transaction.atomic
def offline_batch_apply_checked(
    *, user: User, key: str, visits: list[VisitChanges], device_id: str = ""
) -> dict[str, Any]:
    """Apply a device's queued work; checks that the user may still edit each inspection.

    A batch with the same ``key`` from the same user applies once: the stored result is
    returned again with ``replayed: true``. Each visit applies in its own savepoint, so one
    refused visit (a hostile value, a missing required photo) saves nothing of that visit and
    does not hold back the others.
    """
    with connection.cursor() as cursor:
        # Two copies of one batch arriving together (a retry racing a slow answer) queue here.
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"offline:{user.pk}:{key}"])
    done = batch_get(user=user, key=key)
    if done is not None:
        return {**done.result, "replayed": True}
    results = []
    for changes in visits:
        try:
            with transaction.atomic():
                results.append(_visit(changes, user, key))
        except (ValidationError, ApplicationError) as exc:
            results.append(
                {
                    "inspection": changes["inspection"],
                    "status": "rejected",
                    "applied": [],
                    "conflicts": [],
                    "errors": _errors(exc),
                }
            )
    result = {"key": key, "synced_at": timezone.now().isoformat(), "visits": results}
    SyncBatch.objects.create(user=user, key=key, device_id=device_id, result=result)
    return {**result, "replayed": False}
