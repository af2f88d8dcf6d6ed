import hashlib
import json
from typing import Any

from django.conf import settings
from django.db import models

GENESIS_HASH = "0" * 64


class AuditEvent(models.Model):
    """Append-only, hash-chained record of one state change (R13).

    The database refuses UPDATE and DELETE (trigger in migration 0002). Each row stores the hash
    of the previous row, so an edit made with the trigger disabled breaks the chain visibly.
    """

    occurred_at = models.DateTimeField(db_index=True)
    # No FK constraint: audit rows must never be touched by a cascade or SET NULL.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_repr = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=100, db_index=True)
    subject_type = models.CharField(max_length=100, blank=True, db_index=True)
    subject_id = models.CharField(max_length=64, blank=True, db_index=True)
    subject_repr = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action}"

    def payload(self) -> dict[str, Any]:
        return {
            "occurred_at": self.occurred_at.isoformat(),
            "actor_id": self.actor_id,
            "actor_repr": self.actor_repr,
            "action": self.action,
            "subject_type": self.subject_type,
            "subject_id": self.subject_id,
            "subject_repr": self.subject_repr,
            "changes": self.changes,
            "extra": self.extra,
            "request_id": self.request_id,
            "ip": self.ip,
        }

    def compute_hash(self) -> str:
        body = json.dumps(self.payload(), sort_keys=True, separators=(",", ":"), default=str)
        return hashlib.sha256((self.prev_hash + body).encode()).hexdigest()
