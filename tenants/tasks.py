from celery import shared_task
from django.core.management import call_command


@shared_task
def audit_verify_all() -> None:
    """Periodic proof that no ministry's audit trail was altered; fails loudly if one was."""
    call_command("audit_verify")
