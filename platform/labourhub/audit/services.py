import json
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

from labourhub.audit.models import GENESIS_HASH, AuditEvent
from labourhub.common.db import current_schema
from labourhub.common.middleware import client_ip_var, request_id_var

Actor = AbstractBaseUser | AnonymousUser | None


def _jsonable(value: Any) -> Any:
    # Store exactly what the hash is computed over: JSONB normalises dates, Decimals and UUIDs.
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def audit_record(
    *,
    actor: Actor,
    action: str,
    subject: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the current schema's chain.

    Must run inside the caller's transaction so the event commits or rolls back with the change
    it describes. A transaction-scoped advisory lock serialises writers so the chain never forks.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record() must be called inside the service's transaction")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"audit:{current_schema()}"])
    last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    real_actor = actor if actor is not None and actor.is_authenticated else None
    event = AuditEvent(
        occurred_at=timezone.now(),
        actor_id=real_actor.pk if real_actor is not None else None,
        actor_repr=real_actor.get_username() if real_actor is not None else "system",
        action=action,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        subject_repr=str(subject)[:300] if subject is not None else "",
        changes=_jsonable(changes or {}),
        extra=_jsonable(extra or {}),
        request_id=request_id_var.get() or "",
        ip=client_ip_var.get(),
        prev_hash=last or GENESIS_HASH,
    )
    event.hash = event.compute_hash()
    event.save(force_insert=True)
    return event


def diff_for_audit(diff: dict[str, tuple[Any, Any]]) -> dict[str, dict[str, Any]]:
    return {field: {"before": before, "after": after} for field, (before, after) in diff.items()}


__all__ = ["audit_record", "diff_for_audit", "transaction"]
