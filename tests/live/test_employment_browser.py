"""Issue 19 in Chromium, in a ministry set up like Saint Lucia: a PES officer registers a job
seeker (with consent) and a vacancy, publishes it, opens the matches, sees the job seeker with
the reasons, refers them, records the interview and the placement, and the placement counts in
the analytics; the director computes the placements dataset for the LMI website, approves it for
a release date, and the CSV download shows it only once the embargo is over. A job seeker who
withdraws consent leaves the matches; an employer cannot open job seekers (page or API). The
ministry is provisioned for this module and dropped afterwards; the web server is started with
plugin autoloading on, as in production."""

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
                user_create(
                    username="lmidirector", password=TEST_PASSWORD, office=office,
                    roles=[Role.DIRECTOR], actor=None,
                )  # fmt: skip
                employer = user_create(
                    username="pesemployer", password=TEST_PASSWORD, roles=[Role.EMPLOYER],
                    actor=None,
                )  # fmt: skip
                # One placement is enough to show in this test ministry's figures.
                LmiSettings.objects.create(suppression_threshold=1)
                _lmi_indicator()
                marcus, other_vacancy = _consenting_seeker_and_vacancy(north)
            connection.set_schema_to_public()
        try:
            yield {
                "ministry": ministry,
                "north": north.pk,
                "marcus": marcus.pk,
                "other_vacancy": other_vacancy.pk,
                "employer": employer,
            }
        finally:
            with django_db_blocker.unblock():
                activation_cache_clear()
                if registered_here:
                    unregister_plugin("employment-services")


def _lmi_indicator():
    from cms.models import TOTAL, Agency, Dimension, DimensionValue, Indicator

    sex = Dimension.objects.create(code="sex", name="Sex")
    for n, code in enumerate(["F", "M", TOTAL]):
        DimensionValue.objects.create(dimension=sex, code=code, label=code, order=n)
    indicator = Indicator.objects.create(
        code="pes-placements",
        name="Placements by the employment service",
        definition="Job seekers placed after a referral by the employment service.",
        unit=Indicator.Unit.COUNT,
        decimals=0,
        agency=Agency.objects.create(code="DOL", name="Department of Labour"),
        source=Indicator.Source.CASE_SYSTEM,
        analytics_definition="pes_placements",
    )
    indicator.dimensions.set([sex])


def _consenting_seeker_and_vacancy(north):
    from decimal import Decimal

    from labourhub_employment_services.services import (
        jobseeker_register,
        vacancy_publish,
        vacancy_register,
    )

    from labourhub.workflow.services import ministry_today

    marcus = jobseeker_register(
        first_name="Marcus", last_name="Edward", sex="M", birth_year=1990,
        consent_processing=True, consent_sharing=True, occupations=["83"],
        skills="driving", region=north, community="Castries", actor=None,
    )  # fmt: skip
    vacancy = vacancy_register(
        title="Delivery driver", employer_name="Castries Wholesale", occupation="83",
        sector="G", region=north, community="Castries", wage_min=Decimal("1500"),
        wage_max=Decimal("1900"), posts=2, skills="driving",
        closing_date=ministry_today() + dt.timedelta(days=30), actor=None,
    )  # fmt: skip
    return marcus, vacancy_publish(vacancy=vacancy, actor=None)


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


def _login(browser, base, username):
    page = browser.new_context().new_page()
    page.goto(f"{base}/app/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{base}/app/")
    return page


