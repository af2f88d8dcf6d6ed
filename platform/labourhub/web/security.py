"""Request hygiene and response headers that every page and API answer gets.

Kept in one place so that no view has to remember them: control characters are refused before
they reach a query (PostgreSQL cannot store a NUL byte and answers with an error), and private
answers are kept out of shared caches and the browser's history.
"""

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.web.middleware import ministry_language

# C0 controls and DEL; tab, line feed and carriage return are ordinary in form text.
TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A path or a cookie has no business carrying any control character at all.
STRICT_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
CONTROL_REFUSED = gettext_noop(
    "The request contains control characters (such as a NUL byte) that are not allowed. "
    "Remove them and try again."
)
JSON_TYPES = ("application/json",)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# Signed-in work, the API and the case-management admin: never stored by a browser or proxy.
PRIVATE_PREFIXES = ("/app/", "/api/", "/cms-admin/", "/console/", "/portal/")
PRIVATE_CONTENT_TYPES = (
    "application/pdf",
    "text/csv",
    "application/zip",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


def is_api_request(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _body_strings(request: HttpRequest) -> Iterator[str]:
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return
    content_type = request.content_type or ""
    if content_type in JSON_TYPES or content_type.endswith("+json"):
        try:
            yield from _json_strings(json.loads(request.body or b"null"))
        except (ValueError, UnicodeDecodeError):
            return  # malformed JSON is the parser's to refuse, with its own message
    elif content_type in FORM_TYPES:
        try:
            for key, values in request.POST.lists():
                yield key
                yield from values
            for _field, uploads in request.FILES.lists():
                yield from (upload.name or "" for upload in uploads)
        except MultiPartParserError:
            return


def has_control_characters(request: HttpRequest) -> bool:
    if STRICT_CONTROL.search(request.path):
        return True
    if any(
        STRICT_CONTROL.search(k) or STRICT_CONTROL.search(v) for k, v in request.COOKIES.items()
    ):
        return True
    for key, values in request.GET.lists():
        if TEXT_CONTROL.search(key) or any(TEXT_CONTROL.search(v) for v in values):
            return True
    return any(TEXT_CONTROL.search(text) for text in _body_strings(request))


def refused_response(request: HttpRequest, message: str, status: int) -> HttpResponse:
    if is_api_request(request):
        return JsonResponse({"message": message, "extra": {}}, status=status)
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    return response


class ControlCharacterMiddleware:
    """Answer 400, in the reader's language, to any input carrying a NUL or similar byte.

    Runs before sessions are loaded: a NUL in a cookie would otherwise reach the session table.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_control_characters(request):
            with translation.override(ministry_language(request)):
                return refused_response(request, _(CONTROL_REFUSED), status=400)
        return self.get_response(request)


def is_private(request: HttpRequest, response: HttpResponse) -> bool:
    if request.path_info.startswith(PRIVATE_PREFIXES):
        return True
    if response.has_header("Content-Disposition"):
        return True
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if content_type in PRIVATE_CONTENT_TYPES:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class SecurityHeadersMiddleware:
    """no-store on private answers, and a Permissions-Policy that turns off unused features."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if is_private(request, response):
            add_never_cache_headers(response)
        return response


class PolicyMiddleware(CSPMiddleware):
    """django-csp's policy, with inline scripts allowed only under the Wagtail admin."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts: PolicyParts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(tuple(settings.CSP_RELAXED_SCRIPT_PREFIXES)):
            # A nonce in the list would make browsers ignore 'unsafe-inline', so none here.
            parts.replace = {**(parts.replace or {}), "script-src": [SELF, UNSAFE_INLINE]}
            parts.nonce = None
        return parts
