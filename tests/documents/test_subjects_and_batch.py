from typing import Any

from labourhub.accounts.models import Office
from labourhub.documents.contexts import build_context, subject_kinds
from labourhub.documents.models import Document
from labourhub.documents.services import (
    document_batch_enqueue,
    document_pdf_bytes,
    document_templates_seed,
)
from labourhub.registry.services import employer_create, establishment_create

from .conftest import pdf_text


def _establishment(office: Any) -> Any:
    employer = employer_create(legal_name="Textiles Lanka (Pvt) Ltd", actor=None)
    return establishment_create(
        employer=employer,
        name="Textiles Lanka — Plant 2",
        office=office,
        isic_code="1410",
        address="12 Galle Road",
        workers_female=40,
        workers_male=20,
        actor=None,
    )


def test_establishment_is_a_document_subject(in_ministry, inspector):
    assert "registry.establishment" in {k.label for k in subject_kinds()}
    est = _establishment(Office.objects.get(code="T-DIS"))
    ctx = build_context(subject=est, officer=inspector, office=None)
    assert ctx["establishment"]["name"] == "Textiles Lanka — Plant 2"
    assert ctx["establishment"]["address"] == "12 Galle Road"
    assert ctx["establishment"]["workers"] == 60
    assert ctx["office"]["name"] == "Test district"
    assert ctx["ministry"]["name"] == "Test Ministry of Labour"
    assert ctx["officer"]["full_name"] == "Ana Inspectora"


def test_batch_renders_in_celery_one_document_per_subject(
    in_ministry, inspector, django_capture_on_commit_callbacks
):
    document_templates_seed()
    office = Office.objects.get(code="T-DIS")
    subjects = [_establishment(office)] + [
        Office.objects.create(code=f"B-{i}", name=f"Batch office {i}", level="region")
        for i in range(3)
    ]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        queued = document_batch_enqueue(
            kind="notice_of_inspection", subjects=subjects, officer=inspector, actor=inspector
        )
    assert queued == 4 and len(callbacks) == 4  # one task per subject, queued after commit
    docs = list(Document.objects.filter(kind="notice_of_inspection").order_by("number"))
    assert len(docs) == 4
    assert len({d.number for d in docs}) == 4
    assert "Textiles Lanka" in pdf_text(document_pdf_bytes(document=docs[0]))
