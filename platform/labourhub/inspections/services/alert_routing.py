"""The ministry's choice of roles each safety alert reaches, and marking alerts seen."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.audit.services import AuditAction, audit_record
from labourhub.inspections.models import AlertRouting, InspectionAlert
from labourhub.inspections.selectors.alerts import ALERT_ROLE_CHOICES, alert_routing_roles
from labourhub.inspections.services._common import Actor

ROUTING_REFUSED = gettext_noop("Your role does not allow changing who safety alerts reach.")
NO_ROLE = gettext_noop("Choose at least one role: an alert nobody receives is lost.")
UNKNOWN_ROLE = gettext_noop("Unknown role: %(role)s.")


@transaction.atomic
def alert_routing_set(*, kind: str, roles: list[str], actor: Actor) -> AlertRouting:
    """Set the roles ``kind`` alerts reach at once (audited, with the roles before and after)."""
    permission_check(actor=actor, action=Action.USER_MANAGE, message=ROUTING_REFUSED)
    if kind not in InspectionAlert.Kind.values:
        raise ValidationError({"kind": _("Unknown alert.")})
    wanted = list(dict.fromkeys(str(r) for r in roles))
    unknown = [r for r in wanted if r not in ALERT_ROLE_CHOICES]
    if unknown:
        raise ValidationError({"roles": _(UNKNOWN_ROLE) % {"role": ", ".join(unknown)[:200]}})
    if not wanted:
        raise ValidationError({"roles": _(NO_ROLE)})
    before = alert_routing_roles(kind=kind)
    row, _created = AlertRouting.objects.update_or_create(kind=kind, defaults={"roles": wanted})
    if before != wanted:
        audit_record(
            actor=actor,
            action=AuditAction.INSPECTION_ALERT_ROUTING_SET,
            subject=row,
            payload={"changes": {"roles": (before, wanted)}, "values": {"kind": kind}},
        )
    return row


@transaction.atomic
def inspection_alerts_mark_read(*, user: User) -> int:
    """Take every safety alert out of ``user``'s bell count (they stay on the alerts page)."""
    from labourhub.inspections.selectors.alerts import inspection_alerts_unread

    ids = list(inspection_alerts_unread(user=user).values_list("pk", flat=True))
    for alert in InspectionAlert.objects.select_for_update().filter(pk__in=ids):
        alert.read_by_ids = [*alert.read_by_ids, user.pk]
        alert.save(update_fields=["read_by_ids", "updated_at"])
    return len(ids)
