"""Issue 16 in Chromium: an inspector takes an assignment offline, loses the network, closes and
reopens the app, completes the visit (a violation, a photo, signed minutes) and syncs; then a
change made on the server while the inspector was offline is shown as a conflict to choose from.
The ministry is provisioned for this module and dropped afterwards."""

import datetime as dt
import hashlib
import io
import shutil
import threading

import pytest
from django.db import connection
from django.utils import timezone
from PIL import Image

from labourhub.testing.pytest_plugin import TEST_PASSWORD

from .conftest import temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "offl"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.fixture(scope="module")
def field(django_db_setup, django_db_blocker):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.documents.services import document_templates_seed
    from labourhub.inspections.models import Checklist
    from labourhub.inspections.services import (
        checklists_seed,
        inspection_assign,
        inspection_create,
        procedure_update,
        visit_start,
    )
    from labourhub.registry.services import employer_create, establishment_create
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker, slug=SLUG, name="Ministry of Labour (offline test)", country="PY",
        languages=["en", "es"], default_language="en", time_zone="America/Asuncion",
        currency="PYG",
    ) as ministry:  # fmt: skip
        with django_db_blocker.unblock(), ministry_context(ministry):
            region = office_create(code="OF-R", name="Central", level="region", actor=None)
            district = office_create(
                code="OF-1", name="Luque", level="district", parent=region, actor=None
            )

            def person(username, role):
                return user_create(
                    username=username, password=TEST_PASSWORD, office=district, roles=[role],
                    first_name=username.title(), last_name="Py", actor=None,
                )  # fmt: skip

            supervisor = person("supervisora", Role.SUPERVISOR)
            inspector = person("inspectora", Role.INSPECTOR)
            employer = employer_create(legal_name="Textiles Luque SA", tax_id="8001-9", actor=None)
            site = establishment_create(
                employer=employer, name="Textiles Luque - planta", office=district,
                isic_code="1410", workers_female=20, workers_male=8, actor=None,
            )  # fmt: skip
            document_templates_seed(actor=None)
            checklists_seed(actor=None)
            procedure_update(
                require_authorisation=False, authorising_roles=[], authorisation_valid_days=30,
                actor=None,
            )  # fmt: skip
            ids = []
            for n in range(2):
                inspection = inspection_create(
                    establishment=site, origin="planned",
                    checklist=Checklist.objects.get(code="general-labour-standards"),
                    scheduled_for=timezone.localdate() + dt.timedelta(days=n), actor=supervisor,
                )  # fmt: skip
                inspection = inspection_assign(
                    inspection=inspection,
                    method="manual",
                    assignee=inspector,
                    reason="Plan",
                    expected_version=inspection.version,
                    actor=supervisor,
                ).inspection
                ids.append(inspection.pk)
            # The second visit started online earlier; the conflict scenario edits it.
            second = inspection_get(ids[1])
            visit_start(
                inspection=second, arrived_at=timezone.now(), persons_met="Gerente",
                workers_interviewed_female=1, workers_interviewed_male=0,
                expected_version=second.version, actor=inspector,
            )  # fmt: skip
            data = {"ministry": ministry, "ids": ids, "supervisor": supervisor.pk}
        connection.set_schema_to_public()
        yield data


def inspection_get(pk):
    from labourhub.inspections.models import Inspection

    return Inspection.objects.get(pk=pk)


@pytest.fixture(scope="module")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def _signed_in(browser, base):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/app/login/")
    page.fill("#id_username", "inspectora")
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{base}/app/")
    return context, page


PAGE_ERRORS: list[str] = []


def _open_app(context, base):
    page = context.new_page()
    page.on("pageerror", lambda error: PAGE_ERRORS.append(str(error)))
    page.goto(f"{base}/app/offline/")
    page.wait_for_selector("#offline-list", state="attached")
    return page


def _take_offline(page, inspection_id):
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.click(f"button[data-take='{inspection_id}']")
    page.wait_for_selector(f"#offline-list li[data-inspection='{inspection_id}']")


