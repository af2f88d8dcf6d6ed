"""Accessibility of the portal for employers and workers in Chromium, checked by axe-core.

The portal uses the staff app's GOV.UK shell. One ministry with the demo's offices, registry
and portal profiles is provisioned for this module. Every page an employer or a worker opens
(home, lists, each form, and a form sent empty so that it shows its error summary) must have
no serious or critical axe violation at desktop width and at phone width (375 px), and at
phone width the page must not scroll sideways.
"""

import pytest
from django.db import connection

from .conftest import CHROMIUM, CHROMIUM_ARGS, axe_violations, temporary_demo_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "a11yportal"
WIDTHS = ({"width": 1280, "height": 900}, {"width": 375, "height": 740})

EMPLOYER_PAGES = [
    "/portal/",
    "/portal/inbox/",
    "/portal/inbox/{notification}/",
    "/portal/establishments/",
    "/portal/establishments/new/",
    "/portal/establishments/submissions/",
    "/portal/reports/",
    "/portal/accidents/",
    "/portal/accidents/new/",
    "/portal/account/",
    "/portal/account/security/",
]
WORKER_PAGES = [
    "/portal/",
    "/portal/my-complaints/",
    "/portal/my-complaints/new/",
    "/portal/accidents/new/",
]
PUBLIC_PAGES = [
    "/portal/",
    "/portal/login/",
    "/portal/signup/",
    "/portal/password-reset/",
    "/portal/complaints/",
    "/portal/complaints/track/",
]
# Forms sent empty: each answers with its error summary and inline errors.
EMPLOYER_EMPTY_FORMS = ["/portal/accidents/new/", "/portal/establishments/new/"]
WORKER_EMPTY_FORMS = ["/portal/my-complaints/new/"]
PUBLIC_EMPTY_FORMS = ["/portal/signup/", "/portal/complaints/"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from devtools.demo.portal import portal_demo_seed
    from devtools.demo.registry import registry_demo_seed
    from devtools.ministries import DEMO_PASSWORD
    from labourhub.portal.models import Notification
    from tenants.context import ministry_context

    with temporary_demo_ministry(django_db_blocker, slug=SLUG, like="honduras") as ministry:
        with django_db_blocker.unblock(), ministry_context(ministry):
            registry_demo_seed(count=10)
            portal_demo_seed()
            notification = Notification.objects.order_by("id").first()
            assert notification is not None
            data = {"notification": notification.pk}
            connection.set_schema_to_public()
        yield {**data, "password": DEMO_PASSWORD}


@pytest.fixture(scope="module")
def browser(demo):
    import os

    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _base(live_server_url):
    port = live_server_url.rsplit(":", 1)[1]
    return f"http://{SLUG}.localhost:{port}"


def _page(browser, viewport, base, username=None, password=None):
    # bypass_csp lets axe-core be injected into the page.
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    if username:
        page.goto(f"{base}/portal/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("main button.primary")
        page.wait_for_load_state()
        assert "/login" not in page.url, (username, page.url)
    return page


def _audit(page, label, failures):
    found = axe_violations(page)
    if found:
        failures.append((label, found))
    if not page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"):
        failures.append((label, "scrolls sideways"))


def _visit(page, base, paths, empty_forms, who, failures, demo):
    width = page.viewport_size["width"]
    for path in paths:
        url = base + path.format(**demo)
        response = page.goto(url)
        assert response is not None and response.status == 200, (who, url, response.status)
        _audit(page, f"{who} {width}px {path}", failures)
    for path in empty_forms:
        page.goto(base + path)
        page.click("main form[method=post] button.primary")
        page.wait_for_load_state()
        summary = page.locator(".govuk-error-summary")
        assert summary.count() == 1, (who, path, "no error summary")
        # Each error in the summary links to its field.
        first = summary.locator("a").first
        assert page.locator(first.get_attribute("href")).count() == 1, (who, path)
        assert page.locator(".govuk-form-group--error").count() >= 1, (who, path)
        _audit(page, f"{who} {width}px {path} (errors)", failures)


@pytest.mark.parametrize("viewport", WIDTHS, ids=lambda v: f"{v['width']}px")
def test_portal_pages_have_no_serious_violation(browser, live_server_url, demo, viewport):
    base = _base(live_server_url)
    failures: list = []
    visitor = _page(browser, viewport, base)
    _visit(visitor, base, PUBLIC_PAGES, PUBLIC_EMPTY_FORMS, "visitor", failures, demo)
    visitor.context.close()
    employer = _page(browser, viewport, base, "employer", demo["password"])
    _visit(employer, base, EMPLOYER_PAGES, EMPLOYER_EMPTY_FORMS, "employer", failures, demo)
    employer.context.close()
    worker = _page(browser, viewport, base, "worker", demo["password"])
    _visit(worker, base, WORKER_PAGES, WORKER_EMPTY_FORMS, "worker", failures, demo)
    worker.context.close()
    assert failures == []


def test_portal_shell_has_the_ministry_menu_and_breadcrumbs(browser, live_server_url, demo):
    base = _base(live_server_url)
    page = _page(browser, WIDTHS[1], base, "employer", demo["password"])
    page.goto(f"{base}/portal/inbox/{demo['notification']}/")
    header = page.locator("header.lh-header .lh-header__name")
    assert header.inner_text().strip() != "" and header.inner_text() != "LabourHub"
    crumbs = page.locator(".govuk-breadcrumbs a")
    assert crumbs.count() == 2 and crumbs.nth(1).get_attribute("href") == "/portal/inbox/"
    page.goto(f"{base}/portal/inbox/")
    current = page.locator(".govuk-service-navigation__link[aria-current=page]")
    assert current.count() == 1 and current.get_attribute("href") == "/portal/inbox/"
    assert page.locator("table.govuk-table").count() == 1
    # No script runs on the portal: the pages work on the cheapest phone.
    assert page.locator("script").count() == 0
    page.context.close()
