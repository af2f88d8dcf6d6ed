from typing import Any

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.audit.services import Actor
from labourhub.common.exceptions import ApplicationError
from labourhub.inspections.models import Inspection

CONFLICT = gettext_noop(
    "Someone else saved this inspection while you were working on it (you had version "
    "%(yours)s, it is now at version %(current)s). Nothing of yours was saved: reload the "
    "inspection, check their changes and enter yours again."
)
LOCKED = gettext_noop("This inspection is %(status)s and locked. Ask for a correction instead.")
WRONG_STATUS = gettext_noop("This cannot be done while the inspection is %(status)s.")
NOT_ALLOWED = gettext_noop("Your role does not allow this.")

__all__ = ["Actor", "actor_user", "inspection_lock", "inspection_touch"]


def actor_user(actor: Actor) -> User | None:
    """The actor as a row to point at; None for the system (seeding, tasks)."""
    return actor if isinstance(actor, User) else None


def inspection_lock(
    *, inspection: Inspection, expected_version: int | None, allow_locked: bool = False
) -> Inspection:
    """Lock the row for this transaction and refuse a stale writer (optimistic concurrency).

    ``expected_version=None`` is for system callers that do not edit what a person saw.
    """
    locked = (
        Inspection.objects.select_for_update(of=("self",))
        .select_related("establishment", "office", "checklist_version")
        .get(pk=inspection.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise ApplicationError(
            _(CONFLICT) % {"yours": expected_version, "current": locked.version},
            {"code": "version_conflict", "current_version": locked.version},
        )
    if locked.is_locked and not allow_locked:
        raise ApplicationError(
            _(LOCKED) % {"status": locked.get_status_display()}, {"code": "locked"}
        )
    return locked


def inspection_touch(inspection: Inspection, fields: list[str]) -> None:
    inspection.version = F("version") + 1
    inspection.save(update_fields=[*fields, "version", "updated_at"])
    inspection.refresh_from_db(fields=["version"])


def require_status(inspection: Inspection, *allowed: str) -> None:
    if inspection.status not in allowed:
        raise ApplicationError(
            _(WRONG_STATUS) % {"status": inspection.get_status_display()},
            {"code": "wrong_status", "status": inspection.status},
        )


def refuse(message: str, **extra: Any) -> ApplicationError:
    return ApplicationError(_(message), extra)
