"""The staff shell in a real browser: Debian's Chromium driven by Playwright (never downloaded)."""

import shutil

import pytest

from labourhub.testing.pytest_plugin import TEST_PASSWORD

pytestmark = [pytest.mark.live, pytest.mark.django_db]

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


@pytest.fixture(scope="module")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; the test's own ORM use is
    # synchronous and single-threaded, which is what Django's guard protects.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def unlabeled_inputs(page):
    return page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
        .map(el => el.name)""")


def test_sign_in_dashboard_language_and_audit_filter(browser, live_server_url):
    page = browser.new_page()
    page.goto(f"{live_server_url}/app/login/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Iniciar sesión"
    assert unlabeled_inputs(page) == []

    page.fill("#id_username", "admin")
    page.fill("#id_password", "wrong password")
    page.click("button.primary")
    assert page.locator(".error").count() >= 1  # a clear error, in place, with the username kept
    assert page.input_value("#id_username") == "admin"

    page.fill("#id_password", TEST_PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{live_server_url}/app/")
    assert page.locator(".tiles li").count() >= 2
    assert page.locator("nav a[href='/app/audit/']").count() == 1

    page.select_option("#lang-select", "en")
    page.click("form.lang button")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Dashboard"

    page.goto(f"{live_server_url}/app/audit/")
    assert unlabeled_inputs(page) == []
    page.fill("#id_actor", "nobody-by-this-name")
    page.locator("#id_actor").dispatch_event("change")
    page.wait_for_selector("#audit-rows .empty")
    assert "actor=nobody-by-this-name" in page.url  # htmx pushed the filter into the URL
    page.close()
