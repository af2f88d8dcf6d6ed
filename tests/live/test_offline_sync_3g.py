"""Benchmark (issue 16): 20 visits done offline with 60 photos, synced over a throttled 3G link
(Chrome DevTools network conditions through CDP, Debian Chromium). Nothing may be lost: every
visit ends completed on the server and every photo arrives with the SHA-256 the device took.
The seconds, the bytes and the sizes are printed and written to $OFFLINE_BENCH_OUT (JSON) when
set; docs/operations/offline.md keeps the last measured numbers."""

import datetime as dt
import json
import os
import time

import pytest
from django.db import connection
from django.utils import timezone

from labourhub.testing.pytest_plugin import TEST_PASSWORD

from .conftest import CHROMIUM, CHROMIUM_ARGS, temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.slow, pytest.mark.django_db]

SLUG = "off3g"
VISITS = 20
PHOTOS_PER_VISIT = 3
# DevTools' "3G" preset (formerly "Fast 3G"): 562.5 ms round trip, 1.6 Mbit/s down and
# 750 kbit/s up, each times 0.9 as DevTools applies it; bytes per second here.
THREE_G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
    "uploadThroughput": 750 * 1024 / 8 * 0.9,
}


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
    )
    from labourhub.registry.services import employer_create, establishment_create
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker, slug=SLUG, name="Ministry of Labour (3G bench)", country="PY",
        languages=["en", "es"], default_language="en", time_zone="America/Asuncion",
        currency="PYG",
    ) as ministry:  # fmt: skip
        with django_db_blocker.unblock(), ministry_context(ministry):
            region = office_create(code="G-R", name="Occidental", level="region", actor=None)
            district = office_create(
                code="G-1", name="Chaco", level="district", parent=region, actor=None
            )

            def person(username, role):
                return user_create(
                    username=username, password=TEST_PASSWORD, office=district, roles=[role],
                    first_name=username.title(), last_name="Py", actor=None,
                )  # fmt: skip

            supervisor = person("supervisor3g", Role.SUPERVISOR)
            inspector = person("inspector3g", Role.INSPECTOR)
            employer = employer_create(legal_name="Estancia Chaco SA", tax_id="8003-1", actor=None)
            site = establishment_create(
                employer=employer, name="Estancia Chaco", office=district, isic_code="0141",
                workers_female=5, workers_male=30, actor=None,
            )  # fmt: skip
            document_templates_seed(actor=None)
            checklists_seed(actor=None)
            procedure_update(
                require_authorisation=False, authorising_roles=[], authorisation_valid_days=30,
                actor=None,
            )  # fmt: skip
            checklist = Checklist.objects.get(code="general-labour-standards")
            ids = []
            for n in range(VISITS):
                inspection = inspection_create(
                    establishment=site, origin="planned", checklist=checklist,
                    scheduled_for=timezone.localdate() + dt.timedelta(days=n % 5),
                    actor=supervisor,
                )  # fmt: skip
                inspection_assign(
                    inspection=inspection, method="manual", assignee=inspector, reason="Plan",
                    expected_version=inspection.version, actor=supervisor,
                )  # fmt: skip
                ids.append(inspection.pk)
            data = {"ministry": ministry, "ids": ids}
        connection.set_schema_to_public()
        yield data


# The same records the visit screen writes: the start, every visible question answered with a
# valid value, three photos (1600x1200 JPEG, as the device resizes them) and the signed minutes.
SEED = """async ([ids, perVisit]) => {
  const L = window.LHOffline;
  const now = () => new Date().toISOString();
  const sizes = [];
  for (const id of ids) {
    const pack = await L.store.get("packs", id);
    const values = {}, answers = {};
    for (const q of pack.checklist.sections.flatMap((s) => s.questions)) {
      if (q.kind === "photo" || !L.visible(q, values)) continue;
      const v = { yes_no_na: "yes", number: "12", date: now().slice(0, 10),
                  choice: q.choices[0], text: "Observado en planta" }[q.kind] || "ok";
      values[q.code] = v;
      answers[q.code] = { value: v, base: null, device_time: now(), pending: true, resolution: "" };
    }
    const photoQ = pack.checklist.sections.flatMap((s) => s.questions).find((q) => q.kind === "photo");
    for (let n = 0; n < perVisit; n++) {
      const canvas = document.createElement("canvas");
      canvas.width = 1600; canvas.height = 1200;
      const c = canvas.getContext("2d");
      const g = c.createLinearGradient(0, 0, 1600, 1200);
      g.addColorStop(0, "#6b8e23"); g.addColorStop(1, "#d2b48c");
      c.fillStyle = g; c.fillRect(0, 0, 1600, 1200);
      for (let i = 0; i < 400; i++) {
        c.fillStyle = `hsl(${(i * 37 + id * 11 + n * 97) % 360},40%,${30 + (i % 40)}%)`;
        c.fillRect((i * 131 + n * 17) % 1600, (i * 71 + id) % 1200, 20 + (i % 90), 10 + (i % 60));
      }
      c.font = "48px sans-serif"; c.fillStyle = "#000";
      c.fillText("Visita " + id + " foto " + n + " " + now(), 60, 600);
      const blob = await new Promise((r) => canvas.toBlob(r, "image/jpeg", 0.85));
      const sha256 = await L.sha256(blob);
      sizes.push(blob.size);
      await L.store.put("photos", id + ":" + sha256, { key: id + ":" + sha256, inspection: id,
        question: photoQ ? photoQ.code : "", name: "foto-" + n + ".jpg", blob, sha256,
        size: blob.size, device_time: now(), uploaded: false });
    }
    await L.update(id, (d) => {
      d.start = { pending: true, data: { arrived_at: now(), device_time: now(), persons_met: "Capataz",
        workers_interviewed_female: 1, workers_interviewed_male: 2 } };
      d.answers = answers;
      d.minutes = "Visita sin novedades graves.";
      d.submit = { pending: true, data: { signed_by: "Inspector 3G", minutes: d.minutes, device_time: now() } };
    });
  }
  return sizes;
}"""


