import hashlib

import pytest
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction

from labourhub.accounts.roles import Role
from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.documents.models import Document, Signature
from labourhub.documents.services import (
    document_issue,
    document_matches,
    document_pdf_bytes,
    document_sign,
)
from labourhub.documents.signing import SignedPdf
from labourhub.extensions import hookimpl
from tests.extensions.effects import effect_of

from .conftest import pdf_text


@pytest.fixture
def issued(in_ministry, inspector, template_for):
    template_for("compliance_order")
    return document_issue(kind="compliance_order", officer=inspector, actor=inspector)


def test_sign_then_verify_and_one_byte_change_fails(issued, inspector):
    signature = document_sign(document=issued, signer=inspector, actor=inspector)
    stored = document_pdf_bytes(document=Document.objects.get(pk=issued.pk))
    assert hashlib.sha256(stored).hexdigest() == signature.sha256
    assert signature.storage_key.startswith("documents/signed/")
    assert default_storage.exists(signature.storage_key)
    assert signature.signer_role == str(Role.INSPECTOR.label)
    text = pdf_text(stored)
    assert "Signed electronically" in text and "Ana Inspectora" in text
    assert document_matches(code=issued.verification_code, data=stored) is True
    tampered = bytearray(stored)
    tampered[len(tampered) // 2] ^= 0x01
    assert document_matches(code=issued.verification_code, data=bytes(tampered)) is False
    assert document_matches(code="no-such-code", data=stored) is None
    issued.refresh_from_db()
    assert issued.status == Document.Status.SIGNED
    assert AuditEvent.objects.filter(action="document.signed", subject_id=str(issued.pk)).exists()


def test_a_signed_document_cannot_be_signed_again(issued, inspector):
    document_sign(document=issued, signer=inspector, actor=inspector)
    with pytest.raises(ApplicationError) as exc:
        document_sign(document=issued, signer=inspector, actor=inspector)
    assert "already signed" in exc.value.message
    assert Signature.objects.filter(document=issued).count() == 1


def test_signature_rows_cannot_be_changed_or_deleted(issued, inspector):
    signature = document_sign(document=issued, signer=inspector, actor=inspector)
    with pytest.raises(DatabaseError), transaction.atomic():
        Signature.objects.filter(pk=signature.pk).update(sha256="0" * 64)
    with pytest.raises(DatabaseError), transaction.atomic():
        Signature.objects.filter(pk=signature.pk).delete()
    assert Signature.objects.get(pk=signature.pk).sha256 == signature.sha256


def test_a_clerk_cannot_sign_and_nothing_is_stored(issued, user_with_role):
    clerk = user_with_role(Role.CLERK)
    with pytest.raises(ApplicationError):
        document_sign(document=issued, signer=clerk, actor=clerk)
    assert not Signature.objects.exists()
    issued.refresh_from_db()
    assert issued.status == Document.Status.ISSUED


class FakePki:
    """Stands in for a national PKI plugin: returns different bytes, as PAdES would."""

    slug = "test-pki"

    def sign(self, *, pdf, signer, document_number):
        return SignedPdf(
            pdf=pdf + b"\n%PKI-SIGNED\n", provider=self.slug, data={"certificate": "CN=Test"}
        )


def test_a_pki_provider_output_is_what_gets_hashed_and_stored(issued, inspector):
    signature = document_sign(
        document=issued, signer=inspector, provider=FakePki(), actor=inspector
    )
    stored = document_pdf_bytes(document=Document.objects.get(pk=issued.pk))
    assert stored.endswith(b"%PKI-SIGNED\n")
    assert signature.provider == "test-pki"
    assert signature.provider_data == {"certificate": "CN=Test"}
    assert hashlib.sha256(stored).hexdigest() == signature.sha256


def test_unsigned_document_verifies_against_its_issued_bytes(issued):
    data = document_pdf_bytes(document=issued)
    assert document_matches(code=issued.verification_code, data=data) is True
    assert document_matches(code=issued.verification_code, data=data[:-1]) is False


@effect_of("document_signature_provider")
def test_the_ministry_s_pki_plugin_signs_by_default(
    issued, inspector, ministry, register_temporary_plugin
):
    class PkiPlugin:
        @hookimpl
        def document_signature_provider(self, tenant):
            return FakePki()

    register_temporary_plugin(PkiPlugin(), slug="lc-pki", active_for=(ministry,))
    signature = document_sign(document=issued, signer=inspector, actor=inspector)
    assert signature.provider == "test-pki"
    assert document_pdf_bytes(document=Document.objects.get(pk=issued.pk)).endswith(
        b"%PKI-SIGNED\n"
    )
