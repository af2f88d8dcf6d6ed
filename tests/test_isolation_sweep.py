"""Sweep every API route and staff page: ministry A's credentials open nothing on ministry B.

The per-module isolation tests check data; this one makes sure no route was forgotten.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from labourhub.accounts.roles import Role

pytestmark = pytest.mark.multi_tenant

# Pages meant for anyone (public site, worker portal, document verification) are not staff routes.
PUBLIC_PREFIXES = (
    "/portal/",
    "/verify/",
    "/lmi/data/",
    "/api/v1/open/",
    "/api/v1/schema/",
    "/api/v1/docs/",
    "/api/v1/auth/token/",
    "/api/v1/oauth/",  # partner clients' token endpoint (OAuth2 client credentials)
    "/app/login/",
    "/app/logout/",
    "/app/password-reset/",
    "/app/language/",
    "/health/",
)


def _routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver("labourhub.config.urls_tenant")
    for entry in resolver.url_patterns:
        pattern = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry, prefix + pattern)
        elif isinstance(entry, URLPattern):
            yield prefix + pattern


def _concrete(route: str) -> str | None:
    """Fill path converters with plausible values; skip regex routes we cannot fill."""
    path = re.sub(r"<int:[^>]+>", "1", route)
    path = re.sub(r"<(?:slug|str):[^>]+>", "x", path)
    path = re.sub(r"<path:[^>]+>", "x", path)
    if "<" in path or "^" in path or "(?" in path or "\\" in path:
        return None
    return "/" + path


def _staff_paths(prefix: str) -> list[str]:
    paths = {p for r in _routes() if (p := _concrete(r)) and p.startswith(prefix)}
    return sorted(p for p in paths if not p.startswith(PUBLIC_PREFIXES))


def test_the_sweep_covers_the_modules():
    api = _staff_paths("/api/v1/")
    assert len(api) > 40
    assert len(_staff_paths("/app/")) > 40
    for module in ("registry", "inspections", "cases", "documents", "analytics", "users"):
        assert any(f"/{module}" in p for p in api), module


def test_the_sweep_would_see_a_leak(ministry, user_with_role, api_client_for):
    # Control: the same token on its own ministry does open routes, so 401s above mean something.
    admin = user_with_role(Role.SYSTEM_ADMIN)
    own = api_client_for(ministry, admin)
    opened = [p for p in _staff_paths("/api/v1/") if own.get(p).status_code == 200]
    assert len(opened) > 10


def test_a_token_from_one_ministry_opens_no_api_route_of_another(
    ministry, second_ministry, user_with_role, api_client_for
):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    token = api_client_for(ministry, admin)._credentials["HTTP_AUTHORIZATION"]
    other = api_client_for(second_ministry)
    other.credentials(HTTP_AUTHORIZATION=token)
    leaks = []
    for path in _staff_paths("/api/v1/"):
        for method in ("get", "post"):
            status = getattr(other, method)(path, {}, format="json").status_code
            if status not in (401, 404, 405):
                leaks.append((method, path, status))
    assert leaks == []


def test_a_session_from_one_ministry_opens_no_staff_page_of_another(
    ministry, second_ministry, user_with_role, client_for
):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    mine = client_for(ministry)
    mine.force_login(admin)
    other = client_for(second_ministry)
    other.cookies["sessionid"] = mine.cookies["sessionid"].value
    leaks = []
    for path in _staff_paths("/app/"):
        response = other.get(path)
        signed_out = response.status_code == 302 and "/app/login/" in response["Location"]
        if not (signed_out or response.status_code in (404, 405)):
            leaks.append((path, response.status_code))
    assert leaks == []
