import io

import pytest
from pypdf import PdfReader

from labourhub.accounts.models import Office
from labourhub.common.exceptions import ApplicationError
from labourhub.documents.services import (
    document_case_file_pdf,
    document_issue,
    document_pdf_bytes,
    document_sign,
)

from .conftest import pdf_text


def test_case_file_has_index_then_documents_in_order(in_ministry, inspector, template_for):
    for kind in ("notice_of_inspection", "minutes", "compliance_order"):
        template_for(kind)
    office = Office.objects.get(code="T-DIS")
    docs = [
        document_issue(kind=k, officer=inspector, subject=office, actor=inspector)
        for k in ("notice_of_inspection", "minutes", "compliance_order")
    ]
    document_sign(document=docs[1], signer=inspector, actor=inspector)
    other = document_issue(kind="minutes", officer=inspector, actor=inspector)  # another case
    assert docs[0].subject_type is not None
    data = document_case_file_pdf(subject_type=docs[0].subject_type, subject_id=str(office.pk))
    reader = PdfReader(io.BytesIO(data))
    parts = sum(len(PdfReader(io.BytesIO(document_pdf_bytes(document=d))).pages) for d in docs)
    assert len(reader.pages) == 1 + parts
    index = reader.pages[0].extract_text()
    positions = [index.index(d.number) for d in docs]
    assert positions == sorted(positions)
    assert other.number not in pdf_text(data)
    assert "Signed electronically" in pdf_text(data)


def test_empty_case_file_is_refused_clearly(in_ministry):
    office = Office.objects.create(code="EMPTY", name="Empty", level="region")
    from django.contrib.contenttypes.models import ContentType

    with pytest.raises(ApplicationError) as exc:
        document_case_file_pdf(
            subject_type=ContentType.objects.get_for_model(office), subject_id=str(office.pk)
        )
    assert "no documents" in exc.value.message
