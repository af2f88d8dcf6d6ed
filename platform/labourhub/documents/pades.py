"""PAdES signatures (pyHanko) with the ministry's own key and certificate.

Each ministry's key, certificate and issuing chain are secrets referenced as
``<schema>/signing/key.pem``, ``<schema>/signing/cert.pem`` and ``<schema>/signing/chain.pem``
(see labourhub.common.secrets): in production a mounted file or an environment variable from
the national PKI, never the database. Outside production a ministry without one gets a demo
CA of its own, so demonstrations and tests carry real, verifiable signatures.
"""

import datetime
from io import BytesIO
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

from labourhub.accounts.models import User
from labourhub.common.exceptions import ApplicationError
from labourhub.common.secrets import SecretMissingError, secret_resolve, secret_store_file
from labourhub.extensions.types import SignedPdf

SIGNING_KEY_MISSING = gettext_noop(
    "This ministry's signing key or certificate cannot be found; ask the platform operator "
    "to install them. Nothing was signed."
)
SIGNING_FAILED = gettext_noop("The document could not be signed: %(reason)s")
DEMO_VALIDITY = datetime.timedelta(days=5 * 365)


def signing_refs(schema: str) -> dict[str, str]:
    return {part: f"{schema}/signing/{part}.pem" for part in ("key", "cert", "chain")}


def _common_name(name: str, suffix: str) -> str:
    # X.509 caps a common name at 64 bytes; long ministry names with accents exceed it.
    while len(f"{name} {suffix}".encode()) > 64:
        name = name[:-1]
    return f"{name.rstrip()} {suffix}"


def _name(common_name: str, country: str) -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if len(country) == 2:
        attributes.append(x509.NameAttribute(NameOID.COUNTRY_NAME, country.upper()))
    return x509.Name(attributes)


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def demo_ca_ensure(*, schema: str, ministry_name: str, country: str = "") -> bool:
    """Create a demo CA and a signing certificate for a ministry that has no key yet.

    Returns True when it created them. The files live in SECRETS_DIR, not in the database.
    """
    refs = signing_refs(schema)
    try:
        secret_resolve(refs["key"])
        return False
    except SecretMissingError:
        pass
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(_common_name(ministry_name, "demo CA"), country)
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + DEMO_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(_common_name(ministry_name, "documents"), country))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + DEMO_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    secret_store_file(refs["chain"], ca_cert.public_bytes(serialization.Encoding.PEM))
    secret_store_file(refs["cert"], cert.public_bytes(serialization.Encoding.PEM))
    # The key last: its presence is what says "this ministry has a signing identity".
    secret_store_file(refs["key"], _pem_key(key))
    return True


def _timestamper() -> Any:
    url = settings.DOCUMENT_SIGNING_TSA_URL
    if not url:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(url)


class PadesSignatureProvider:
    """Embeds a PAdES (ETSI.CAdES.detached) signature made with the ministry's key."""

    slug = "pades"

    def __init__(self, *, schema: str) -> None:
        self.schema = schema

    def _signer(self) -> signers.SimpleSigner:
        refs = signing_refs(self.schema)
        try:
            key = secret_resolve(refs["key"])
            cert_pem = secret_resolve(refs["cert"])
            try:
                chain_pem = secret_resolve(refs["chain"])
            except SecretMissingError:
                chain_pem = b""
        except SecretMissingError as exc:
            raise ApplicationError(_(SIGNING_KEY_MISSING)) from exc
        (cert,) = list(load_certs_from_pemder_data(cert_pem))[:1]
        chain = list(load_certs_from_pemder_data(chain_pem)) if chain_pem else []
        return signers.SimpleSigner(
            signing_cert=cert,
            signing_key=load_private_key_from_pemder_data(key, passphrase=None),
            cert_registry=SimpleCertificateStore.from_certs([cert, *chain]),  # type: ignore[no-untyped-call]
        )

    def sign(self, *, pdf: bytes, signer: User, document_number: str) -> SignedPdf:
        meta = signers.PdfSignatureMetadata(
            field_name="Signature1",
            md_algorithm="sha256",
            subfilter=SigSeedSubFilter.PADES,
            reason=document_number,
            name=signer.get_full_name() or signer.get_username(),
        )
        key_signer = self._signer()
        out = BytesIO()
        try:
            signers.sign_pdf(
                IncrementalPdfFileWriter(BytesIO(pdf)),
                meta,
                signer=key_signer,
                timestamper=_timestamper(),
                output=out,
            )
        except Exception as exc:  # pyHanko raises many kinds; the officer needs one message
            raise ApplicationError(_(SIGNING_FAILED) % {"reason": exc}) from exc
        certificate = key_signer.signing_cert
        assert certificate is not None  # SimpleSigner is always built with its certificate
        return SignedPdf(
            pdf=out.getvalue(),
            provider=self.slug,
            data={
                "certificate_subject": certificate.subject.human_friendly,
                "certificate_issuer": certificate.issuer.human_friendly,
                "certificate_serial": str(certificate.serial_number),
                "timestamped": bool(settings.DOCUMENT_SIGNING_TSA_URL),
            },
        )
