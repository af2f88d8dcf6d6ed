"""Fields that country plugins add to cases (``register_case_fields``)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.extensions.types import EXTRA_UNKNOWN, ExtraField
from labourhub.workflow.models import Case


def case_fields() -> list[ExtraField]:
    """The case fields of the plugins active for the current ministry, in declaration order."""
    from labourhub.extensions import current_hooks, flatten

    tenant = getattr(connection, "tenant", None)
    fields: list[ExtraField] = flatten(current_hooks().register_case_fields(tenant=tenant))
    return fields


def case_extra_clean(values: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Validate ``values`` with each field's ``clean``; raise one ValidationError keyed by field.

    ``partial`` (an update) checks only the keys given, so a required field need not be resent.
    """
    fields = {f.key: f for f in case_fields()}
    errors: dict[str, list[str]] = {key: [_(EXTRA_UNKNOWN)] for key in values if key not in fields}
    cleaned: dict[str, Any] = {}
    for key, field in fields.items():
        if partial and key not in values:
            continue
        try:
            value = field.clean(values.get(key))
        except ValidationError as exc:
            errors[key] = list(exc.messages)
            continue
        if value is not None:
            cleaned[key] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def case_extra_display(extra: dict[str, Any]) -> list[tuple[str, Any]]:
    """(label, value) pairs for the case page, in field order; choices show their label."""
    rows = []
    for field in case_fields():
        if field.key not in extra:
            continue
        value = extra[field.key]
        labels = dict(field.choices)
        if isinstance(value, bool):
            shown = _("Yes") if value else _("No")
        else:
            shown = str(labels.get(value, value))
        rows.append((str(field.label), shown))
    return rows


@transaction.atomic
def case_extra_update(*, case: Case, values: dict[str, Any], actor: Actor) -> Case:
    """Set the given plugin case fields (validated; nothing saved when any value is refused)."""
    user = actor if isinstance(actor, User) else None
    if user is not None and not user_can(
        user=user, action=Action.CASE_EDIT, office=case.office, owner_id=case.assigned_to_id
    ):
        raise ApplicationError(_("Your role does not allow changing this case."))
    cleaned = case_extra_clean(values, partial=True)
    locked = Case.objects.select_for_update().get(pk=case.pk)
    before = dict(locked.extra)
    locked.extra = {**before, **cleaned}
    for key in values:
        if key not in cleaned:
            locked.extra.pop(key, None)
    locked.save(update_fields=["extra", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.CASE_FIELDS_UPDATED,
        subject=locked,
        payload={
            "changes": {
                k: (before.get(k), locked.extra.get(k))
                for k in values
                if before.get(k) != locked.extra.get(k)
            }
        },
    )
    return locked
