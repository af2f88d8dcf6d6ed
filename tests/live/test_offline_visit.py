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
        authorisation_issue,
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
            colleague = person("inspectorb", Role.INSPECTOR)
            minister = person("ministra", Role.AUTHORISING_OFFICIAL)
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
                if n == 0:  # the signed order to inspect goes offline with the assignment
                    authorisation_issue(
                        inspection=inspection, signer=minister,
                        expected_version=inspection.version, actor=minister,
                    )  # fmt: skip
                    inspection.refresh_from_db()
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
            data = {
                "ministry": ministry, "ids": ids, "supervisor": supervisor.pk,
                "inspector": inspector.pk, "colleague": colleague.pk,
            }  # fmt: skip
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


PIN = "482915"


def _signed_in(browser, base, context=None, username="inspectora"):
    context = context or browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/app/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{base}/app/")
    return context, page


PAGE_ERRORS: list[str] = []


def _open_app(context, base, pin=PIN):
    """Open the app and give the PIN: chosen the first time on this device, asked after."""
    page = context.new_page()
    page.on("pageerror", lambda error: PAGE_ERRORS.append(str(error)))
    page.goto(f"{base}/app/offline/")
    page.wait_for_selector("#lock")
    page.fill("#pin", pin)
    if page.locator("#pin-again").count():
        page.fill("#pin-again", pin)
    page.click("#pin-submit")
    page.wait_for_selector("#offline-list", state="attached")
    return page