def _until(page, predicate, seconds):
    """Poll from Python: the app's CSP forbids the string evaluation wait_for_function uses."""
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        page.wait_for_timeout(250)


def test_twenty_visits_and_sixty_photos_sync_over_3g_with_nothing_lost(field, live_server_url):
    from playwright.sync_api import sync_playwright

    from labourhub.inspections.models import Evidence, Inspection
    from tenants.context import ministry_context

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    base = live_server_url.replace("test.localhost", f"{SLUG}.localhost")
    ids = field["ids"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context()
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", THREE_G)
        page.goto(f"{base}/app/login/")
        page.fill("#id_username", "inspector3g")
        page.fill("#id_password", TEST_PASSWORD)
        page.click("button.primary")
        page.wait_for_url(f"{base}/app/")
        shell_start = time.monotonic()
        page.goto(f"{base}/app/offline/")
        page.wait_for_selector("#lock")
        shell_seconds = time.monotonic() - shell_start
        page.fill("#pin", "270411")
        page.fill("#pin-again", "270411")
        take_start = time.monotonic()
        page.click("#pin-submit")
        # The ministry keeps the next days offline: all twenty arrive without a click.
        _until(page, lambda: page.locator("#offline-list li").count() == VISITS, 300)
        take_seconds = time.monotonic() - take_start
        pack_bytes = page.evaluate(
            "(id) => window.LHOffline.call('GET', 'assignments/' + id + '/')"
            ".then((r) => JSON.stringify(r.data).length)",
            ids[0],
        )
        context.set_offline(True)
        sizes = page.evaluate(SEED, [ids, PHOTOS_PER_VISIT])
        assert page.evaluate("window.LHOffline.unsentCount()") > VISITS * PHOTOS_PER_VISIT
        context.set_offline(False)
        cdp.send("Network.emulateNetworkConditions", THREE_G)
        start = time.monotonic()
        page.click("#sync-now")
        _until(page, lambda: page.evaluate("window.LHOffline.unsentCount()") == 0, 900)
        seconds = time.monotonic() - start
        browser.close()

    def server():
        with ministry_context(field["ministry"]):
            completed = Inspection.objects.filter(pk__in=ids, status="completed").count()
            photos = Evidence.objects.filter(inspection_id__in=ids).count()
        connection.set_schema_to_public()
        return completed, photos

    completed, photos = server()
    lost = (VISITS - completed) + (VISITS * PHOTOS_PER_VISIT - photos)
    result = {
        "profile": "DevTools 3G: 562.5 ms RTT, 1.44 Mbit/s down, 675 kbit/s up",
        "visits": VISITS,
        "photos": VISITS * PHOTOS_PER_VISIT,
        "photo_kb_mean": round(sum(sizes) / len(sizes) / 1024, 1),
        "sync_seconds": round(seconds, 1),
        "photos_mb": round(sum(sizes) / 1024 / 1024, 2),
        "lost": lost,
        "take_20_assignments_seconds": round(take_seconds, 1),
        "open_app_shell_seconds": round(shell_seconds, 1),
        "assignment_pack_bytes": pack_bytes,
    }
    print("OFFLINE-3G-BENCH", json.dumps(result))
    if os.environ.get("OFFLINE_BENCH_OUT"):
        with open(os.environ["OFFLINE_BENCH_OUT"], "w") as handle:
            json.dump(result, handle, indent=1)
    assert lost == 0, result
    assert completed == VISITS and photos == VISITS * PHOTOS_PER_VISIT
