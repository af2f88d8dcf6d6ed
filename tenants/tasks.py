import logging

from celery import shared_task

from labourhub.audit.tasks import audit_chain_check
from tenants.context import ministry_context
from tenants.selectors import ministry_list

logger = logging.getLogger(__name__)


@shared_task
def audit_verify_all() -> int:
    """Beat entry point (public schema): one audit-chain check per ministry, in its schema (R35)."""
    count = 0
    for ministry in ministry_list():
        with ministry_context(ministry):
            audit_chain_check.delay()
        count += 1
    logger.info("queued audit chain checks for %d ministries", count)
    return count


@shared_task(acks_late=True)
def tenant_upgrade_run_task(upgrade_id: int) -> str:
    """One ministry's upgrade in a rollout (public schema); the service records failures."""
    from tenants.release_services import tenant_upgrade_run

    return str(tenant_upgrade_run(upgrade_id=upgrade_id).status)