def _in_ministry(field, fn):
    from tenants.context import ministry_context

    with ministry_context(field["ministry"]):
        result = fn()
    connection.set_schema_to_public()
    return result


def _committed(field, fn):
    try:
        _in_ministry(field, fn)
    finally:
        connection.close()


def _wait_for(predicate, page, timeout=60):
    deadline = timezone.now() + dt.timedelta(seconds=timeout)
    while timezone.now() < deadline:
        if predicate():
            return
        page.wait_for_timeout(500)
    raise AssertionError("the server never received the synced work")


def test_a_visit_done_offline_reaches_the_server_exactly(field, browser, live_server_url, tmp_path):
    from labourhub.audit.models import AuditEvent
    from labourhub.inspections.models import Answer, Evidence

    base = live_server_url.replace("test.localhost", f"{SLUG}.localhost")
    iid = field["ids"][0]
    context, page = _signed_in(browser, base)
    page.close()
    page = _open_app(context, base)
    _take_offline(page, iid)

    context.set_offline(True)
    page.close()
    page = _open_app(context, base)  # reopened with no network: the service worker's shell
    assert (
        page.evaluate("fetch('/api/v1/offline/assignments/').then(() => 'online', () => 'offline')")
        == "offline"
    )
    assert page.locator(".age").first.inner_text().startswith("Available offline")
    page.click(f"#offline-list li[data-inspection='{iid}'] a")
    page.fill("#persons-met", "Sra. Benítez, jefa de personal")
    page.fill("#women", "4")
    page.fill("#men", "2")
    page.click("#start-visit")
    _settle(page)
    page.wait_for_selector("#checklist", timeout=5000) if not PAGE_ERRORS else None
    assert not PAGE_ERRORS, PAGE_ERRORS
    page.check("input[name='contracts-written'][value='no']")
    _settle(page)
    page.wait_for_selector("[data-question='contracts-written'] .violation", timeout=5000)
    page.check("input[name='payroll-kept'][value='yes']")
    _settle(page)
    photo = tmp_path / "planilla.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (180, 160, 90)).save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    page.set_input_files("#q-payroll-photo", str(photo))
    _settle(page)
    page.wait_for_selector(f"li[data-sha256='{digest}']")
    page.fill("#q-workers-present", "fifty")
    assert page.locator("[data-question='workers-present'] .error").inner_text() != ""
    page.fill("#q-workers-present", "50")
    _settle(page)

    # The tab is closed and reopened, still offline: nothing is lost.
    page.close()
    page = _open_app(context, base)
    page.click(f"#offline-list li[data-inspection='{iid}'] a")
    assert page.is_checked("input[name='contracts-written'][value='no']")
    assert page.input_value("#q-workers-present") == "50"
    page.check("input[name='minimum-wage'][value='yes']")
    _settle(page)
    page.check("input[name='weekly-rest'][value='yes']")
    _settle(page)
    page.select_option("#q-pay-method", "Bank transfer")
    _settle(page)
    page.fill("#q-employer-signature", "María Benítez")
    _settle(page)
    page.fill("#signed-by", "Inspectora Py")
    page.check("#sign-confirm")
    page.click("#sign-minutes")
    page.wait_for_selector("#signed")
    assert _in_ministry(field, lambda: Answer.objects.filter(inspection_id=iid).count()) == 0

    went_online = timezone.now()
    context.set_offline(False)
    page.click("#sync-now")
    _wait_for(lambda: _in_ministry(field, lambda: inspection_get(iid).status == "completed"), page)

    def server_state():
        answers = {
            a.question.code: a.value
            for a in Answer.objects.filter(inspection_id=iid).select_related("question")
            if a.value is not None
        }
        evidence = list(Evidence.objects.filter(inspection_id=iid).values_list("sha256", flat=True))
        events = list(
            AuditEvent.objects.filter(
                subject_id=str(iid), action="inspection.offline_synced"
            ).order_by("id")
        )
        return answers, evidence, events, inspection_get(iid)

    answers, evidence, events, inspection = _in_ministry(field, server_state)
    assert answers == {
        "contracts-written": "no",
        "payroll-kept": "yes",
        "workers-present": "50",
        "minimum-wage": "yes",
        "weekly-rest": "yes",
        "pay-method": "Bank transfer",
        "employer-signature": "María Benítez",
    }
    assert evidence == [digest]
    assert inspection.persons_met == "Sra. Benítez, jefa de personal"
    assert inspection.minutes_id is not None
    steps = [e.extra["values"]["step"] for e in events]
    assert steps == ["visit_started", "answers_saved", "evidence_added", "minutes_signed"]
    for event in events:
        values = event.extra["values"]
        device = dt.datetime.fromisoformat(values["device_time"].replace("Z", "+00:00"))
        synced = dt.datetime.fromisoformat(values["synced_at"])
        assert device < went_online <= synced, values
        assert event.actor_repr == "inspectora"

    # Everything is sent: signing out leaves no visit data on the device.
    page.goto(f"{base}/app/offline/")
    page.wait_for_selector("#offline-list", state="attached")
    assert page.evaluate("window.LHOffline.unsentCount()") == 0
    assert any(n.startswith("labourhub-offline-") for n in _databases(page))
    page.click("form[action$='/logout/'] button")
    page.wait_for_url("**/app/login/**")
    assert not any(n.startswith("labourhub-offline-") for n in _databases(page))
    assert not PAGE_ERRORS, PAGE_ERRORS
    context.close()


