from typing import Any

from celery import shared_task


@shared_task(acks_late=True)
def document_issue_task(*, kind: str, subject_label: str, subject_id: str, officer_id: int) -> Any:
    from django.apps import apps

    from labourhub.accounts.models import User
    from labourhub.documents.services import document_issue

    subject = apps.get_model(subject_label).objects.get(pk=subject_id)
    officer = User.objects.get(pk=officer_id)
    return document_issue(kind=kind, subject=subject, officer=officer, actor=officer).pk
