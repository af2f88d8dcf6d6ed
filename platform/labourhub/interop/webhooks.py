"""Signing and sending one webhook request; the signature partners verify is defined here."""

import hashlib
import hmac
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

SIGNATURE_HEADER = "X-LabourHub-Signature"
URL_INVALID = gettext_noop("Enter a web address starting with https://.")
URL_HTTP_REFUSED = gettext_noop("Events are sent over https only.")


def url_check(url: str) -> str:
    """A webhook address: http(s), a host, no user name or password in it."""
    value = (url or "").strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        raise ValidationError({"url": _(URL_INVALID)}) from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.username
        or parts.password
        or len(value) > 500
        or any(not ch.isprintable() or ch.isspace() for ch in value)
    ):
        raise ValidationError({"url": _(URL_INVALID)})
    if parts.scheme == "http" and not settings.INTEROP_WEBHOOK_ALLOW_HTTP:
        raise ValidationError({"url": _(URL_HTTP_REFUSED)})
    return value


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """``t=<unix time>,v1=<hex HMAC-SHA256 of "<t>." + body>``: the header partners check."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def signature_verify(*, secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
    """What a partner does on receipt (shown in the guide; used by the tests as the receiver)."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = signature(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected, header)


def webhook_post(*, url: str, secret: str, body: bytes, headers: dict[str, str]) -> int:
    """POST one structured CloudEvent; returns the status code (raises on network errors)."""
    all_headers = {
        **headers,
        SIGNATURE_HEADER: signature(secret=secret, timestamp=int(time.time()), body=body),
    }
    request = urllib.request.Request(url, data=body, headers=all_headers, method="POST")  # noqa: S310  (url_check admitted http(s) only)
    opener = urllib.request.build_opener(_NoRedirect)
    # url_check admitted only http(s) addresses when the subscription was made.
    try:
        timeout = settings.INTEROP_WEBHOOK_TIMEOUT_SECONDS
        with opener.open(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect could send the signed event somewhere the ministry never approved.
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None
