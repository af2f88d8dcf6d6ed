"""Signed documents carry a real PAdES signature that an independent tool (pdfsig) accepts."""

import subprocess
import tempfile
from pathlib import Path

import pytest
from cryptography import x509
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from labourhub.common.exceptions import ApplicationError
from labourhub.common.secrets import secret_env_name, secret_resolve
from labourhub.documents.models import Document, Signature
from labourhub.documents.pades import demo_ca_ensure, signing_refs
from labourhub.documents.services import document_issue, document_pdf_bytes, document_sign


def pdfsig(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "signed.pdf"
        path.write_bytes(pdf)
        result = subprocess.run(
            ["pdfsig", str(path)], capture_output=True, text=True, timeout=60, check=False
        )
        return result.stdout + result.stderr


@pytest.fixture
def order(in_ministry, inspector, template_for):
    template_for("compliance_order")
    return document_issue(kind="compliance_order", officer=inspector, actor=inspector)


def test_a_signed_order_carries_a_signature_pdfsig_reports_valid(
    order, inspector, client_for, ministry
):
    signature = document_sign(document=order, signer=inspector, actor=inspector)
    signed = document_pdf_bytes(document=Document.objects.get(pk=order.pk))
    report = pdfsig(signed)
    assert "Signature #1" in report
    assert "Signature Validation: Signature is Valid." in report
    assert "Test Ministry of Labour documents" in report  # the ministry's own certificate
    assert "ETSI.CAdES.detached" in report  # PAdES, not a legacy PKCS#7 signature
    assert signature.provider == "pades"
    assert "Test Ministry of Labour demo CA" in signature.provider_data["certificate_issuer"]
    # The public verify page still recognises the signed bytes.
    page = client_for(ministry).post(
        f"/verify/{order.verification_code}/",
        {"file": SimpleUploadedFile("copy.pdf", signed, "application/pdf")},
    )
    assert page.status_code == 200
    assert "coincide exactamente con el original" in page.content.decode()


def test_an_unsigned_issued_letter_has_no_signature(order):
    assert "does not contain any signatures" in pdfsig(document_pdf_bytes(document=order))


def test_provisioned_test_ministries_have_a_signing_key(in_ministry):
    # ensure() is a no-op when provisioning already made the key.
    assert demo_ca_ensure(schema="test", ministry_name="x") is False
    assert b"PRIVATE KEY" in secret_resolve(signing_refs("test")["key"])


def test_missing_key_in_production_refuses_and_stores_nothing(order, inspector, settings, tmp_path):
    settings.DOCUMENT_SIGNING_DEMO_CA = False
    settings.SECRETS_DIR = tmp_path
    with pytest.raises(ApplicationError) as exc:
        document_sign(document=order, signer=inspector, actor=inspector)
    assert "signing key" in exc.value.message
    assert not Signature.objects.exists()
    order.refresh_from_db()
    assert order.status == Document.Status.ISSUED


def test_key_held_in_an_environment_variable_is_used(
    order, inspector, settings, tmp_path, monkeypatch
):
    # Production shape: certificate and chain mounted as files, the key only in the environment.
    settings.DOCUMENT_SIGNING_DEMO_CA = False
    settings.SECRETS_DIR = tmp_path
    schema = connection.schema_name
    assert demo_ca_ensure(schema=schema, ministry_name="Env Ministry", country="HN") is True
    key_path = tmp_path / signing_refs(schema)["key"]
    monkeypatch.setenv(secret_env_name(signing_refs(schema)["key"]), key_path.read_text())
    key_path.unlink()
    document_sign(document=order, signer=inspector, actor=inspector)
    report = pdfsig(document_pdf_bytes(document=Document.objects.get(pk=order.pk)))
    assert "Signature is Valid." in report and "Env Ministry documents" in report


def test_long_ministry_names_with_accents_fit_the_certificate(settings, tmp_path):
    settings.SECRETS_DIR = tmp_path
    name = "Ministère du Travail, de l'Emploi et de la Formation professionnelle de Sainte-Lucie"
    assert demo_ca_ensure(schema="longname", ministry_name=name, country="LC") is True
    cert = x509.load_pem_x509_certificate(secret_resolve(signing_refs("longname")["cert"]))
    common_name = cert.subject.rfc4514_string()
    assert "documents" in common_name and "Ministère du Travail" in common_name
