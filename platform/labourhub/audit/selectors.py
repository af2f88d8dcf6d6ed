import datetime as dt
from dataclasses import dataclass
from typing import TypedDict

from django.db.models import QuerySet

from labourhub.audit.events import AuditAction, audit_action_codes, audit_action_resolve
from labourhub.audit.models import GENESIS_HASH, AuditEvent


class AuditFilters(TypedDict, total=False):
    actor: str
    subject_type: str
    subject_id: str
    action: str
    date_from: dt.date
    date_to: dt.date


def audit_event_list(*, filters: AuditFilters | None = None) -> QuerySet[AuditEvent]:
    filters = filters or {}
    qs = AuditEvent.objects.all().order_by("-id")
    if actor := filters.get("actor"):
        qs = qs.filter(actor_repr__icontains=actor)
    if subject_type := filters.get("subject_type"):
        qs = qs.filter(subject_type=subject_type)
    if subject_id := filters.get("subject_id"):
        qs = qs.filter(subject_id=subject_id)
    if action := filters.get("action"):
        known = audit_action_resolve(action)
        if known is not None:
            code = known.value if isinstance(known, AuditAction) else known.code
            qs = qs.filter(action__in=audit_action_codes(code))
        else:
            qs = qs.filter(action__startswith=action)
    if date_from := filters.get("date_from"):
        qs = qs.filter(occurred_at__date__gte=date_from)
    if date_to := filters.get("date_to"):
        qs = qs.filter(occurred_at__date__lte=date_to)
    return qs


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_id: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.broken_id is None


def audit_chain_verify() -> ChainReport:
    """Recompute every hash of the current schema's chain; name the first row that fails."""
    prev = GENESIS_HASH
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != prev:
            return ChainReport(
                checked, event.pk, "previous-hash link broken (row removed or reordered)"
            )
        if event.compute_hash() != event.hash:
            return ChainReport(checked, event.pk, "content does not match its hash (row altered)")
        prev = event.hash
        checked += 1
    return ChainReport(checked, None, "")
