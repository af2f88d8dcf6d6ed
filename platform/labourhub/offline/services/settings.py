from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.audit.services import AuditAction, audit_record
from labourhub.offline.models import OfflineSettings

KEEP_DAYS = gettext_noop("Keep between 1 and 60 days of assignments offline.")


@transaction.atomic
def offline_settings_update(
    *, record_location: bool, keep_days: int, actor: User | None
) -> OfflineSettings:
    permission_check(actor=actor, action=Action.CALENDAR_MANAGE)
    if not 1 <= keep_days <= 60:
        raise ValidationError({"keep_days": _(KEEP_DAYS)})
    row = OfflineSettings.objects.select_for_update().filter(pk=1).first() or OfflineSettings(pk=1)
    before = {"record_location": row.record_location, "keep_days": row.keep_days}
    row.record_location = record_location
    row.keep_days = keep_days
    row.save()
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_PROCEDURE_UPDATED,
        subject=None,
        payload={
            "changes": {
                "record_location": (before["record_location"], record_location),
                "keep_days": (before["keep_days"], keep_days),
            }
        },
    )
    return row
