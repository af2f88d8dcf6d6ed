import pytest
from django.conf import settings

from labourhub.accounts.models import Office
from labourhub.accounts.roles import Role
from labourhub.documents.models import Document, TemplateVersion
from labourhub.documents.services import document_issue, document_pdf_bytes, document_templates_seed


@pytest.fixture
def inspector_api(ministry, inspector, api_client_for):
    client = api_client_for(ministry, inspector)
    # Assertions read English messages; the ministry's default language is Spanish.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_issue_list_sign_and_download(inspector_api, in_ministry):
    document_templates_seed()
    office = Office.objects.get(code="T-DIS")
    response = inspector_api.post(
        "/api/v1/documents/issue/",
        {
            "kind": "compliance_order",
            "subject_type": "accounts.office",
            "subject_id": str(office.pk),
            "extra": {"amount": "10"},
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    doc_id = response.json()["id"]
    listing = inspector_api.get("/api/v1/documents/?kind=compliance_order").json()
    assert [d["id"] for d in listing["results"]] == [doc_id]
    signed = inspector_api.post(f"/api/v1/documents/{doc_id}/sign/")
    assert signed.status_code == 200 and signed.json()["status"] == "signed"
    again = inspector_api.post(f"/api/v1/documents/{doc_id}/sign/")
    assert again.status_code == 409 and "already signed" in again.json()["message"]
    pdf = inspector_api.get(f"/api/v1/documents/{doc_id}/pdf/")
    assert pdf.content == document_pdf_bytes(document=Document.objects.get(pk=doc_id))


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "emperor"}, "kind"),
        ({"kind": "certificate", "subject_type": "auth.user", "subject_id": "1"}, "subject_type"),
        ({"kind": "certificate", "subject_type": "accounts.office"}, "subject_id"),
        (
            {"kind": "certificate", "subject_type": "accounts.office", "subject_id": "abc"},
            "subject_id",
        ),
        ({"kind": "certificate", "extra": "not-a-dict"}, "extra"),
        ({"kind": "certificate", "extra": {f"k{i}": "v" for i in range(30)}}, "extra"),
    ],
)
def test_issue_hostile_input(inspector_api, in_ministry, payload, field):
    document_templates_seed()
    response = inspector_api.post("/api/v1/documents/issue/", payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["message"] and field in body["extra"]["fields"], body
    assert not Document.objects.exists()


def test_template_save_refuses_hostile_template(ministry, in_ministry, admin, api_client_for):
    api = api_client_for(ministry, admin)
    response = api.post(
        "/api/v1/documents/templates/fine_decision/versions/",
        {
            "layout": "single",
            "languages": ["en"],
            "texts": {"en": {"title": "F", "body": "{% include '/etc/passwd' %}"}},
        },
        format="json",
    )
    assert response.status_code == 400
    assert "include" in str(response.json()["extra"]["fields"]["body_en"])
    assert not TemplateVersion.objects.exists()
    ok = api.post(
        "/api/v1/documents/templates/fine_decision/versions/",
        {
            "layout": "single",
            "languages": ["en"],
            "texts": {"en": {"title": "F", "body": "<p>{{ extra.amount }}</p>"}},
        },
        format="json",
    )
    assert ok.status_code == 201 and ok.json()["number"] == 1


def test_inspector_cannot_save_templates(inspector_api, in_ministry):
    response = inspector_api.post(
        "/api/v1/documents/templates/fine_decision/versions/", {}, format="json"
    )
    assert response.status_code == 403


def test_public_verify_api_needs_no_login(ministry, in_ministry, inspector, api_client_for):
    document_templates_seed()
    doc = document_issue(kind="certificate", officer=inspector, actor=inspector)
    anonymous = api_client_for(ministry)
    info = anonymous.get(f"/api/v1/documents/verify/{doc.verification_code}/").json()
    assert info["number"] == doc.number and info["signed"] is False
    assert "subject_label" not in info and "context" not in info
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = document_pdf_bytes(document=doc)
    ok = anonymous.post(
        f"/api/v1/documents/verify/{doc.verification_code}/",
        {"file": SimpleUploadedFile("a.pdf", data)},
        format="multipart",
    )
    assert ok.json() == {"matches": True}
    bad = anonymous.post(
        f"/api/v1/documents/verify/{doc.verification_code}/",
        {"file": SimpleUploadedFile("a.pdf", data + b"x")},
        format="multipart",
    )
    assert bad.json() == {"matches": False}
    missing = anonymous.post(
        f"/api/v1/documents/verify/{doc.verification_code}/", {}, format="multipart"
    )
    assert missing.status_code == 400


def test_other_ministry_api_cannot_reach_documents(
    ministry, second_ministry, in_ministry, inspector, api_client_for
):
    document_templates_seed()
    doc = document_issue(kind="certificate", officer=inspector, actor=inspector)
    from labourhub.accounts.services import user_create
    from tenants.context import ministry_context

    with ministry_context(second_ministry):
        intruder = user_create(
            username="intruder",
            password="Other-ministry-pass-2026",
            roles=[Role.SYSTEM_ADMIN],
            actor=None,
        )
        api = api_client_for(second_ministry, intruder)
    assert api.get(f"/api/v1/documents/{doc.pk}/pdf/").status_code == 404
    assert api.post(f"/api/v1/documents/{doc.pk}/sign/").status_code == 404
    assert api.get("/api/v1/documents/").json()["results"] == []
    anonymous = api_client_for(second_ministry)
    assert anonymous.get(f"/api/v1/documents/verify/{doc.verification_code}/").status_code == 404
    # The first ministry's token does not work on the second ministry's host.
    stolen = api_client_for(ministry, inspector)
    stolen.defaults["HTTP_HOST"] = "test2.localhost"
    assert stolen.get("/api/v1/documents/").status_code in (401, 403)
    doc.refresh_from_db()
    assert doc.status == Document.Status.ISSUED
