"""Signature providers: PAdES with the ministry's key by default; a national PKI plugs in here.

A provider receives the exact PDF bytes to be signed and returns the bytes to store (a PAdES
provider returns the PDF with its embedded signature). Whatever it returns is what gets hashed,
stored and verified.
"""

from labourhub.accounts.models import User
from labourhub.extensions import current_hooks
from labourhub.extensions.types import SignatureProvider, SignedPdf

__all__ = ["InternalSignatureProvider", "SignatureProvider", "SignedPdf"]


class InternalSignatureProvider:
    """The platform's own signature: an authenticated officer, a time and a hash."""

    slug = "internal"

    def sign(self, *, pdf: bytes, signer: User, document_number: str) -> SignedPdf:
        return SignedPdf(pdf=pdf, provider=self.slug)


def signature_provider_for_current_ministry() -> SignatureProvider:
    """The ministry's PKI provider when a plugin offers one, else a PAdES signature made with
    the ministry's own key (a demo CA outside production, see labourhub.documents.pades).

    The ``document_signature_provider(tenant)`` hookspec (firstresult) is asked first.
    """
    from django.conf import settings
    from django.db import connection

    from labourhub.documents.pades import PadesSignatureProvider, demo_ca_ensure

    tenant = getattr(connection, "tenant", None)
    try:
        hook = current_hooks().document_signature_provider
    except AttributeError:
        hook = None
    provider = hook(tenant=tenant) if hook is not None else None
    if provider:
        return provider  # type: ignore[no-any-return]
    schema: str = connection.schema_name  # type: ignore[attr-defined]
    if settings.DOCUMENT_SIGNING_DEMO_CA:
        demo_ca_ensure(
            schema=schema,
            ministry_name=getattr(tenant, "name", schema),
            country=str(getattr(tenant, "country", "") or ""),
        )
    return PadesSignatureProvider(schema=schema)
