"""The public LMI site in Chromium: no serious or critical axe-core violation on any page type,
in English and Spanish; and static files served compressed, hashed and cached for a year.

A ministry speaking English and Spanish is provisioned and seeded for this module (committed,
dropped afterwards). The web server collects the static files first, as `make run` does, so it
serves what production serves.
"""

import gzip
import subprocess
import sys
import urllib.request

import pytest
from django.db import connection

from labourhub.testing.pytest_plugin import TEST_PASSWORD

from .conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, axe_violations, start_web, temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "lmiaxe"
# Home, topic, indicator, data catalogue (downloads), release calendar, footer pages.
PAGES = [
    "",
    "employment-and-unemployment/",
    "employment-and-unemployment/unemployment-rate/",
    "data/",
    "releases/",
    "accessibility/",
    "licence/",
    "contact/",
]
# Skipped when collecting for this server: large admin and API-docs bundles no public page uses.
NOT_PUBLIC = ["drf_spectacular_sidecar", "rest_framework", "wagtail*", "flags", "django_htmx"]


@pytest.fixture(scope="module")
def bilingual_site(django_db_setup, django_db_blocker):
    from devtools.demo.cms import cms_demo_seed
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="Ministry of Labour (accessibility test)",
        country="LC",
        languages=["en", "es"],
        default_language="en",
        time_zone="America/St_Lucia",
        currency="XCD",
    ) as ministry:
        with django_db_blocker.unblock():
            with ministry_context(ministry):
                assert cms_demo_seed(slug=SLUG, password=TEST_PASSWORD)
            connection.set_schema_to_public()
        yield ministry


@pytest.fixture(scope="module")
def collected_server(live_env, bilingual_site):
    static_root = ROOT / ".run" / "static-live"
    env = {
        **live_env,
        "STATIC_COLLECTED": "1",
        "STATIC_ROOT": str(static_root),
        "WHITENOISE_USE_FINDERS": "0",
        "WHITENOISE_AUTOREFRESH": "0",
    }
    ignore = [arg for name in NOT_PUBLIC for arg in ("-i", name)]
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0", *ignore],
        env=env,
        cwd=ROOT,
        check=True,
    )
    proc, port, log = start_web(live_env, "test-web-lmi-axe.log", extra_env=env)
    yield f"http://{SLUG}.localhost:{port}"
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_lmi_page_type_has_no_serious_violation(collected_server, language):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # axe-core is injected as an inline script, which the site's CSP rightly refuses.
        page = browser.new_context(bypass_csp=True).new_page()
        try:
            for path in PAGES:
                url = f"{collected_server}/{language}/{path}"
                response = page.goto(url)
                assert response is not None and response.status == 200, url
                assert page.locator("html").get_attribute("lang") == language
                assert page.locator("footer.site-footer a").count() >= 4, url
                assert axe_violations(page) == [], url
        finally:
            browser.close()


def _fetch(url, encoding):
    # *.localhost may not resolve here: connect to loopback, name the ministry in Host.
    host, rest = url.split("://", 1)[1].split("/", 1)
    name, port = host.split(":")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/{rest}", headers={"Accept-Encoding": encoding, "Host": name}
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.headers, response.read()


def test_static_files_are_compressed_hashed_and_cached_for_a_year(collected_server):
    _headers, html = _fetch(f"{collected_server}/en/", "identity")
    page = html.decode()
    css = page.split('href="/static/cms/lmi.', 1)[1].split('"', 1)[0]
    assert css.endswith(".css") and len(css.split(".")[0]) == 12  # lmi.<hash>.css
    url = f"{collected_server}/static/cms/lmi.{css}"
    for encoding in ("gzip", "br"):
        headers, body = _fetch(url, encoding)
        assert headers["Content-Encoding"] == encoding
        assert "max-age=315360000" in headers["Cache-Control"]
        assert "immutable" in headers["Cache-Control"]
        assert body[:2] != b"/*"  # compressed bytes, not the stylesheet's text
    script = page.split('src="/static/cms/lmi-charts.', 1)[1].split('"', 1)[0]
    headers, _body = _fetch(f"{collected_server}/static/cms/lmi-charts.{script}", "gzip")
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in headers["Cache-Control"]


def test_first_visit_to_the_home_page_transfers_under_40_kb(collected_server):
    """Bytes, not time: HTML plus every stylesheet and script it names, compressed."""
    import re

    headers, html = _fetch(f"{collected_server}/en/", "gzip")
    assert headers["Content-Encoding"] == "gzip"
    total = len(html)
    page = gzip.decompress(html)
    assets = re.findall(rb'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', page)
    assert len(assets) >= 3
    for asset in assets:
        _h, body = _fetch(f"{collected_server}{asset.decode()}", "br, gzip")
        total += len(body)
    # Measured by `make bench` (bench_lmi_weight); kept here as a regression bound.
    (ROOT / ".run" / "lmi-home-weight.txt").write_text(f"{total}\n")
    assert total < 40_000
