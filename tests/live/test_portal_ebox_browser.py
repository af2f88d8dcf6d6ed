"""Issue 14 in Chromium, in a ministry set up like Peru: a supervisor serves a remote-inspection
requirement to an employer's electronic inbox; the employer signs in to the portal, opens it (the
legal receipt is recorded and shown to the ministry with the due date counted from it), uploads a
payroll file; the supervisor reviews it; the audit trail shows every step with its user."""

import pytest
from django.db import connection

from labourhub.testing.pytest_plugin import TEST_PASSWORD

from .conftest import CHROMIUM, CHROMIUM_ARGS, start_web, temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "peebox"


@pytest.fixture(scope="module")
def peru(django_db_setup, django_db_blocker):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.portal.services.accounts import portal_account_attach, representation_add
    from labourhub.registry.services import employer_create, establishment_create
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="SUNAFIL (e-box test)",
        country="PE",
        languages=["es"],
        default_language="es",
        time_zone="America/Lima",
        currency="PEN",
    ) as ministry:
        with django_db_blocker.unblock(), ministry_context(ministry):
            lima = office_create(code="LIM", name="Lima", level="region", actor=None)
            office = office_create(
                code="LIM-C", name="Lima Centro", level="district", parent=lima, actor=None
            )
            employer = employer_create(
                legal_name="Textil Andina SAC", tax_id="20100070970", actor=None
            )
            establishment = establishment_create(
                employer=employer, name="Textil Andina - planta Ate", office=office,
                isic_code="1410", actor=None,
            )  # fmt: skip
            user_create(
                username="supervisora", password=TEST_PASSWORD, office=office,
                roles=[Role.SUPERVISOR], actor=None,
            )  # fmt: skip
            rep = user_create(
                username="textilandina", password=TEST_PASSWORD, email="rrhh@textil.example",
                first_name="Rosa", last_name="Quispe", roles=[Role.EMPLOYER], actor=None,
            )  # fmt: skip
            portal_account_attach(
                user=rep, kind="employer", organisation="Textil Andina SAC",
                tax_number="20100070970", actor=None,
            )  # fmt: skip
            representation_add(user=rep, establishment=establishment, actor=None)
            connection.set_schema_to_public()
        yield {"ministry": ministry, "establishment": establishment.pk}


@pytest.fixture(scope="module")
def server(live_env):
    proc, port, log = start_web(live_env, "test-web-ebox.log", workers=1)
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


def test_remote_inspection_through_the_electronic_inbox(peru, server, browser, django_db_blocker):
    base = server
    est = peru["establishment"]
    staff = browser.new_context().new_page()
    staff.goto(f"{base}/app/login/")
    staff.fill("#id_username", "supervisora")
    staff.fill("#id_password", TEST_PASSWORD)
    staff.click("button.primary")
    staff.wait_for_url(f"{base}/app/")
    staff.goto(f"{base}/app/portal/establishments/{est}/inbox/")
    staff.select_option("#id_kind", "document_requirement")
    staff.fill("#id_subject", "Inspección remota: planillas")
    staff.fill("#id_body", "Presente las planillas de los últimos tres meses.")
    staff.fill("#id_requested_documents", "Planilla electrónica\nContratos")
    staff.fill("#id_reply_days", "5")
    staff.click("main button.primary")
    staff.wait_for_url("**/app/portal/notifications/*/")
    notification_url = staff.url
    assert "—" in staff.inner_text("#due")  # no time limit before the employer opens it

    employer = browser.new_context().new_page()
    employer.goto(f"{base}/portal/login/")
    employer.fill("#id_username", "textilandina")
    employer.fill("#id_password", TEST_PASSWORD)
    employer.click("main button.primary")
    employer.wait_for_url(f"{base}/portal/")
    employer.goto(f"{base}/portal/inbox/")
    employer.click("text=Inspección remota: planillas")
    employer.wait_for_selector("#receipt")
    assert "Rosa Quispe" in employer.inner_text("#receipt")
    employer.set_input_files(
        "#id_files",
        files=[{"name": "planilla.csv", "mimeType": "text/csv",
                "buffer": b"dni,nombre,sueldo\n40404040,Ana,1500\n"}],
    )  # fmt: skip
    employer.fill("#id_note", "Adjunto la planilla")
    employer.click("main form button.primary")
    employer.wait_for_selector("text=planilla.csv")

    staff.goto(notification_url)
    assert "textilandina" in staff.inner_text("#receipt")
    assert staff.inner_text("#due").strip() not in ("", "—")
    with staff.expect_download() as download:
        staff.click("a:has-text('planilla.csv')")
    assert download.value.suggested_filename == "planilla.csv"
    staff.fill("#id_note", "Planilla completa; sin hallazgos salariales")
    staff.click("main form button.primary")
    staff.wait_for_selector("text=Planilla completa")

    from labourhub.audit.models import AuditEvent
    from tenants.context import ministry_context

    with django_db_blocker.unblock(), ministry_context(peru["ministry"]):
        steps = list(
            AuditEvent.objects.filter(subject_type="portal.notification")
            .order_by("id")
            .values_list("action", "actor_repr")
        )
        connection.set_schema_to_public()
    assert steps == [
        ("ebox_notification.served", "supervisora"),
        ("ebox_notification.opened", "textilandina"),
        ("ebox_notification.answered", "textilandina"),
        ("ebox_notification.reviewed", "supervisora"),
    ]
