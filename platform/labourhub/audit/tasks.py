from typing import Any

from celery import shared_task

from labourhub.audit.selectors import audit_chain_verify
from labourhub.common.db import current_schema


@shared_task
def audit_chain_check() -> dict[str, Any]:
    """Verify the chain of the schema the task was enqueued from (the tenant-aware app sets it)."""
    report = audit_chain_verify()
    return {
        "schema": current_schema(),
        "checked": report.checked,
        "ok": report.ok,
        "broken_id": report.broken_id,
        "reason": report.reason,
    }