def _settle(page):
    """Wait until the app has saved the last change and redrawn the visit."""
    page.evaluate("window.LHOffline.idle()")


def _databases(page):
    return page.evaluate("indexedDB.databases().then((dbs) => dbs.map((d) => d.name))")


def test_a_change_made_while_offline_is_a_conflict_the_inspector_resolves(
    field, browser, live_server_url
):
    from labourhub.accounts.models import User
    from labourhub.inspections.models import Answer
    from labourhub.inspections.services import answers_save

    base = live_server_url.replace("test.localhost", f"{SLUG}.localhost")
    iid = field["ids"][1]
    context, page = _signed_in(browser, base)
    page.close()
    page = _open_app(context, base)
    _take_offline(page, iid)
    context.set_offline(True)
    page.click(f"#offline-list li[data-inspection='{iid}'] a")
    page.check("input[name='contracts-written'][value='yes']")
    _settle(page)
    page.check("input[name='payroll-kept'][value='no']")
    _settle(page)

    def supervisor_edits():
        inspection = inspection_get(iid)
        answers_save(
            inspection=inspection,
            values={"contracts-written": "no"},
            expected_version=inspection.version,
            actor=User.objects.get(pk=field["supervisor"]),
        )

    # The supervisor's change is committed by another connection, as the web server's would be.
    worker = threading.Thread(target=_committed, args=(field, supervisor_edits))
    worker.start()
    worker.join()
    context.set_offline(False)
    page.click("#sync-now")
    page.wait_for_selector("#conflicts .conflict[data-code='contracts-written']", timeout=30000)
    conflict = page.locator("#conflicts .conflict")
    assert conflict.locator(".mine").inner_text() == "Yes"
    assert conflict.locator(".theirs").inner_text() == "No"
    assert "Supervisora" in conflict.inner_text() or "supervisora" in conflict.inner_text()

    def values():
        return {
            a.question.code: a.value
            for a in Answer.objects.filter(inspection_id=iid).select_related("question")
        }

    # Nothing was overwritten; the answer that did not conflict went through.
    state = _in_ministry(field, values)
    assert state["contracts-written"] == "no" and state["payroll-kept"] == "no"
    page.click("#conflicts .keep-mine")
    _settle(page)
    page.click("#sync-now")
    _wait_for(lambda: _in_ministry(field, values).get("contracts-written") == "yes", page)
    page.wait_for_selector("#conflicts", state="detached")
    context.close()
