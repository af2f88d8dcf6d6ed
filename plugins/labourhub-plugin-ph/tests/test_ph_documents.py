"""The Authority to Inspect as a real PDF, hostile input in it, and the pack's country scope."""

import io

import pytest
from labourhub_ph import documents
from labourhub_ph.hooks import SLUG
from pypdf import PdfReader

from labourhub.plugin_api import ApplicationError, Role, document_issue


def _pdf_text(document) -> str:
    from labourhub.documents.services import document_pdf_bytes

    reader = PdfReader(io.BytesIO(document_pdf_bytes(document=document)))
    return " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")


def test_the_authority_to_inspect_names_the_signatory_and_the_inspectors(
    enable_plugin, in_ministry, user_with_role
):
    enable_plugin(SLUG)
    director = user_with_role(Role.AUTHORISING_OFFICIAL)
    director.first_name, director.last_name = "Ana", "Villanueva"
    director.save(update_fields=["first_name", "last_name"])
    authority = document_issue(
        kind=documents.AUTHORITY_TO_INSPECT,
        officer=director,
        extra={
            "inspectors": "Maria Santos, Jose Reyes",
            "establishment": "Visayas Builders Corp. <script>alert(1)</script>",
            "address": "Cebu City",
            "valid_until": "31 December 2026",
            "signatory_title": "Regional Director, DOLE Regional Office VII",
        },
        actor=director,
    )
    text = _pdf_text(authority)
    assert "Authority to Inspect" in text
    assert "Maria Santos, Jose Reyes" in text
    assert "Ana Villanueva" in text and "Regional Director, DOLE Regional Office VII" in text
    assert "Article 128 of the Labor Code" in text
    # A hostile establishment name is printed as text, never interpreted as markup.
    assert "<script>alert(1)</script>" in text


def test_the_pack_is_offered_only_to_philippine_ministries(
    enable_plugin, ministry, second_ministry
):
    from labourhub.extensions import flatten, hooks_for

    enable_plugin(SLUG)
    assert str(ministry.country) == "PH"
    with pytest.raises(ApplicationError):
        enable_plugin(SLUG, ministry=second_ministry)
    # Another ministry's case types never include the Philippine procedure.
    codes = {
        p.code
        for p in flatten(
            hooks_for(second_ministry).register_procedure_types(tenant=second_ministry)
        )
    }
    assert "ph_labor_inspection" not in codes
