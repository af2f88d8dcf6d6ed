"""Live benchmark: a partner client lists 10,000 cases page by page through gunicorn.

The ministry is provisioned for this module and dropped afterwards. The paging code is the one
`make bench` runs (bench/bench_interop.py); the numbers are written to
.run/partner-listing-bench.txt for the note; the timing is measured here, never asserted (speed
is judged by benchmarks, not by timed tests): the test checks that paging reads every case.
"""

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection

from bench.bench_interop import page_through, partner_token
from bench.lib import percentiles

from .conftest import ROOT, start_web, temporary_ministry

pytestmark = [pytest.mark.live]

CASES = 10_000
PAGE = 50


@pytest.mark.django_db
def test_generated_cases_are_open_cases_the_partner_list_shows(in_ministry, user_with_role):
    # (Also the module's one database test: pytest-django sets the test database up only for a
    # session that has one.)
    from devtools.generators.cases import cases_generate
    from labourhub.accounts.roles import Role
    from labourhub.workflow.selectors import case_list
    from labourhub.workflow.services import ministry_today

    director = user_with_role(Role.DIRECTOR, username="dir")
    before = case_list(user=director, today=ministry_today()).count()
    assert cases_generate(count=30) == 30
    listed = case_list(user=director, today=ministry_today())
    assert listed.count() == before + 30
    assert {c.state for c in listed.filter(reference__startswith="GEN-")} == {"received"}


@pytest.fixture(scope="module")
def bench(django_db_setup, django_db_blocker, live_env):
    from devtools.generators.cases import cases_generate
    from labourhub.accounts.services import office_create
    from labourhub.interop.models import PartnerClient
    from labourhub.interop.services import partner_client_register
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug="benchcases",
        name="Ministry of Labour (listing bench)",
        country="LC",
        languages=["en"],
        default_language="en",
        time_zone="America/St_Lucia",
        currency="XCD",
    ) as ministry:
        with django_db_blocker.unblock():
            with ministry_context(ministry):
                for code in ("N", "S", "E"):
                    office_create(code=f"LC-{code}", name=code, level="region", actor=None)
                cases_generate(count=CASES)
                credentials = partner_client_register(
                    name="Statistics office",
                    contact="ict@example.org",
                    allowed_scopes=["cases:read"],
                    actor=None,
                )
                PartnerClient.objects.filter(pk=credentials.partner.pk).update(
                    rate_per_minute=100_000
                )
            connection.set_schema_to_public()
        proc, port, log = start_web(live_env, "partner-bench-web.log", workers=2)
        try:
            _warm_up(port)
            yield {"credentials": credentials, "port": port}
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            log.close()


def _warm_up(port):
    """Each worker loads the URLconf and every app on its first request; two requests at once
    reach both, and nothing is timed until they have answered."""

    def get(_):
        return requests.get(
            f"http://127.0.0.1:{port}/soap/v1/?wsdl",
            headers={"Host": f"benchcases.localhost:{port}"},
            timeout=180,
        ).status_code

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(get, range(4))) == [200] * 4


def test_a_partner_pages_through_10000_cases_and_reads_each_once(bench):
    base_url, host = f"http://127.0.0.1:{bench['port']}", f"benchcases.localhost:{bench['port']}"
    credentials = bench["credentials"]
    token = partner_token(base_url, host, credentials.client_id, credentials.client_secret)
    page_through(base_url, host, token, PAGE)  # warm-up: both workers load their apps
    samples, rows = page_through(base_url, host, token, PAGE)
    p50, p95 = percentiles(samples)
    quarter = len(samples) // 4
    # One row per request: what the request pipeline itself (token, scopes, usage log) costs.
    pipeline, _rows = page_through(base_url, host, token, 1, max_pages=50)
    numbers = {
        "first_quarter_p50_ms": round(percentiles(samples[:quarter])[0], 1),
        "last_quarter_p50_ms": round(percentiles(samples[-quarter:])[0], 1),
        "one_row_page_p50_ms": round(percentiles(pipeline)[0], 1),
        "cases": rows,
        "pages": len(samples),
        "page_size": PAGE,
        "p50_ms": round(p50, 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(max(samples), 1),
        "total_s": round(sum(samples) / 1000, 2),
    }
    (ROOT / ".run" / "partner-listing-bench.txt").write_text(json.dumps(numbers))
    print(numbers)
    assert rows == CASES
    assert len(samples) == CASES // PAGE
