"""Security probe against a running `make run` (run it with `make probe`).

Checks, over HTTP on loopback: DEBUG is off (no URL map on a 404), the server listens only on
the address it was asked to, the security headers are present, NUL bytes get a 400, and a
password alone does not open a second-factor account (pages, API session, API token).
For the last check it creates a throwaway staff user with an authenticator in the first
ministry and deactivates it at the end. Exits non-zero when any check fails.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

import django

PORT = int(os.environ.get("PORT", "8000"))
BIND = os.environ.get("BIND", "127.0.0.1")
BASE = f"http://127.0.0.1:{PORT}"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@dataclass
class Browser:
    host: str
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    def request(
        self, path: str, data: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Answer:
        opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPCookieProcessor(self.jar)
        )
        req = urllib.request.Request(BASE + path, data=data, headers={"Host": self.host})  # noqa: S310 - loopback http only
        for key, value in (headers or {}).items():
            req.add_header(key, value)
        try:
            with opener.open(req, timeout=30) as resp:
                status, hdrs, body = resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as err:
            status, hdrs, body = err.code, dict(err.headers), err.read()
        return Answer(
            status, {k.lower(): v for k, v in hdrs.items()}, body.decode(errors="replace")
        )

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "") or ""

    def post_form(self, path: str, fields: dict[str, str]) -> Answer:
        page = self.request(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        body = urllib.parse.urlencode(
            {**fields, "csrfmiddlewaretoken": token.group(1) if token else ""}
        ).encode()
        return self.request(
            path,
            body,
            {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": self.csrf()},
        )

    def post_json(
        self, path: str, payload: dict[str, str], extra: dict[str, str] | None = None
    ) -> Answer:
        return self.request(
            path,
            json.dumps(payload).encode(),
            {"Content-Type": "application/json", **(extra or {})},
        )


RESULTS: list[tuple[bool, str]] = []


def check(ok: bool, what: str) -> None:
    RESULTS.append((ok, what))
    print(f"[{'ok' if ok else 'FAIL'}] {what}", flush=True)


def listening_addresses(port: int) -> set[str]:
    import psutil

    return {
        c.laddr.ip
        for c in psutil.net_connections(kind="tcp")
        if c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port
    }


def probe_user(ministry: Any) -> tuple[str, str, Any]:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import user_create
    from tenants.context import ministry_context

    username = f"probe-{secrets.token_hex(4)}"
    password = secrets.token_urlsafe(18)
    with ministry_context(ministry):
        user = user_create(
            username=username, password=password, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        device = TOTPDevice.objects.create(user=user, name="probe", confirmed=True)
    return username, password, device


def current_code(device: Any) -> str:
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)


def probe_headers(browser: Browser) -> None:
    page = browser.request("/app/login/")
    csp = page.headers.get("content-security-policy", "")
    script_src = next((d for d in csp.split(";") if d.strip().startswith("script-src")), "")
    check(
        bool(csp) and "unsafe-inline" not in script_src,
        f"CSP present, strict script-src ({script_src.strip()})",
    )
    check("camera=()" in page.headers.get("permissions-policy", ""), "Permissions-Policy present")
    check("no-store" in page.headers.get("cache-control", ""), "staff pages are no-store")
    check(
        page.headers.get("x-content-type-options") == "nosniff", "X-Content-Type-Options: nosniff"
    )
    check(page.headers.get("x-frame-options") in ("DENY", "SAMEORIGIN"), "X-Frame-Options set")


def probe_second_factor(host: str, username: str, password: str, device: Any) -> None:
    browser = Browser(host)
    login = browser.post_form("/app/login/", {"username": username, "password": password})
    check(login.status == 302, f"password sign-in answers a redirect (got {login.status})")
    for path in ("/app/", "/cms-admin/"):
        answer = browser.request(path)
        check(
            answer.status == 302 and answer.headers.get("location") == "/app/login/otp/",
            f"{path} waits for the second factor",
        )
    api = browser.request("/api/v1/me/")
    check(api.status == 403, f"API session waits for the second factor (got {api.status})")
    anonymous = Browser(host)
    no_code = anonymous.post_json(
        "/api/v1/auth/token/", {"username": username, "password": password}
    )
    check(no_code.status in (401, 403) and "token" not in no_code.body, "no token without the code")
    with_code = anonymous.post_json(
        "/api/v1/auth/token/",
        {"username": username, "password": password, "otp": current_code(device)},
    )
    check(with_code.status == 200 and '"token"' in with_code.body, "token with the code")


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labourhub.config.settings.local")
    django.setup()
    from django.conf import settings
    from django.db import connection

    from labourhub.accounts.models import User
    from labourhub.accounts.services import user_deactivate
    from tenants.context import ministry_context
    from tenants.models import Domain

    domain = (
        Domain.objects.filter(is_primary=True)
        .exclude(tenant__schema_name__in=["public", settings.TENANT_BASE_SCHEMA])
        .select_related("tenant")
        .order_by("tenant_id")
        .first()
    )
    if domain is None:
        print("no ministry: start `make run` first")
        return 2
    ministry = domain.tenant
    host = f"{domain.domain}:{PORT}"
    print(f"probing {BASE} as {host}")

    addresses = listening_addresses(PORT)
    check(bool(addresses), f"something listens on port {PORT}")
    check(addresses <= {BIND}, f"listens only on {BIND} (found {sorted(addresses)})")

    browser = Browser(host)
    missing = browser.request("/no-such-page-for-the-probe/")
    check(
        missing.status == 404 and "URLconf" not in missing.body and "Traceback" not in missing.body,
        "DEBUG is off: a 404 shows no URL map",
    )
    probe_headers(browser)
    nul = browser.request("/verify/%00/")
    check(nul.status == 400, f"NUL in the path answers 400 (got {nul.status})")
    nul_json = browser.post_json("/api/v1/auth/token/", {"username": "a\u0000", "password": "x"})
    check(
        nul_json.status == 400 and nul_json.body.startswith("{"), "NUL in JSON answers a JSON 400"
    )

    username, password, device = probe_user(ministry)
    try:
        probe_second_factor(host, username, password, device)
    finally:
        with ministry_context(ministry):
            user_deactivate(user=User.objects.get(username=username), actor=None, reason="probe")
        connection.set_schema_to_public()

    failed = [what for ok, what in RESULTS if not ok]
    print(f"{len(RESULTS) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
