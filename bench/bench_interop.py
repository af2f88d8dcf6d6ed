"""Partner API: p50/p95 of each page while a partner client (OAuth2 client credentials,
``cases:read``) lists 10,000 cases page by page, the way a partner's nightly sync does.

Needs `make run`. The first run tops the Colombia demo ministry up to 10,000 open cases
(`manage.py cases_generate colombia --total 10000`) and registers a benchmark partner there;
later runs rotate that partner's secret instead of registering another one. The live test
tests/live/test_partner_listing_bench.py runs the same paging against a throwaway ministry.
"""

from __future__ import annotations

import os
import time
from urllib.parse import urlsplit

import requests

from bench.lib import BenchContext, Row, percentiles

SLUG = os.environ.get("BENCH_PARTNER_SLUG", "colombia")
TOTAL = int(os.environ.get("BENCH_PARTNER_CASES", "10000"))
PAGE = int(os.environ.get("BENCH_PARTNER_PAGE", "50"))
PARTNER_NAME = "Benchmark partner (make bench)"


def partner_token(base_url: str, host: str, client_id: str, secret: str) -> str:
    response = requests.post(
        f"{base_url}/api/v1/oauth/token/",
        data={"grant_type": "client_credentials"},
        auth=(client_id, secret),
        headers={"Host": host},
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def page_through(
    base_url: str, host: str, token: str, page: int, max_pages: int = 0
) -> tuple[list[float], int]:
    """Follow the list's ``next`` links to the end (or ``max_pages``); (ms per page, rows)."""
    session = requests.Session()
    session.headers.update({"Host": host, "Authorization": f"Bearer {token}"})
    url: str | None = f"{base_url}/api/v1/cases/?limit={page}"
    samples, rows = [], 0
    while url and (not max_pages or len(samples) < max_pages):
        t0 = time.perf_counter()
        response = session.get(url, timeout=30)
        samples.append((time.perf_counter() - t0) * 1000)
        response.raise_for_status()
        body = response.json()
        rows += len(body["results"])
        # ``next`` names the ministry's host; keep talking to the address being measured.
        following = body.get("next")
        url = f"{base_url}{_path_and_query(following)}" if following else None
    return samples, rows


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def _partner_credentials(slug: str) -> tuple[str, str, int]:
    from devtools.generators.cases import cases_generate
    from labourhub.interop.models import PartnerClient
    from labourhub.interop.services import partner_client_register, partner_client_rotate_secret
    from labourhub.workflow.models import Case
    from tenants.context import ministry_context
    from tenants.selectors import ministry_get

    ministry = ministry_get(slug=slug)
    if ministry is None:
        raise RuntimeError(f"no ministry {slug!r}; run `make run` (it seeds the demo ministries)")
    with ministry_context(ministry):
        cases_generate(count=max(0, TOTAL - Case.objects.filter(closed_at=None).count()))
        existing = PartnerClient.objects.filter(name=PARTNER_NAME).first()
        credentials = (
            partner_client_rotate_secret(partner=existing, actor=None)
            if existing is not None
            else partner_client_register(
                name=PARTNER_NAME,
                contact="bench@example.org",
                allowed_scopes=["cases:read"],
                actor=None,
            )
        )
        # The budget is for partners' everyday use; the sync here is a measurement.
        PartnerClient.objects.filter(pk=credentials.partner.pk).update(rate_per_minute=100_000)
        open_cases = Case.objects.filter(closed_at=None).count()
    return credentials.client_id, credentials.client_secret, open_cases


def run(ctx: BenchContext) -> list[Row]:
    client_id, secret, open_cases = _partner_credentials(SLUG)
    host = ctx.host(SLUG)
    token = partner_token(ctx.base_url, host, client_id, secret)
    page_through(ctx.base_url, host, token, PAGE)  # warm-up pass
    samples, rows = page_through(ctx.base_url, host, token, PAGE)
    p50, p95 = percentiles(samples)
    size = f"{rows} cases, {len(samples)} pages of {PAGE} in {SLUG}"
    assert rows == open_cases, (rows, open_cases)
    return [Row("partner API: list cases, one page", p50, p95, "ms", size)]
