"""Workers the inspector found at work, compared on the inspection page with the declared roster."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.audit.services import audit_record
from labourhub.connectors import events
from labourhub.connectors.models import ObservedWorker
from labourhub.inspections.models import Inspection
from labourhub.inspections.selectors import inspection_can, inspection_is_assignee

MAX_LINES = 2000
_ID = re.compile(r"^[A-Z0-9][A-Z0-9.\-/]{0,31}$")


def _parse(text: str) -> list[tuple[str, str]]:
    """One worker a line: ``ID`` or ``ID, name``; errors name the line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_LINES:
        raise ValidationError(
            {"workers": _("Enter at most %(n)s workers at a time.") % {"n": MAX_LINES}}
        )
    found: list[tuple[str, str]] = []
    for number, line in enumerate(lines, start=1):
        id_part, _sep, name = line.partition(",")
        id_number = id_part.strip().upper()
        if not _ID.match(id_number) or len(name.strip()) > 200:
            raise ValidationError(
                {
                    "workers": _(
                        "Line %(n)s: write the worker's ID number, then a comma and the name."
                    )
                    % {"n": number}
                }
            )
        found.append((id_number, name.strip()))
    return found


@transaction.atomic
def observed_workers_record(*, inspection: Inspection, text: str, actor: User | None) -> int:
    """Add the workers found on site (already recorded IDs are kept once); returns how many new."""
    # The same rule as the visit itself: the assigned inspector or team records what they saw.
    if actor is not None and not (
        inspection_can(user=actor, action=Action.CASE_EDIT, inspection=inspection)
        and inspection_is_assignee(user=actor, inspection=inspection)
    ):
        raise PermissionDenied(_("Only the assigned inspector or team can do this."))
    entries = _parse(text)
    if not entries:
        raise ValidationError({"workers": _("Enter at least one worker.")})
    known = set(
        ObservedWorker.objects.filter(inspection=inspection).values_list("id_number", flat=True)
    )
    new = {i: n for i, n in entries if i not in known}
    ObservedWorker.objects.bulk_create(
        ObservedWorker(inspection=inspection, id_number=i, full_name=n, recorded_by=actor)
        for i, n in new.items()
    )
    if new:
        audit_record(
            actor=actor,
            action=events.WORKERS_OBSERVED,
            subject=inspection,
            payload={"values": {"added": len(new)}},
        )
    return len(new)
