import json
from collections.abc import Callable
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

from labourhub.audit.events import AuditAction, AuditActionType, audit_action_is_registered
from labourhub.audit.models import GENESIS_HASH, AuditEvent
from labourhub.audit.payload import AuditPayload, audit_payload_split
from labourhub.common.db import current_schema
from labourhub.common.middleware import client_ip_var, request_id_var

Actor = AbstractBaseUser | AnonymousUser | None

# Called with each new event inside the same transaction (the interop outbox listens here), so
# whatever a listener writes commits or rolls back with the change the event describes.
_LISTENERS: list[Callable[[AuditEvent], None]] = []


def audit_listener_add(listener: Callable[[AuditEvent], None]) -> None:
    """Register ``listener`` to run after every ``audit_record``, in its transaction."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def _jsonable(value: Any) -> Any:
    # Store exactly what the hash is computed over: JSONB normalises dates, Decimals and UUIDs.
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def audit_actor_name(actor: Actor) -> str:
    """How the trail names ``actor``: the user name, or "system" for background work."""
    return actor.get_username() if actor is not None and actor.is_authenticated else "system"


def audit_record(
    *,
    actor: Actor,
    action: AuditAction | AuditActionType,
    subject: models.Model | None = None,
    payload: AuditPayload | None = None,
    actor_name: str = "",
) -> AuditEvent:
    """Append one event to the current schema's chain.

    Must run inside the caller's transaction so the event commits or rolls back with the change
    it describes. A transaction-scoped advisory lock serialises writers so the chain never forks.
    ``actor_name`` names a person whose account lives in another schema (a console operator
    acting on a ministry): there is no local user to link, but the trail still says who it was.
    """
    if isinstance(action, AuditAction):
        code = action.value
    elif audit_action_is_registered(action):
        code = action.code
    else:
        raise TypeError(f"Unknown audit action {action!r}: use AuditAction or a registered one.")
    changes, extra = audit_payload_split(payload)
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record() must be called inside the service's transaction")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"audit:{current_schema()}"])
    last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    real_actor = actor if actor is not None and actor.is_authenticated else None
    event = AuditEvent(
        occurred_at=timezone.now(),
        actor_id=real_actor.pk if real_actor is not None else None,
        actor_repr=(
            real_actor.get_username() if real_actor is not None else actor_name or "system"
        )[:200],
        action=code,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        subject_repr=str(subject)[:300] if subject is not None else "",
        changes=_jsonable(changes),
        extra=_jsonable(extra),
        request_id=request_id_var.get() or "",
        ip=client_ip_var.get(),
        prev_hash=last or GENESIS_HASH,
    )
    event.hash = event.compute_hash()
    event.save(force_insert=True)
    for listener in _LISTENERS:
        listener(event)
    return event


__all__ = [
    "AuditAction",
    "AuditActionType",
    "AuditPayload",
    "audit_actor_name",
    "audit_listener_add",
    "audit_record",
    "transaction",
]
