"""The public LMI site in a real browser (Debian Chromium via Playwright), with an axe-core scan.

Two throwaway ministries are provisioned and seeded with committed data, so the gunicorn server
started by the live fixtures can see them; they are dropped at the end of the module.
"""

import shutil
from pathlib import Path

import pytest
from django.db import connection

from tests.live.conftest import live_env, live_server_url  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.live, pytest.mark.django_db]

AXE = Path(__file__).parent / "assets" / "axe.min.js"  # axe-core 4.14.1, served from disk
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SLUGS = {"cmsbrowsera": "Ministry of Labour A", "cmsbrowserb": "Ministry of Labour B"}


def _drop(slug):
    from tenants.models import Ministry

    Ministry.objects.filter(schema_name=slug).delete()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{slug}" CASCADE')


@pytest.fixture(scope="module")
def lmi_sites(django_db_setup, django_db_blocker):
    from devtools.demo.cms import cms_demo_seed
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context
    from tenants.services import MinistrySpec, ministry_provision

    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        for slug, name in SLUGS.items():
            _drop(slug)
            ministry = ministry_provision(
                spec=MinistrySpec(
                    slug=slug, name=name, country="LC", languages=["en"], default_language="en"
                ),
                admin_username="admin",
                admin_password=TEST_PASSWORD,
                actor=None,
            )
            with ministry_context(ministry):
                cms_demo_seed(slug=slug, password=TEST_PASSWORD)
        connection.set_schema_to_public()
    yield list(SLUGS)
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        for slug in SLUGS:
            _drop(slug)


@pytest.fixture(scope="module")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def _serious(page):
    # Evaluated through the DevTools protocol: an injected <script> would be (rightly) refused
    # by the site's Content-Security-Policy, which allows no inline script.
    page.evaluate(AXE.read_text())
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                           .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
    }""")
    return result


def test_home_and_indicator_pages_for_two_ministries(lmi_sites, browser, live_server_url):  # noqa: F811
    port = live_server_url.rsplit(":", 1)[1]
    seen = {}
    for slug in lmi_sites:
        base = f"http://{slug}.localhost:{port}"
        page = browser.new_page()
        page.goto(f"{base}/")
        assert SLUGS[slug] in page.title()
        assert page.locator(".headlines li").count() >= 3
        page.wait_for_selector(".lmi-chart canvas", timeout=10_000)  # uPlot drew the home chart
        assert _serious(page) == []
        page.goto(f"{base}/employment-and-unemployment/unemployment-rate/")
        assert page.locator("h1").inner_text() == "Unemployment rate"
        page.wait_for_selector(".lmi-chart canvas", timeout=10_000)
        table = page.locator(".series .table-wrap table").inner_text()
        assert "2024" in table and "Women" in table
        assert _serious(page) == []
        seen[slug] = table
        page.close()
    assert seen["cmsbrowsera"] != seen["cmsbrowserb"]


def test_indicator_page_without_javascript_shows_the_table(lmi_sites, browser, live_server_url):  # noqa: F811
    port = live_server_url.rsplit(":", 1)[1]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"http://cmsbrowsera.localhost:{port}/employment-and-unemployment/unemployment-rate/")
    assert page.locator(".lmi-chart canvas").count() == 0
    assert page.locator(".series .table-wrap table tbody tr").count() == 7
    context.close()
