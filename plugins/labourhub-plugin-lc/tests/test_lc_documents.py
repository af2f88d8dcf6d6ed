"""The order to comply as a real PDF, hostile input in it, and the pack's country scope."""

import io

import pytest
from labourhub_lc import documents
from labourhub_lc.hooks import SLUG
from pypdf import PdfReader

from labourhub.plugin_api import ApplicationError, Role, document_issue


def _pdf_text(document) -> str:
    from labourhub.documents.services import document_pdf_bytes

    reader = PdfReader(io.BytesIO(document_pdf_bytes(document=document)))
    return " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")


def test_the_order_to_comply_cites_section_179_and_the_compliance_plan(
    enable_plugin, in_ministry, user_with_role
):
    enable_plugin(SLUG)
    officer = user_with_role(Role.INSPECTOR)
    officer.first_name, officer.last_name = "Kerry", "Alexander"
    officer.save(update_fields=["first_name", "last_name"])
    order = document_issue(
        kind=documents.ORDER_TO_COMPLY,
        officer=officer,
        extra={
            "employer": "Castries Hardware Ltd <img src=x onerror=alert(1)>",
            "requirements": "guard the circular saw",
            "comply_by": "6 January 2027",
        },
        actor=officer,
    )
    text = _pdf_text(order)
    assert "Order to comply" in text and "section 179 of the Labour Act" in text
    assert "guard the circular saw, by 6 January 2027" in text
    assert "Chief Occupational Safety and Health Officer" in text
    assert "Kerry Alexander" in text and "Labour Officer" in text
    # A hostile employer name is printed as text, never interpreted as markup.
    assert "<img src=x onerror=alert(1)>" in text


def test_the_pack_is_offered_only_to_saint_lucian_ministries(
    enable_plugin, ministry, second_ministry
):
    from labourhub.extensions import flatten, hooks_for

    enable_plugin(SLUG)
    assert str(ministry.country) == "LC"
    with pytest.raises(ApplicationError):
        enable_plugin(SLUG, ministry=second_ministry)
    other = hooks_for(second_ministry).register_procedure_types(tenant=second_ministry)
    codes = {p.code for p in flatten(other)}
    assert not {"lc_inspection", "lc_individual_dispute"} & codes
