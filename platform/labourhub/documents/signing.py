"""Signature providers: the built-in one records who signed; a national PKI plugs in here.

A provider receives the exact PDF bytes to be signed and returns the bytes to store (a PAdES
provider returns the PDF with its embedded signature). Whatever it returns is what gets hashed,
stored and verified.
"""

from dataclasses import dataclass, field
from typing import Any, Protocol

from labourhub.accounts.models import User
from labourhub.extensions import current_hooks


@dataclass(frozen=True)
class SignedPdf:
    pdf: bytes
    provider: str
    data: dict[str, Any] = field(default_factory=dict)


class SignatureProvider(Protocol):
    slug: str

    def sign(self, *, pdf: bytes, signer: User, document_number: str) -> SignedPdf: ...


class InternalSignatureProvider:
    """The platform's own signature: an authenticated officer, a time and a hash."""

    slug = "internal"

    def sign(self, *, pdf: bytes, signer: User, document_number: str) -> SignedPdf:
        return SignedPdf(pdf=pdf, provider=self.slug)


def signature_provider_for_current_ministry() -> SignatureProvider:
    """The ministry's PKI provider when a plugin offers one, else the internal provider.

    The ``document_signature_provider(tenant)`` hookspec (firstresult) is requested from the
    plugin host; until it is declared, pluggy has no such hook and the internal provider is used.
    """
    from django.db import connection

    try:
        hook = current_hooks().document_signature_provider
    except AttributeError:
        return InternalSignatureProvider()
    provider = hook(tenant=getattr(connection, "tenant", None))
    return provider or InternalSignatureProvider()
