"""Accessibility of the staff app and the portal in Chromium, checked by axe-core.

One demo-like ministry (the Honduran demo's offices, one user per role and its demo data) is
provisioned for this module. Each staff role signs in and its home page must have no serious or
critical axe violation; so must the case page, an inspection's visit page, the establishment
list (at phone width too), and the portal home of an employer and of a worker.
"""

import pytest
from django.db import connection

from labourhub.testing.pytest_plugin import TEST_PASSWORD

from .conftest import CHROMIUM, CHROMIUM_ARGS, axe_violations, temporary_demo_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "a11y"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from devtools.demo.chain import chain_demo_seed
    from devtools.demo.inspections import inspections_demo_seed
    from devtools.demo.portal import portal_demo_seed
    from devtools.demo.registry import registry_demo_seed
    from devtools.demo.staff import ROLE_USERNAMES
    from devtools.demo.workflow import enforcement_demo_seed
    from devtools.ministries import DEMO_PASSWORD
    from labourhub.accounts.roles import STAFF_ROLES
    from labourhub.inspections.models import Inspection
    from labourhub.workflow.models import Case
    from tenants.context import ministry_context

    with temporary_demo_ministry(django_db_blocker, slug=SLUG, like="honduras") as ministry:
        with django_db_blocker.unblock(), ministry_context(ministry):
            registry_demo_seed(count=30)
            enforcement_demo_seed(slug="honduras")
            inspections_demo_seed(slug="honduras", password=DEMO_PASSWORD)
            chain_demo_seed()
            portal_demo_seed()
            visit = Inspection.objects.filter(status=Inspection.Status.IN_PROGRESS).first()
            case = Case.objects.order_by("id").first()
            assert visit is not None and case is not None
            data = {
                "staff": [u for r, u in ROLE_USERNAMES.items() if r in STAFF_ROLES],
                "visit": visit.pk,
                "case": case.pk,
            }
            connection.set_schema_to_public()
        yield {**data, "demo_password": DEMO_PASSWORD}


@pytest.fixture(scope="module")
def browser(demo):
    # After the demo data: seeding signs PDFs with asyncio, which Playwright's loop would block.
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


def _signed_in(browser, base, username, password, login="/app/login/", viewport=None):
    # bypass_csp lets axe-core be injected; the pages' own scripts come from /static/ anyway.
    context = browser.new_context(
        viewport=viewport or {"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    page.goto(f"{base}{login}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.press("#id_password", "Enter")
    page.wait_for_load_state()
    assert "/login" not in page.url, (username, page.url)
    return page


def _check(page, url, failures, who):
    response = page.goto(url)
    assert response is not None and response.status == 200, (who, url, response and response.status)
    found = axe_violations(page)
    if found:
        failures.append((who, url, found))


def test_every_staff_home_has_no_serious_violation(browser, live_server_url, demo):
    base = _base(live_server_url)
    failures: list = []
    for username in demo["staff"]:
        password = TEST_PASSWORD if username == "admin" else demo["demo_password"]
        page = _signed_in(browser, base, username, password)
        _check(page, f"{base}/app/", failures, username)
        # The grouped menu opens and its links stay reachable.
        summary = page.locator(".lh-nav__summary").first
        if summary.count():
            summary.click()
            assert page.locator(".lh-nav__details[open] .lh-nav__links a").first.is_visible()
            found = axe_violations(page)
            if found:
                failures.append((username, "menu open", found))
        page.context.close()
    assert failures == []


def test_case_visit_and_establishment_pages_have_no_serious_violation(
    browser, live_server_url, demo
):
    base = _base(live_server_url)
    password = demo["demo_password"]
    failures: list = []
    supervisor = _signed_in(browser, base, "supervisor", password)
    _check(supervisor, f"{base}/app/cases/{demo['case']}/", failures, "supervisor")
    _check(supervisor, f"{base}/app/establishments/", failures, "supervisor")
    _check(supervisor, f"{base}/app/cases/", failures, "supervisor")
    _check(supervisor, f"{base}/app/inspections/", failures, "supervisor")
    supervisor.context.close()
    inspector = _signed_in(browser, base, "inspector", password)
    _check(inspector, f"{base}/app/inspections/{demo['visit']}/visit/1/", failures, "inspector")
    inspector.context.close()
    phone = _signed_in(browser, base, "clerk", password, viewport={"width": 375, "height": 740})
    _check(phone, f"{base}/app/establishments/", failures, "clerk (phone)")
    # On a phone the page does not scroll sideways: wide tables scroll inside their box.
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    phone.context.close()
    tablet = _signed_in(
        browser, base, "admin", TEST_PASSWORD, viewport={"width": 768, "height": 1024}
    )
    _check(tablet, f"{base}/app/users/", failures, "admin (tablet)")
    assert tablet.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    tablet.context.close()
    assert failures == []


def test_portal_homes_have_no_serious_violation(browser, live_server_url, demo):
    base = _base(live_server_url)
    failures: list = []
    for username in ("employer", "worker"):
        page = _signed_in(browser, base, username, demo["demo_password"], login="/portal/login/")
        _check(page, f"{base}/portal/", failures, username)
        page.context.close()
    assert failures == []
