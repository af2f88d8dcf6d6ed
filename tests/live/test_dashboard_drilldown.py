"""Issue 8 in Chromium: the leadership dashboard, filtered by region, a click on a bar, and the
list of cases that bar counts.

The issue asks for this on the Peru demo ministry; the suite runs on the session's committed
"test" ministry instead (no demo database in CI), seeded here with two Peruvian regions (Lima,
Arequipa) and their inspections, and cleaned up afterwards so no committed row leaks into the
tests that run later in the session. Rows are created directly (no services) so that no audit
event is committed into the shared ministry's chain.
"""

import datetime as dt
import shutil

import pytest
from django.db import connection, transaction
from django.utils import timezone

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
PREFIX = "LIVE8-"


def _cleanup():
    from labourhub.accounts.models import Office
    from labourhub.analytics.models import Fact, RefreshState
    from labourhub.inspections.models import Inspection
    from labourhub.registry.models import Employer, Establishment

    Inspection.objects.filter(reference__startswith=PREFIX).delete()
    Establishment.objects.filter(registration_number__startswith=PREFIX).delete()
    Employer.objects.filter(tax_id__startswith=PREFIX).delete()
    Office.objects.filter(code__startswith=PREFIX, level="district").delete()
    Office.objects.filter(code__startswith=PREFIX).delete()
    Fact.objects.all().delete()
    RefreshState.objects.all().delete()


@pytest.fixture(scope="module")
def peru_like(django_db_setup, django_db_blocker):
    from labourhub.accounts.models import Office
    from labourhub.analytics.services import summary_refresh
    from labourhub.inspections.models import Inspection
    from labourhub.registry.models import Employer, Establishment
    from tenants.context import ministry_context
    from tenants.models import Ministry

    with django_db_blocker.unblock():
        ministry = Ministry.objects.get(schema_name="test")
        with ministry_context(ministry):
            _cleanup()
            with transaction.atomic():
                lima = Office.objects.create(
                    code=f"{PREFIX}LIM", name="Lima (live)", level="region"
                )
                are = Office.objects.create(
                    code=f"{PREFIX}ARE", name="Arequipa (live)", level="region"
                )
                lim_met = Office.objects.create(
                    code=f"{PREFIX}LIM-MET", name="Lima Met", level="district", parent=lima
                )
                are_are = Office.objects.create(
                    code=f"{PREFIX}ARE-ARE", name="Arequipa ofi", level="district", parent=are
                )
                employer = Employer.objects.create(legal_name="Live SAC", tax_id=f"{PREFIX}1")
                today = timezone.localdate()
                expected = {}
                plan = [
                    ("L", lim_met, "planned", 3),
                    ("L", lim_met, "complaint", 1),
                    ("A", are_are, "planned", 2),
                ]
                n = 0
                for tag, office, origin, count in plan:
                    for _ in range(count):
                        n += 1
                        est = Establishment.objects.create(
                            employer=employer,
                            registration_number=f"{PREFIX}{n}",
                            name=f"Taller {n}",
                            office=office,
                            isic_code="1010",
                            size_band="small",
                            workers_female=3,
                            workers_male=4,
                        )
                        ref = f"{PREFIX}{tag}{n}"
                        Inspection.objects.create(
                            reference=ref,
                            establishment=est,
                            office=office,
                            origin=origin,
                            status="completed",
                            scheduled_for=today,
                            submitted_at=timezone.now() - dt.timedelta(hours=1),
                        )
                        expected.setdefault((tag, origin), set()).add(ref)
            summary_refresh(full=True)
        connection.set_schema_to_public()
    yield {"lima": lima, "expected": expected}
    with django_db_blocker.unblock():
        with ministry_context(ministry):
            _cleanup()
        connection.set_schema_to_public()


@pytest.fixture(scope="module")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def test_filter_by_region_click_a_bar_and_land_on_its_cases(browser, live_server_url, peru_like):
    page = browser.new_page()
    page.goto(f"{live_server_url}/app/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{live_server_url}/app/")

    page.goto(f"{live_server_url}/app/analytics/")
    page.select_option("#id_region", label="Lima (live)")
    page.click("form.filters button.primary")
    page.wait_for_load_state()
    assert f"region={peru_like['lima'].pk}" in page.url
    # The headline number is Lima's: 3 planned + 1 complaint.
    assert page.locator("#card-inspections_done a.num").inner_text() == "4"
    page.wait_for_function("window.lhCharts && window.lhCharts.inspections_done")

    # Click the "planned" bar where Chart.js drew it (scrolled into view first).
    page.locator("canvas[data-indicator='inspections_done']").scroll_into_view_if_needed()
    point = page.evaluate("""() => {
        const chart = window.lhCharts.inspections_done;
        const urls = JSON.parse(document.getElementById('chart-data').textContent)
            .inspections_done.urls;
        const i = urls.findIndex(u => u.includes('dim=planned'));
        const bar = chart.getDatasetMeta(0).data[i];
        const box = chart.canvas.getBoundingClientRect();
        return {x: box.left + bar.x, y: box.top + (bar.y + bar.base) / 2, value: chart.data.datasets[0].data[i]};
    }""")
    assert point["value"] == 3
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url("**/app/analytics/drill/inspections_done/**")

    refs = set(page.locator("#drill-table tbody tr td:first-child").all_inner_texts())
    assert refs == peru_like["expected"][("L", "planned")]
    assert len(refs) == point["value"]
