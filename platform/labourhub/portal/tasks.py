from celery import shared_task
from django.conf import settings
from django.db import connection

from labourhub.portal.services.ebox_sweep import ebox_sweep


def _link_base() -> str:
    tenant = getattr(connection, "tenant", None)
    domain = tenant.get_primary_domain() if tenant is not None else None
    if domain is None:
        return ""
    return f"{'http' if settings.DEBUG else 'https'}://{domain.domain}"


@shared_task(acks_late=True)
def ebox_sweep_task() -> dict[str, int]:
    """Runs in the schema that enqueued it; safe to run twice (each step locks and re-checks)."""
    return ebox_sweep(link_base=_link_base())
