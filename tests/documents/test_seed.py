from labourhub.documents.models import DocumentKind, DocumentTemplate, TemplateVersion
from labourhub.documents.services import document_issue, document_pdf_bytes, document_templates_seed

from .conftest import pdf_text


def test_seed_creates_one_template_per_kind_and_is_idempotent(in_ministry, inspector):
    assert document_templates_seed() == len(DocumentKind)
    assert document_templates_seed() == 0
    assert DocumentTemplate.objects.count() == len(DocumentKind)
    # Test ministry: Spanish by default, also English -> bilingual Spanish/English columns.
    version = TemplateVersion.objects.get(template__kind="fine_decision")
    assert version.languages == ["es", "en"] and version.layout == "columns"
    for kind in DocumentKind.values:
        doc = document_issue(kind=kind, officer=inspector, actor=inspector)
        assert doc.number in pdf_text(document_pdf_bytes(document=doc))


def test_sri_lanka_gets_sinhala_english_letters(in_ministry, inspector):
    # The Sri Lanka demo ministry's languages, applied to the active ministry in memory only.
    in_ministry.languages, in_ministry.default_language = ["si", "ta", "en"], "si"
    document_templates_seed()
    version = TemplateVersion.objects.get(template__kind="compliance_order")
    assert version.languages == ["si", "en"]
    doc = document_issue(kind="compliance_order", officer=inspector, extra={}, actor=inspector)
    text = pdf_text(document_pdf_bytes(document=doc))
    assert "අනුකූලතා නියෝගය" in text.replace("\n", "") or "අනුකූලතා" in text
    assert "Compliance order" in text


def test_single_language_ministry_gets_single_column(in_ministry):
    in_ministry.languages, in_ministry.default_language = ["vi"], "vi"
    document_templates_seed()
    version = TemplateVersion.objects.get(template__kind="certificate")
    assert version.languages == ["vi"] and version.layout == "single"


def test_demo_seed_issues_and_signs_sample_letters_once(in_ministry, user_with_role):
    from devtools.demo.documents import documents_demo_seed
    from labourhub.accounts.roles import Role
    from labourhub.documents.models import Document

    user_with_role(Role.INSPECTOR, username="inspector")
    documents_demo_seed()
    documents_demo_seed()
    docs = Document.objects.order_by("number")
    assert [d.kind for d in docs] == ["compliance_order", "fine_decision"]
    assert [d.status for d in docs] == ["signed", "issued"]
