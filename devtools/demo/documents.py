"""Demo data: the starter templates plus a few real letters to look at (idempotent)."""

from django.apps import apps
from django.db.models import Model

from labourhub.accounts.models import User
from labourhub.documents.models import Document
from labourhub.documents.services import document_issue, document_sign, document_templates_seed


def documents_demo_seed() -> None:
    document_templates_seed(actor=None)
    inspector = User.objects.filter(username="inspector").first()
    if inspector is None or Document.objects.exists():
        return
    subject: Model | None = None
    if apps.is_installed("labourhub.registry"):
        subject = apps.get_model("registry", "Establishment").objects.order_by("pk").first()
    subject = subject or inspector.office
    order = document_issue(
        kind="compliance_order", officer=inspector, subject=subject, actor=inspector
    )
    document_sign(document=order, signer=inspector, actor=inspector)
    document_issue(
        kind="fine_decision",
        officer=inspector,
        subject=subject,
        extra={"amount": "1 500.00"},
        actor=inspector,
    )