def test_the_placement_reaches_the_lmi_site_after_the_embargo(
    saint_lucia, pes_server, browser, live_env
):
    import subprocess
    import sys
    from datetime import UTC

    base = pes_server
    page = _login(browser, base, "lmidirector")
    page.goto(f"{base}/lmi/contribute/")
    page.select_option("#records-indicator", label="Placements by the employment service")
    page.click("button:has-text('Compute')")
    page.wait_for_selector("text=Computed from the records")
    message = page.locator("text=Computed from the records").first.inner_text()
    assert "2 rows" in message, message  # women and the total
    release = dt.datetime.now(tz=ZoneInfo("America/St_Lucia")) + dt.timedelta(days=2)
    page.fill("#id_release_at", release.strftime("%Y-%m-%dT%H:%M"))
    page.click("button:has-text('Approve')")
    page.wait_for_selector("text=Approved")
    embargoed = _fetch(page, f"{base}/lmi/data/pes-placements.csv")
    assert embargoed["status"] == 200 and "_T" not in embargoed["text"]
    # The beat task's work, in its own process (so it commits, as the worker's would), run as it
    # would run once the release date has come.
    due = release.astimezone(UTC) + dt.timedelta(minutes=1)
    script = (
        "import datetime, django; django.setup()\n"
        "from cms.services import dataset_publish_due\n"
        "from tenants.context import ministry_context\n"
        "from tenants.models import Ministry\n"
        f"with ministry_context(Ministry.objects.get(schema_name='{SLUG}')):\n"
        f"    print(len(dataset_publish_due(now=datetime.datetime.fromisoformat('{due.isoformat()}'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=live_env, cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.strip().endswith("1"), done.stderr[-2000:]
    csv_text = _fetch(page, f"{base}/lmi/data/pes-placements.csv")["text"]
    lines = [line.split(",") for line in csv_text.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    by_sex = {r[header.index("sex")]: float(r[header.index("value")]) for r in rows}
    assert by_sex.get("F") == 1, csv_text
    assert by_sex["_T"] == 1 and "M" not in by_sex


def test_withdrawn_consent_leaves_the_matches_and_employers_see_no_job_seeker(
    saint_lucia, pes_server, browser
):
    from labourhub.accounts.services import user_token_issue
    from tenants.context import ministry_context

    base = pes_server
    vacancy_url = f"{base}/app/x/employment-services/vacancies/{saint_lucia['other_vacancy']}/"
    seeker_url = f"{base}/app/x/employment-services/seekers/{saint_lucia['marcus']}/"
    page = _login(browser, base, "pesofficer")
    page.goto(vacancy_url)
    assert page.locator("tr", has_text="Marcus Edward").count() == 1
    page.goto(seeker_url)
    page.click("button:has-text('Withdraw consent to sharing with employers')")
    page.wait_for_selector("text=Consent withdrawn")
    page.goto(vacancy_url)
    assert page.locator("tr", has_text="Marcus Edward").count() == 0

    employer = _login_any(browser, base, "pesemployer")
    response = employer.goto(seeker_url)
    assert response is not None
    # Refused outright, or sent to sign in as staff: never the job seeker's page.
    assert response.status in (403, 404) or "/portal/" in employer.url or "/login/" in employer.url
    assert "Marcus" not in employer.content()
    with ministry_context(saint_lucia["ministry"]):
        user = saint_lucia["employer"]
        token = user_token_issue(user=user, actor=user).key
    connection.set_schema_to_public()
    api = _fetch(
        employer,
        f"{base}/api/v1/x/employment-services/seekers/{saint_lucia['marcus']}/",
        {"Authorization": f"Token {token}"},
    )
    assert api["status"] in (403, 404) and "Marcus" not in api["text"]


def _fetch(page, url, headers=None):
    """GET ``url`` from inside the page, as the browser would (its cookies, its host rules)."""
    return page.evaluate(
        """async ([url, headers]) => {
            const r = await fetch(url, {headers: headers || {}, credentials: "same-origin", cache: "no-store"});
            return {status: r.status, text: await r.text()};
        }""",
        [url, headers],
    )


def _login_any(browser, base, username):
    """Sign in where the account's home is (employers land on the portal, not the staff app)."""
    page = browser.new_context().new_page()
    page.goto(f"{base}/app/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button.primary")
    page.wait_for_load_state()
    return page
