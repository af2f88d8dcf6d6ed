from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from labourhub.accounts.models import Office
from labourhub.accounts.roles import Role
from labourhub.documents.models import Document, Signature, TemplateVersion
from labourhub.documents.services import (
    document_issue,
    document_pdf_bytes,
    document_sign,
    document_templates_seed,
)
from labourhub.testing.pytest_plugin import TEST_PASSWORD


def english(client: Any) -> Any:
    # Assertions read English text; the ministry's default language is Spanish.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def login(client: Any, user: Any) -> Any:
    client.force_login(user)
    return english(client)


@pytest.fixture
def admin_web(ministry, admin, client_for):
    return login(client_for(ministry), admin)


@pytest.fixture
def inspector_web(ministry, inspector, client_for):
    return login(client_for(ministry), inspector)


def _form(**overrides: str) -> dict[str, str]:
    data = {
        "layout": "single",
        "language_1": "en",
        "title_1": "Fine decision",
        "body_1": "<p>Pay {{ extra.amount }} within 10 days.</p>",
        "language_2": "",
        "title_2": "",
        "body_2": "",
        "note": "new wording",
        "subject_type": "",
        "subject_id": "",
    }
    data.update(overrides)
    return data


def test_admin_edits_fine_decision_template_in_the_browser(admin_web, in_ministry, inspector):
    page = admin_web.get("/app/documents/templates/")
    assert page.status_code == 200 and "Fine decision" in page.content.decode()
    assert admin_web.get("/app/documents/templates/fine_decision/").status_code == 200
    response = admin_web.post("/app/documents/templates/fine_decision/", _form())
    assert response.status_code == 302
    first = document_issue(
        kind="fine_decision", officer=inspector, extra={"amount": "90"}, actor=inspector
    )
    response = admin_web.post(
        "/app/documents/templates/fine_decision/",
        _form(body_1="<p>Now pay {{ extra.amount }} in 5 days.</p>"),
    )
    assert response.status_code == 302
    second = document_issue(
        kind="fine_decision", officer=inspector, extra={"amount": "90"}, actor=inspector
    )
    assert first.template_version.number == 1 and second.template_version.number == 2
    detail = admin_web.get(f"/app/documents/{first.pk}/").content.decode()
    assert "template version 1" in detail
    old = admin_web.get("/app/documents/templates/fine_decision/v1/").content.decode()
    assert "Pay {{ extra.amount }} within 10 days." in old


def test_hostile_template_form_shows_error_and_keeps_the_text(admin_web, in_ministry):
    body = "{{ settings.SECRET_KEY }} and my careful wording"
    response = admin_web.post("/app/documents/templates/fine_decision/", _form(body_1=body))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Unknown field" in html and "settings" in html
    assert "my careful wording" in html  # nothing the administrator typed is lost
    assert not TemplateVersion.objects.exists()


