"""Connectors in Chromium, in a Spanish-speaking ministry: the administrator configures a drop,
uploads a 500-worker payroll file to object storage, loads it (a real Celery worker runs it),
watches the run end, and a file in the wrong encoding is refused in Spanish with nothing saved;
the director then sees the declared workers on the establishment's inspection."""

import pytest
from django.db import connection
from django.utils import timezone

from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tests.connectors.conftest import HEADER, payroll_csv

from .conftest import CHROMIUM, CHROMIUM_ARGS, temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "connweb"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.inspections.models import Inspection
    from labourhub.inspections.services import inspection_create
    from labourhub.registry.services import employer_create, establishment_create
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="Ministerio de Trabajo (conectores)",
        country="PE",
        languages=["es"],
        default_language="es",
        time_zone="America/Lima",
        currency="PEN",
    ) as ministry:
        with django_db_blocker.unblock(), ministry_context(ministry):
            office = office_create(code="LIM", name="Lima", level="region", actor=None)
            for name, role in (("connadmin", Role.SYSTEM_ADMIN), ("conndir", Role.DIRECTOR)):
                user_create(
                    username=name,
                    password=TEST_PASSWORD,
                    office=office,
                    roles=[role],
                    actor=None,
                )
            employer = employer_create(legal_name="Textil Andina S.A.", actor=None)
            site = establishment_create(
                employer=employer,
                name="Planta Ate",
                office=office,
                isic_code="1410",
                registration_number="EST-1",
                actor=None,
            )
            inspection = inspection_create(
                establishment=site,
                origin=Inspection.Origin.PLANNED,
                scheduled_for=timezone.localdate(),
                actor=None,
            )
        connection.set_schema_to_public()
        yield {"ministry": ministry, "inspection": inspection.pk}


@pytest.fixture(scope="module")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _signed_in(browser, base, username):
    page = browser.new_context().new_page()
    page.goto(f"{base}/app/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{base}/app/")
    return page


def test_the_administrator_loads_a_roster_and_the_director_sees_it_on_the_inspection(
    world, live_server_url, celery_worker, browser, tmp_path
):
    base = live_server_url.replace("//test.", f"//{SLUG}.")
    admin = _signed_in(browser, base, "connadmin")
    admin.goto(f"{base}/app/connectors/")
    assert "Aún no hay ningún conector configurado." in admin.content()
    admin.fill("#id_name", "EsSalud: planillas")
    admin.select_option("#id_kind", "payroll-csv")
    admin.select_option("#id_transport", "drop")
    admin.click("button.primary")
    admin.wait_for_load_state()
    assert "Buzón de archivos en el almacenamiento de objetos" in admin.content()
    source_url = admin.url

    roster = tmp_path / "planilla-2026-10.csv"
    roster.write_bytes(payroll_csv(500))
    admin.set_input_files("#id_file", str(roster))
    admin.click("text=Subir al buzón")
    admin.wait_for_load_state()
    admin.locator("li:has(code:text('planilla-2026-10.csv')) button").click()
    admin.wait_for_url("**/app/connectors/runs/*/")
    admin.wait_for_selector("#run-status:has-text('Cargado')", timeout=60_000)
    assert admin.inner_text("#count-created") == "500"

    latin = tmp_path / "latin.csv"
    latin.write_bytes(
        (HEADER + "EST-1,X1,DNI,Peña,F,1990-01-01,permanent,10,2026-11\n").encode("latin-1")
    )
    admin.goto(source_url)
    admin.set_input_files("#id_file", str(latin))
    admin.click("text=Subir al buzón")
    admin.wait_for_load_state()
    admin.locator("li:has(code:text('latin.csv')) button").click()
    admin.wait_for_selector("#run-status:has-text('Rechazado')", timeout=60_000)
    assert "no es texto UTF-8" in admin.inner_text("#run-status")

    director = _signed_in(browser, base, "conndir")
    director.goto(f"{base}/app/inspections/{world['inspection']}/")
    panel = director.inner_text("#declared-workers")
    assert "500 trabajadores declarados en 2026-10: 250 mujeres, 250 hombres." in panel
    assert "Plazo fijo" in panel
