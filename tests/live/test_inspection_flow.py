"""Issue 5 end to end in Chromium: a Paraguay-configured ministry (only the minister authorises),
random assignment, a checklist with a photo and a violation, signed minutes, the supervisor's
view and the audit trail. The ministry is provisioned for this module and dropped afterwards,
so no committed row leaks into the shared test ministries."""

import io
import shutil

import pytest
from django.db import connection
from django.utils import timezone, translation
from PIL import Image

from labourhub.audit.events import audit_action_label
from labourhub.testing.pytest_plugin import TEST_PASSWORD

from .conftest import temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "pyinsp"
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
def paraguay(django_db_setup, django_db_blocker):
    """A ministry set up like the demo Paraguay: Spanish, PYG, minister-only authorisation."""
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.documents.services import document_templates_seed
    from labourhub.inspections.models import Checklist
    from labourhub.inspections.services import (
        checklists_seed,
        inspection_create,
        procedure_update,
    )
    from labourhub.registry.services import employer_create, establishment_create
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="Ministerio de Trabajo (prueba)",
        country="PY",
        languages=["es"],
        default_language="es",
        time_zone="America/Asuncion",
        currency="PYG",
    ) as ministry:
        with django_db_blocker.unblock():
            with ministry_context(ministry):
                region = office_create(code="PY-CEN", name="Central", level="region", actor=None)
                district = office_create(
                    code="PY-ASU", name="Asunción", level="district", parent=region, actor=None
                )

                def person(username, role):
                    return user_create(
                        username=username,
                        password=TEST_PASSWORD,
                        office=district,
                        roles=[role],
                        first_name=username.title(),
                        last_name="Py",
                        actor=None,
                    )

                people = {
                    "ministro": person("ministro", Role.AUTHORISING_OFFICIAL),
                    "supervisora": person("supervisora", Role.SUPERVISOR),
                    **{f"inspector{n}": person(f"inspector{n}", Role.INSPECTOR) for n in (1, 2, 3)},
                }
                employer = employer_create(
                    legal_name="Confecciones Guaraní SA", tax_id="80012345-6", actor=None
                )
                site = establishment_create(
                    employer=employer,
                    name="Confecciones Guaraní - Luque",
                    office=district,
                    isic_code="1410",
                    workers_female=40,
                    workers_male=10,
                    actor=None,
                )
                document_templates_seed(actor=None)
                checklists_seed(actor=None)
                procedure_update(
                    require_authorisation=True,
                    authorising_roles=[Role.AUTHORISING_OFFICIAL],
                    authorisation_valid_days=30,
                    actor=None,
                )
                inspection = inspection_create(
                    establishment=site,
                    origin="complaint",
                    origin_reference="DEN-2026-0042",
                    checklist=Checklist.objects.get(code="general-labour-standards"),
                    scheduled_for=timezone.localdate(),
                    actor=people["supervisora"],
                )
                data = {
                    "ministry": ministry,
                    "inspection_id": inspection.pk,
                    "reference": inspection.reference,
                    "inspectors": {people[f"inspector{n}"].pk: f"inspector{n}" for n in (1, 2, 3)},
                }
            connection.set_schema_to_public()
        yield data


@pytest.fixture(scope="module")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def _login(browser, base, username):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/app/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{base}/app/")
    return page