def test_preview_uses_a_real_record_and_is_sandboxed(admin_web, in_ministry):
    office = Office.objects.get(code="T-DIS")
    response = admin_web.post(
        "/app/documents/templates/certificate/preview/",
        _form(
            body_1="<p>Office: {{ office.name }}</p>",
            subject_type="accounts.office",
            subject_id=str(office.pk),
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Office: Test district" in html
    assert "<iframe" in html and " sandbox " in html
    assert not TemplateVersion.objects.exists()  # previews never save


def test_preview_with_unknown_record_says_so(admin_web, in_ministry):
    response = admin_web.post(
        "/app/documents/templates/certificate/preview/",
        _form(subject_type="accounts.office", subject_id="999999"),
    )
    assert "No record of that type has this id." in response.content.decode()


def test_inspector_cannot_edit_templates(inspector_web, in_ministry):
    assert inspector_web.get("/app/documents/templates/").status_code == 403
    assert inspector_web.post("/app/documents/templates/fine_decision/", _form()).status_code == 403


def test_issue_sign_download_flow(inspector_web, in_ministry):
    document_templates_seed()
    assert "No documents yet" in inspector_web.get("/app/documents/").content.decode()
    office = Office.objects.get(code="T-DIS")
    response = inspector_web.post(
        "/app/documents/issue/",
        {
            "kind": "compliance_order",
            "subject_type": "accounts.office",
            "subject_id": str(office.pk),
            "amount": "",
        },
    )
    assert response.status_code == 302
    doc = Document.objects.get()
    assert inspector_web.get("/app/documents/").content.decode().count(doc.number) >= 1
    response = inspector_web.post(f"/app/documents/{doc.pk}/sign/")
    assert response.status_code == 302
    assert Signature.objects.filter(document=doc).exists()
    pdf = inspector_web.get(f"/app/documents/{doc.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content == document_pdf_bytes(document=doc)
    case_file = inspector_web.get(f"/app/documents/case-file/accounts.office/{office.pk}/")
    assert case_file.status_code == 200 and case_file.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({"kind": "nonsense"}, "kind"),
        ({"kind": "certificate", "subject_type": "accounts.office"}, "neither"),
        (
            {"kind": "certificate", "subject_type": "auth.permission", "subject_id": "1"},
            "subject_type",
        ),
        (
            {"kind": "certificate", "subject_type": "accounts.office", "subject_id": "x' OR 1=1"},
            "No record",
        ),
        ({"kind": "certificate", "amount": "-5"}, "amount"),
    ],
)
def test_issue_form_hostile_input(inspector_web, in_ministry, data, field_error):
    document_templates_seed()
    response = inspector_web.post("/app/documents/issue/", data)
    assert response.status_code == 400
    assert not Document.objects.exists()
    html = response.content.decode()
    assert 'class="error"' in html


def test_issue_without_template_shows_translated_message(inspector_web, in_ministry):
    response = inspector_web.post("/app/documents/issue/", {"kind": "referral"})
    assert response.status_code == 400
    assert "no template" in response.content.decode().lower()
    assert not Document.objects.exists()


def test_public_verification_page(ministry, in_ministry, inspector, client_for, template_for):
    template_for("compliance_order")
    office = Office.objects.get(code="T-DIS")
    doc = document_issue(
        kind="compliance_order",
        officer=inspector,
        subject=office,
        extra={"amount": "12345"},
        actor=inspector,
    )
    document_sign(document=doc, signer=inspector, actor=inspector)
    signed = document_pdf_bytes(document=Document.objects.get(pk=doc.pk))
    anonymous = english(client_for(ministry))
    page = anonymous.get(f"/verify/{doc.verification_code}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert doc.number in html and str(Role.INSPECTOR.label) in html
    # Only safe fields: not the subject, not the amount, not the signer's name.
    assert "Test district" in html  # issuing office is public
    assert "12345" not in html and "Ana Inspectora" not in html
    good = anonymous.post(
        f"/verify/{doc.verification_code}/",
        {"file": SimpleUploadedFile("copy.pdf", signed, "application/pdf")},
    )
    assert "matches the original" in good.content.decode()
    tampered = bytearray(signed)
    tampered[100] ^= 0x20
    bad = anonymous.post(
        f"/verify/{doc.verification_code}/",
        {"file": SimpleUploadedFile("copy.pdf", bytes(tampered))},
    )
    assert "does NOT match" in bad.content.decode()
    empty = anonymous.post(f"/verify/{doc.verification_code}/", {})
    assert empty.status_code == 400
    assert anonymous.get("/verify/not-a-code/").status_code == 404


def test_other_ministry_cannot_reach_documents(
    ministry, second_ministry, in_ministry, inspector, client_for, template_for
):
    template_for("certificate")
    office = Office.objects.get(code="T-DIS")
    doc = document_issue(kind="certificate", officer=inspector, subject=office, actor=inspector)
    # Same username and password exist only in the first ministry: the login itself fails.
    other = client_for(second_ministry)
    refused = other.post("/app/login/", {"username": inspector.username, "password": TEST_PASSWORD})
    assert refused.status_code == 200  # the form again, not a redirect into the app
    assert other.get(f"/verify/{doc.verification_code}/").status_code == 404
    from tenants.context import ministry_context

    with ministry_context(second_ministry):
        from labourhub.accounts.services import user_create

        intruder = user_create(
            username="intruder", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        # The session belongs in the second ministry's schema, where the intruder exists.
        other = login(client_for(second_ministry), intruder)
    assert other.get(f"/app/documents/{doc.pk}/").status_code == 404
    assert other.get(f"/app/documents/{doc.pk}/pdf/").status_code == 404
    assert other.post(f"/app/documents/{doc.pk}/sign/").status_code == 404
    assert doc.number not in other.get("/app/documents/").content.decode()
    case_file = other.get(f"/app/documents/case-file/accounts.office/{office.pk}/")
    assert case_file.status_code == 302  # "no documents" for that ministry's case


def test_documents_are_scoped_to_who_may_see_them(
    ministry, in_ministry, client_for, user_with_role, template_for
):
    template_for("certificate")
    region = Office.objects.get(code="T-REG")
    other_office = Office.objects.create(
        code="T-DIS2", name="Other district", level="district", parent=region
    )
    mine = user_with_role(Role.INSPECTOR)
    colleague = user_with_role(Role.INSPECTOR)
    far_away = user_with_role(Role.INSPECTOR, office=other_office)
    head = user_with_role(Role.OFFICE_HEAD)
    director = user_with_role(Role.DIRECTOR)
    doc = document_issue(kind="certificate", officer=mine, actor=mine)
    far_doc = document_issue(kind="certificate", officer=far_away, actor=far_away)
    for user, visible in (
        (mine, {doc}),
        (colleague, set()),
        (head, {doc}),
        (director, {doc, far_doc}),
    ):
        web = login(client_for(ministry), user)
        listing = web.get("/app/documents/").content.decode()
        assert {d for d in (doc, far_doc) if d.number in listing} == visible, user
        expected = 200 if doc in visible else 404
        assert web.get(f"/app/documents/{doc.pk}/").status_code == expected