def _kept_offline(page, inspection_id):
    """The ministry keeps the next days offline: the assignment arrives without a click."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_selector(f"#offline-list li[data-inspection='{inspection_id}']")
    assert page.locator(f"button[data-take='{inspection_id}']").count() == 0


def _draw_signature(page):
    box = page.locator("#signature-pad").bounding_box()
    x, y = box["x"] + 30, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for i in range(1, 25):
        page.mouse.move(x + i * 12, y + ((i % 6) - 3) * 9)
    page.mouse.up()


RAW_RECORDS = """async (name) => {
  const db = await new Promise((ok, ko) => { const r = indexedDB.open(name);
    r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
  const out = [];
  for (const s of Array.from(db.objectStoreNames)) {
    const rows = await new Promise((ok) => { const r = db.transaction(s).objectStore(s).getAll();
      r.onsuccess = () => ok(r.result); });
    for (const v of rows) out.push([s, JSON.stringify(v, (k, x) =>
      x instanceof Blob ? "BLOB" : (x instanceof ArrayBuffer || ArrayBuffer.isView(x))
        ? new TextDecoder().decode(x) : x)]);
  }
  db.close();
  return out;
}"""


def _raw_records(page, user_id):
    """Every record of that user's database on this browser profile, as stored on disk."""
    return page.evaluate(RAW_RECORDS, f"labourhub-offline-{user_id}")


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
    _kept_offline(page, iid)

    context.set_offline(True)
    page.close()
    page = _open_app(context, base)  # reopened with no network: the service worker's shell
    assert (
        page.evaluate("fetch('/api/v1/offline/assignments/').then(() => 'online', () => 'offline')")
        == "offline"
    )
    assert page.locator(".age").first.inner_text().startswith("Available offline")
    page.click(f"#offline-list li[data-inspection='{iid}'] a")
    # The signed order to inspect and the legal provisions open with no network.
    page.click("details.card summary")
    assert page.get_attribute("#order-pdf", "href").startswith("blob:")
    pdf = page.evaluate(
        f"window.LHOffline.store.get('docs', '{iid}:order').then((d) => d.blob.slice(0, 5).text())"
    )
    assert pdf == "%PDF-"
    assert page.locator("#provisions > li").count() > 0
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
    page.fill("#minutes-text", MINUTES)
    _settle(page)
    page.fill("#signed-by", "Inspectora Py")
    page.check("#sign-confirm")
    page.click("#sign-minutes")
    assert page.inner_text("#sign-error") == "Draw your signature before signing the minutes."
    _draw_signature(page)
    page.click("#sign-minutes")
    page.wait_for_selector("#signed")
    assert page.inner_text("#minutes-signed") == MINUTES
    assert _in_ministry(field, lambda: Answer.objects.filter(inspection_id=iid).count()) == 0

    # On the device, everything of the visit is ciphertext: no answer, name or minutes in clear.
    records = _raw_records(page, field["inspector"])
    stores = {s for s, _ in records}
    assert {"packs", "drafts", "photos", "docs"} <= stores
    dump = "\n".join(text for _, text in records)
    for secret in ("Benítez", "Bank transfer", "Textiles Luque", "fifty", "regularizar", "%PDF"):
        assert secret not in dump, secret
    assert "BLOB" not in dump
    assert all(text.startswith('{"sealed":1') for s, text in records if s != "meta")

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
    assert digest in evidence and len(evidence) == 2
    signature = _in_ministry(
        field, lambda: Evidence.objects.get(inspection_id=iid, question__isnull=True)
    )
    assert signature.content_type == "image/png" and signature.sha256 in evidence
    assert inspection.notes == MINUTES
    assert inspection.persons_met == "Sra. Benítez, jefa de personal"
    assert inspection.minutes_id is not None
    steps = [e.extra["values"]["step"] for e in events]
    assert steps == [
        "visit_started", "answers_saved", "evidence_added", "evidence_added", "minutes_signed",
    ]  # fmt: skip
    assert events[-1].extra["values"]["signature_sha256"] == signature.sha256
    for event in events:
        values = event.extra["values"]
        device = dt.datetime.fromisoformat(values["device_time"].replace("Z", "+00:00"))
        synced = dt.datetime.fromisoformat(values["synced_at"])
        assert device < went_online <= synced, values
        assert event.actor_repr == "inspectora"

    # Everything is sent: signing out leaves no visit data on the device.
    page.close()
    page = _open_app(context, base)
    assert page.evaluate("window.LHOffline.unsentCount()") == 0
    assert any(n.startswith("labourhub-offline-") for n in _databases(page))
    page.click("form[action$='/logout/'] button")
    page.wait_for_url("**/app/login/**")
    assert not any(n.startswith("labourhub-offline-") for n in _databases(page))
    assert not PAGE_ERRORS, PAGE_ERRORS
    context.close()


MINUTES = "Se constató falta de contratos escritos. El empleador se compromete a regularizar."


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
    _kept_offline(page, iid)
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


def test_another_user_of_the_same_device_cannot_read_the_drafts(field, browser, live_server_url):
    base = live_server_url.replace("test.localhost", f"{SLUG}.localhost")
    iid = field["ids"][1]
    context, page = _signed_in(browser, base)
    page.close()
    page = _open_app(context, base)
    _kept_offline(page, iid)
    page.click(f"#offline-list li[data-inspection='{iid}'] a")
    page.fill("#q-employer-signature", "Firma reservada Luque")
    _settle(page)

    # She signs out with that answer unsent: it stays on the device, encrypted.
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("form[action$='/logout/'] button")
    page.wait_for_url("**/app/login/**")
    page.close()

    # A colleague signs in on the same browser profile.
    _, page = _signed_in(browser, base, context=context, username="inspectorb")
    page.close()
    page = context.new_page()
    page.goto(f"{base}/app/offline/")
    page.fill("#pin", "123")
    page.fill("#pin-again", "123")
    page.click("#pin-submit")
    assert page.inner_text("#pin-error") == "The PIN must have at least 6 digits."
    page.fill("#pin", "135790")
    page.fill("#pin-again", "135791")
    page.click("#pin-submit")
    assert page.inner_text("#pin-error") == "The two PINs are different."
    page.close()
    page = _open_app(context, base, pin="135790")
    assert page.locator("#offline-list li").count() == 0
    records = _raw_records(page, field["inspector"])
    assert any(s == "drafts" for s, _ in records)
    dump = "\n".join(text for _, text in records)
    assert "Firma reservada" not in dump and "Textiles Luque" not in dump
    # Her own app has no way in: its key is another one, and the PIN is hers alone.
    assert page.evaluate("window.LHOffline.store.all('drafts').then((d) => d.length)") == 0
    page.click("form[action$='/logout/'] button")
    page.wait_for_url("**/app/login/**")
    page.close()

    # The first inspector comes back: a wrong PIN opens nothing, hers opens the kept answer.
    _, page = _signed_in(browser, base, context=context)
    page.goto(f"{base}/app/offline/")
    page.fill("#pin", "000000")
    page.click("#pin-submit")
    page.wait_for_selector("#pin-error:text('Wrong PIN. Try again.')")
    page.fill("#pin", PIN)
    page.click("#pin-submit")
    page.wait_for_selector("#offline-list", state="attached")
    page.click(f"#offline-list li[data-inspection='{iid}'] a")
    assert page.input_value("#q-employer-signature") == "Firma reservada Luque"
    assert not PAGE_ERRORS, PAGE_ERRORS
    context.close()
