"""django-oauth-toolkit wired to partner clients: scopes per client, suspension, rate limits."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from oauth2_provider.models import AccessToken
from oauth2_provider.oauth2_validators import OAuth2Validator
from oauth2_provider.scopes import BaseScopes
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from labourhub.common.db import current_schema
from labourhub.interop.models import PartnerClient
from labourhub.interop.scopes import SCOPES
from labourhub.interop.services import partner_request_record

PARTNER_SUSPENDED = gettext_noop("This partner system is suspended.")


def _partner_of(application: Any) -> PartnerClient | None:
    if application is None:
        return None
    return PartnerClient.objects.filter(application_id=application.pk).first()


class PartnerScopes(BaseScopes):
    """A client may ask only for the scopes the ministry allowed it; by default it gets them all."""

    def get_all_scopes(self) -> dict[str, str]:
        return {code: str(label) for code, label in SCOPES.items()}

    def get_available_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        partner = _partner_of(application)
        if partner is None or not partner.is_active:
            return []
        return list(partner.allowed_scopes)

    def get_default_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        return self.get_available_scopes(application, request)


class PartnerValidator(OAuth2Validator):
    """A suspended partner's correct secret gets no token (``invalid_client``)."""

    def authenticate_client(self, request: Any, *args: Any, **kwargs: Any) -> bool:
        if not super().authenticate_client(request, *args, **kwargs):
            return False
        partner = _partner_of(request.client)
        return partner is not None and partner.is_active


class PartnerTokenAuthentication(OAuth2Authentication):
    """``Authorization: Bearer <token>`` of a partner client; requests act as its service user.

    Expired, revoked and unknown tokens fall through (401). A token whose client was suspended
    is refused outright, even if it was somehow left behind.
    """

    def authenticate(self, request: Request) -> tuple[Any, AccessToken] | None:
        if current_schema() == "public":
            return None
        # The Django request, not DRF's: a bearer token is a header, and parsing the body here
        # would answer 415 to a write that must be refused 401/403.
        result = super().authenticate(request._request)
        if result is None:
            request.oauth2_error = getattr(request._request, "oauth2_error", {})  # type: ignore[attr-defined]
            return None
        _user, token = result
        partner = _partner_of(token.application)
        if partner is None or not partner.is_active:
            raise AuthenticationFailed(_(PARTNER_SUSPENDED))
        partner_request_record(
            partner=partner, method=request.method or "", path=request.path or ""
        )
        request.partner = partner  # type: ignore[attr-defined]
        return partner.service_user, token


class PartnerRateThrottle(SimpleRateThrottle):
    """Per-client budget (``PartnerClient.rate_per_minute``); staff requests are not counted.

    The cache key carries the schema (django-tenants key function), so equal client ids of two
    ministries never share a budget.
    """

    scope = "partner"

    def get_rate(self) -> str | None:
        return None

    def allow_request(self, request: Request, view: Any) -> bool:
        partner = getattr(request, "partner", None)
        if not isinstance(partner, PartnerClient):
            return True
        self.num_requests, self.duration = partner.rate_per_minute, 60
        self.rate = f"{partner.rate_per_minute}/min"
        return bool(super().allow_request(request, view))

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        partner = getattr(request, "partner", None)
        if not isinstance(partner, PartnerClient):
            return None
        return f"throttle_partner_{partner.application_id}"
