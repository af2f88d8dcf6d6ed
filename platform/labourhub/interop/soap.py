"""SOAP 1.1 facade (spyne) for partners whose systems speak only SOAP: read-only case status and
establishment lookup, behind the same OAuth2 bearer tokens, scopes, rate limits and usage log as
the REST API. The Django view around it (``soap_views``) guards the body and serves the WSDL.
"""

from types import SimpleNamespace
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from oauth2_provider.oauth2_backends import get_oauthlib_core

from labourhub.accounts.permissions import SCOPE_MISSING
from labourhub.interop.models import PartnerClient
from labourhub.interop.oauth import PARTNER_SUSPENDED, PartnerRateThrottle, _partner_of
from labourhub.interop.selectors import (
    soap_case_by_reference,
    soap_establishments_by_registration,
    soap_establishments_by_tax_id,
)
from labourhub.interop.services import partner_request_record
from labourhub.interop.spyne_compat import (
    Application,
    Array,
    ComplexModel,
    Date,
    DateTime,
    Fault,
    ServiceBase,
    Soap11,
    Unicode,
    rpc,
)
from labourhub.workflow.services import ministry_today

TNS = "urn:labourhub:partner:v1"
MAX_IDENTIFIER = 64

TOKEN_MISSING = gettext_noop(
    "An access token is required: send 'Authorization: Bearer <token>' with the request."
)
TOKEN_INVALID = gettext_noop("The access token is invalid or has expired.")
RATE_EXCEEDED = gettext_noop("Too many requests: wait %(seconds)s seconds and try again.")
CASE_NOT_FOUND = gettext_noop("No case has the reference %(reference)s.")
ESTABLISHMENT_NOT_FOUND = gettext_noop("No establishment has this identifier.")
IDENTIFIER_REQUIRED = gettext_noop("%(field)s: a value is required.")
IDENTIFIER_TOO_LONG = gettext_noop("%(field)s: at most %(max)s characters.")
IDENTIFIER_CHARACTERS = gettext_noop("%(field)s: contains characters that are not allowed.")
ONE_IDENTIFIER = gettext_noop("Give either a registration number or a tax id, not both.")


class CaseStatus(ComplexModel):
    """The state of one case, as a partner's system may read it."""

    __namespace__ = TNS
    reference = Unicode
    procedure = Unicode
    procedure_label = Unicode
    state = Unicode
    state_label = Unicode
    opened_at = DateTime
    closed_at = DateTime
    next_due_on = Date
    light = Unicode


class EstablishmentRecord(ComplexModel):
    """One workplace of the registry."""

    __namespace__ = TNS
    registration_number = Unicode
    name = Unicode
    employer_name = Unicode
    tax_id = Unicode
    address = Unicode
    locality = Unicode
    isic_code = Unicode
    size_band = Unicode
    status = Unicode
    status_label = Unicode
    last_inspected_on = Date


def _fault(code: str, message: str) -> Fault:
    return Fault(faultcode=f"Client.{code}", faultstring=message)


def _partner(ctx: Any, scope: str, operation: str) -> PartnerClient:
    """The partner calling, once its token, scope and rate budget allow ``operation``."""
    request: HttpRequest = ctx.transport.req
    if not request.headers.get("Authorization", "").strip():
        raise _fault("Authentication", _(TOKEN_MISSING))
    valid, oauth_request = get_oauthlib_core().verify_request(request, scopes=[])
    token = getattr(oauth_request, "access_token", None)
    if not valid or token is None:
        raise _fault("Authentication", _(TOKEN_INVALID))
    partner = _partner_of(token.application)
    if partner is None or not partner.is_active:
        raise _fault("Authentication", _(PARTNER_SUSPENDED))
    partner_request_record(partner=partner, method="SOAP", path=f"{request.path}#{operation}")
    granted = set(str(token.scope or "").split()) & set(partner.allowed_scopes)
    if scope not in granted:
        raise _fault("Forbidden", _(SCOPE_MISSING))
    # The REST API's throttle and cache key: SOAP and REST calls share one budget per client.
    throttle = PartnerRateThrottle()
    if not throttle.allow_request(SimpleNamespace(partner=partner), None):  # type: ignore[arg-type]
        seconds = max(1, round(throttle.wait() or 1))
        ctx.transport.resp_code = "429 Too Many Requests"
        ctx.transport.resp_headers["Retry-After"] = str(seconds)
        raise _fault("TooManyRequests", _(RATE_EXCEEDED) % {"seconds": seconds})
    return partner


def _identifier(value: str | None, field: str) -> str:
    """A registration number, tax id or case reference: trimmed, bounded, printable."""
    text = (value or "").strip()
    if not text:
        raise _fault("BadInput", _(IDENTIFIER_REQUIRED) % {"field": field})
    if len(text) > MAX_IDENTIFIER:
        raise _fault("BadInput", _(IDENTIFIER_TOO_LONG) % {"field": field, "max": MAX_IDENTIFIER})
    if not text.isprintable():
        raise _fault("BadInput", _(IDENTIFIER_CHARACTERS) % {"field": field})
    return text


class PartnerReadService(ServiceBase):
    """Read operations of the facade; each one names the scope it needs."""

    # Operation names are the Python names: partners' SOAP tooling expects PascalCase.
    @rpc(Unicode, _returns=CaseStatus)
    def GetCaseStatus(ctx: Any, reference: str | None) -> CaseStatus:  # noqa: N802, N805
        partner = _partner(ctx, "cases:read", "GetCaseStatus")
        clean = _identifier(reference, _("Case reference"))
        found = soap_case_by_reference(
            user=partner.service_user, reference=clean, today=ministry_today()
        )
        if found is None:
            raise _fault("NotFound", _(CASE_NOT_FOUND) % {"reference": clean})
        return CaseStatus(**found)

    @rpc(Unicode, Unicode, _returns=Array(EstablishmentRecord))
    def FindEstablishments(  # noqa: N802
        ctx: Any,  # noqa: N805
        registration_number: str | None,
        tax_id: str | None,
    ) -> list[EstablishmentRecord]:
        _partner(ctx, "establishments:read", "FindEstablishments")
        if (registration_number or "").strip() and (tax_id or "").strip():
            raise _fault("BadInput", _(ONE_IDENTIFIER))
        if (tax_id or "").strip():
            rows = soap_establishments_by_tax_id(tax_id=_identifier(tax_id, _("Tax id")))
        else:
            rows = soap_establishments_by_registration(
                registration_number=_identifier(registration_number, _("Registration number"))
            )
        if not rows:
            raise _fault("NotFound", _(ESTABLISHMENT_NOT_FOUND))
        return [EstablishmentRecord(**row) for row in rows]


def soap_application() -> Application:
    # No schema validator: every input is checked in the operation so that its fault is
    # translated; the parser never resolves entities, loads a DTD or reaches the network.
    return Application(
        [PartnerReadService],
        tns=TNS,
        name="LabourHubPartner",
        in_protocol=Soap11(validator=None),
        out_protocol=Soap11(),
    )