def _photo(tmp_path):
    path = tmp_path / "registro-de-planillas.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (180, 160, 90)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def test_paraguay_inspection_end_to_end(paraguay, browser, live_server_url, tmp_path):
    base = live_server_url.replace("test.localhost", f"{SLUG}.localhost")
    detail = f"{base}/app/inspections/{paraguay['inspection_id']}/"

    # 1. The minister authorises: the order is signed, numbered and hashed.
    page = _login(browser, base, "ministro")
    page.goto(detail)
    page.click("#authorise")
    page.wait_for_selector("#authorisation code")
    order = page.locator("#authorisation li strong").first.inner_text()
    assert order.startswith("OI-")
    assert len(page.locator("#authorisation code").first.inner_text()) == 64
    page.context.close()

    # 2. The supervisor draws an inspector at random; the draw re-runs to the same person.
    page = _login(browser, base, "supervisora")
    page.goto(detail)
    page.select_option("#id_method", "random")
    page.fill("#id_reason", "Sorteo anticorrupción")
    page.click("#assign")
    page.wait_for_selector("#assignment code.seed")
    drawn = page.locator("#inspector").inner_text()
    assert drawn.lower().startswith("inspector")
    page.click("#assignment a[href*='/replay/']")
    assert page.locator("#replayed").inner_text() == page.locator("#recorded").inner_text()
    page.context.close()
    from labourhub.inspections.models import Inspection
    from tenants.context import ministry_context

    with ministry_context(paraguay["ministry"]):
        inspector_id = Inspection.objects.get(pk=paraguay["inspection_id"]).inspector_id
    connection.set_schema_to_public()
    username = paraguay["inspectors"][inspector_id]

    # 3. The drawn inspector visits: arrival, checklist with a photo, a violation, signature.
    page = _login(browser, base, username)
    page.goto(f"{base}/app/inspections/mine/")
    page.click(f"a[href='/app/inspections/{paraguay['inspection_id']}/']")
    page.fill("#id_persons_met", "Sra. Benítez, jefa de personal")
    page.fill("#id_workers_interviewed_female", "4")
    page.fill("#id_workers_interviewed_male", "2")
    page.click("#start-visit")
    page.wait_for_url(f"{detail}visit/1/")
    page.check("input[name='contracts-written'][value='no']")
    page.check("input[name='payroll-kept'][value='yes']")
    page.fill("input[name='workers-present']", "50")
    page.click("#save-section")
    page.wait_for_selector("#photo-payroll-photo")
    page.set_input_files("#file-payroll-photo", str(_photo(tmp_path)))
    page.fill("#cap-payroll-photo", "Planilla de enero")
    page.click("#upload-payroll-photo")
    page.wait_for_selector("#photo-payroll-photo li")
    assert "registro-de-planillas.jpg" in page.locator("#photo-payroll-photo li").inner_text()
    page.click("#save-next")
    page.wait_for_url(f"{detail}visit/2/")
    page.check("input[name='minimum-wage'][value='yes']")
    page.check("input[name='weekly-rest'][value='yes']")
    page.select_option("select[name='pay-method']", "Transferencia bancaria")
    page.click("#save-next")
    page.wait_for_url(f"{detail}visit/3/")
    page.fill("input[name='employer-signature']", "María Benítez")
    page.click("#save-next")
    page.wait_for_url(f"{detail}#submit")
    assert page.locator("#findings .finding").count() == 1
    assert "C181" in page.locator("#findings .finding").inner_text()
    page.click("#submit-report")
    page.wait_for_selector("#minutes-link")
    assert "MR-" in page.locator("#minutes-link").inner_text()
    page.context.close()

    # 4. The supervisor sees it done; 5. the audit trail shows every step.
    page = _login(browser, base, "supervisora")
    page.goto(f"{base}/app/inspections/team/")
    recent = page.locator(f"a[href='/app/inspections/{paraguay['inspection_id']}/']")
    assert recent.first.inner_text() == paraguay["reference"]
    page.goto(detail)
    steps = page.locator("#audit tbody td:nth-child(3)").all_inner_texts()
    codes = [
        "inspection.created",
        "inspection.authorised",
        "inspection.assigned",
        "inspection.visit_started",
        "inspection.evidence_added",
        "inspection.answers_saved",
        "inspection.submitted",
    ]
    with translation.override("es"):  # the trail reads in the ministry's language
        label = {code: audit_action_label(code) for code in codes}
    for code in codes:
        assert label[code] in steps, steps
    assert (
        steps.index(label["inspection.authorised"])
        < steps.index(label["inspection.assigned"])
        < (steps.index(label["inspection.submitted"]))
    )
    page.context.close()
