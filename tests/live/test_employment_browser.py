"""Issue 19 in Chromium, in a ministry set up like Saint Lucia: a PES officer registers a job
seeker (with consent) and a vacancy, publishes it, opens the matches, sees the job seeker with
the reasons, refers them, records the interview and the placement, and the placement counts in
the analytics. The ministry is provisioned for this module and dropped afterwards; the web server
is started with plugin autoloading on, as in production."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from labourhub.testing.pytest_plugin import TEST_PASSWORD

from .conftest import CHROMIUM, CHROMIUM_ARGS, start_web, temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "lcpes"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def saint_lucia(django_db_setup, django_db_blocker):
    from cms.models import LmiSettings
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.extensions import activation_cache_clear
    from labourhub.extensions.manager import unregister_plugin
    from labourhub.extensions.registry import plugin_is_registered, plugin_register_installed
    from tenants.context import ministry_context
    from tenants.models import PluginActivation

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="Department of Labour (PES test)",
        country="LC",
        languages=["en"],
        default_language="en",
        time_zone="America/St_Lucia",
        currency="XCD",
    ) as ministry:
        with django_db_blocker.unblock():
            registered_here = not plugin_is_registered("employment-services")
            if registered_here:
                plugin_register_installed("employment-services")
            # A row rather than the activation service: its audit event would be committed into
            # the public schema's chain, which outlives this module's ministry.
            PluginActivation.objects.create(ministry=ministry, plugin_slug="employment-services")
            activation_cache_clear()
            with ministry_context(ministry):
                north = office_create(code="N", name="North", level="region", actor=None)
                office = office_create(
                    code="N-CAS", name="Castries", level="district", parent=north, actor=None
                )
                user_create(
                    username="pesofficer",
                    password=TEST_PASSWORD,
                    office=office,
                    roles=[Role.OFFICE_HEAD],
                    first_name="Pes",
                    last_name="Officer",
                    actor=None,
                )
                # One placement is enough to show in this test ministry's figures.
                LmiSettings.objects.create(suppression_threshold=1)
            connection.set_schema_to_public()
        try:
            yield {"ministry": ministry, "north": north.pk}
        finally:
            with django_db_blocker.unblock():
                activation_cache_clear()
                if registered_here:
                    unregister_plugin("employment-services")


@pytest.fixture(scope="module")
def pes_server(live_env):
    """gunicorn with the installed plugins registered, as `make run` serves them."""
    proc, port, log = start_web(
        live_env, "test-web-pes.log", {"LABOURHUB_PLUGINS_AUTOLOAD": "true"}, workers=1
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


def test_pes_officer_registers_matches_refers_and_places(saint_lucia, pes_server, browser):
    base = pes_server
    page = browser.new_context().new_page()
    page.goto(f"{base}/app/login/")
    page.fill("#id_username", "pesofficer")
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{base}/app/")
    page.goto(f"{base}/app/x/employment-services/")

    # 1. A job seeker, with consent to processing and to sharing with employers.
    page.click("text=Register a job seeker")
    page.fill("#id_first_name", "Keisha")
    page.fill("#id_last_name", "Joseph")
    page.select_option("#id_sex", "F")
    page.fill("#id_birth_year", "1996")
    page.select_option("#id_region", str(saint_lucia["north"]))
    page.fill("#id_community", "Gros Islet")
    page.select_option("#id_education", "4")
    page.select_option("#id_occupations", ["51"])
    page.fill("#id_skills", "cooking, food safety")
    page.check("#id_consent_processing")
    page.check("#id_consent_sharing")
    page.click("button[type=submit] >> text=Register")
    page.wait_for_selector("h1:has-text('Keisha Joseph')")

    # 2. A vacancy, reviewed and published.
    page.goto(f"{base}/app/x/employment-services/vacancies/new/")
    page.fill("#id_title", "Line cook")
    page.fill("#id_employer_name", "Rodney Bay Beach Resort")
    page.select_option("#id_occupation", "51")
    page.select_option("#id_sector", "I")
    page.select_option("#id_region", str(saint_lucia["north"]))
    page.fill("#id_community", "Gros Islet")
    page.fill("#id_wage_min", "1800")
    page.fill("#id_wage_max", "2400")
    page.fill("#id_posts", "1")
    local_today = dt.datetime.now(tz=ZoneInfo("America/St_Lucia")).date()
    page.fill("#id_closing_date", (local_today + dt.timedelta(days=30)).isoformat())
    page.fill("#id_skills", "cooking")
    page.select_option("#id_min_education", "3")
    page.click("button[type=submit] >> text=Register")
    page.wait_for_selector("h1:has-text('Line cook')")
    page.click("button:has-text('Publish')")

    # 3. The match, with its reasons; the referral, the interview and the placement.
    row = page.locator("tr", has_text="Keisha Joseph")
    assert "Wants to work as: Personal service workers" in row.inner_text()
    assert "Lives in the same community: Gros Islet" in row.inner_text()
    row.locator("button:has-text('Refer')").click()
    page.wait_for_selector("text=Keisha Joseph referred.")
    page.click("button:has-text('Interviewed')")
    page.wait_for_load_state()
    page.click("button:has-text('Placed')")
    page.wait_for_load_state()
    assert "1 / 1" in page.content() or "Closed" in page.content()

    # 4. The placement counts in the indicators.
    page.goto(f"{base}/app/analytics/")
    tile = page.locator("li", has_text="Placements")
    assert tile.locator(".num").inner_text() == "1"
