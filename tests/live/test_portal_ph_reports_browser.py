"""Issue 14 in Chromium, in a ministry set up like the Philippines with its country pack: an
employer files a retrenchment report (DOLE's Establishment Reports System), the regional office
sees and acknowledges it, and it counts in the pack's indicator on the director's dashboard."""

import pytest
from django.db import connection

from labourhub.testing.pytest_plugin import TEST_PASSWORD

from .conftest import CHROMIUM, CHROMIUM_ARGS, start_web, temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "phers"
INDICATOR = "Workers affected by retrenchment reported this year"


@pytest.fixture(scope="module")
def philippines(django_db_setup, django_db_blocker):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.extensions.manager import unregister_plugin
    from labourhub.extensions.registry import plugin_is_registered, plugin_register_installed
    from labourhub.portal.services.accounts import portal_account_attach, representation_add
    from labourhub.registry.services import employer_create, establishment_create
    from tenants.context import ministry_context
    from tenants.plugin_services import plugin_activate

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="DOLE (reports test)",
        country="PH",
        languages=["en"],
        default_language="en",
        time_zone="Asia/Manila",
        currency="PHP",
    ) as ministry:
        registered_here = not plugin_is_registered("ph-pack")
        if registered_here:
            plugin_register_installed("ph-pack")
        with django_db_blocker.unblock():
            plugin_activate(ministry=ministry, slug="ph-pack", actor=None)
        with django_db_blocker.unblock(), ministry_context(ministry):
            region = office_create(
                code="NCR", name="NCR Regional Office", level="region", actor=None
            )
            field = office_create(
                code="NCR-MK", name="Makati Field Office", level="district", parent=region,
                actor=None,
            )  # fmt: skip
            company = employer_create(
                legal_name="Pasig Garments Inc.", tax_id="000-123-456", actor=None
            )
            establishment = establishment_create(
                employer=company, name="Pasig Garments - Makati plant", office=field,
                isic_code="1410", actor=None,
            )  # fmt: skip
            user_create(
                username="ncrhead", password=TEST_PASSWORD, office=region,
                roles=[Role.OFFICE_HEAD], actor=None,
            )  # fmt: skip
            user_create(
                username="director", password=TEST_PASSWORD, roles=[Role.DIRECTOR], actor=None
            )
            rep = user_create(
                username="pasighr", password=TEST_PASSWORD, email="hr@pasig.example",
                first_name="Liza", last_name="Santos", roles=[Role.EMPLOYER], actor=None,
            )  # fmt: skip
            portal_account_attach(
                user=rep, kind="employer", organisation="Pasig Garments Inc.",
                tax_number="000-123-456", actor=None,
            )  # fmt: skip
            representation_add(user=rep, establishment=establishment, actor=None)
            connection.set_schema_to_public()
        try:
            yield {"ministry": ministry, "establishment": establishment.pk}
        finally:
            if registered_here:
                unregister_plugin("ph-pack")


@pytest.fixture(scope="module")
def server(live_env):
    proc, port, log = start_web(
        live_env, "test-web-phers.log", {"LABOURHUB_PLUGINS_AUTOLOAD": "true"}, workers=1
    )
    yield f"http://{SLUG}.localhost:{port}"
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.fixture(scope="module")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _sign_in(page, base, path, username):
    page.goto(f"{base}{path}")
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("main button.primary")
    page.wait_for_load_state()


def test_retrenchment_report_reaches_the_regional_office_and_the_indicator(
    philippines, server, browser
):
    import datetime

    base = server
    employer = browser.new_context().new_page()
    _sign_in(employer, base, "/portal/login/", "pasighr")
    employer.goto(f"{base}/portal/reports/new/")
    employer.select_option("#id_establishment", str(philippines["establishment"]))
    employer.select_option("#id_kind", "ph_retrenchment")
    employer.fill("#id_workers_female", "20")
    employer.fill("#id_workers_male", "15")
    starts = datetime.date.today() + datetime.timedelta(days=30)  # noqa: DTZ011
    employer.fill("#id_starts_on", starts.isoformat())
    employer.fill("#id_reasons", "Loss of the main export order; the cutting line closes.")
    employer.click("main button.primary")
    employer.wait_for_url("**/portal/reports/")
    assert "Retrenchment" in employer.inner_text("main")

    office = browser.new_context().new_page()
    _sign_in(office, base, "/app/login/", "ncrhead")
    office.goto(f"{base}/app/portal/reports/")
    assert "Pasig Garments - Makati plant" in office.inner_text("main")
    office.click("main a:has-text('Retrenchment')")
    office.check("input[name=decision][value=accept]")
    office.click("main form button.primary")
    office.wait_for_url("**/app/portal/reports/")
    assert "Acknowledged by the ministry" in office.inner_text("main")

    director = browser.new_context().new_page()
    _sign_in(director, base, "/app/login/", "director")
    director.goto(f"{base}/app/analytics/")
    tile = director.locator(f"li:has-text('{INDICATOR}') .num")
    assert tile.inner_text().strip() == "35"
