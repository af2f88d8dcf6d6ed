"""Issue 14 in Chromium, in a ministry set up like Honduras: an employer signs up, confirms the
e-mail, a clerk verifies the account, the employer registers an establishment, the clerk accepts
it and it appears in the registry search; then a worker files a complaint about it from an
account and follows it."""

import pytest
from django.db import connection

from labourhub.testing.pytest_plugin import TEST_PASSWORD

from .conftest import CHROMIUM, CHROMIUM_ARGS, start_web, temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "hnportal"
PASSWORD = "Tostadura-Copan-77x"
NAME = "Café Lempira - tostaduría Copán"


@pytest.fixture(scope="module")
def honduras(django_db_setup, django_db_blocker):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.portal.services.accounts import portal_account_attach
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="Secretaría de Trabajo (portal test)",
        country="HN",
        languages=["es"],
        default_language="es",
        time_zone="America/Tegucigalpa",
        currency="HNL",
    ) as ministry:
        with django_db_blocker.unblock(), ministry_context(ministry):
            region = office_create(code="COP", name="Copán", level="region", actor=None)
            office = office_create(
                code="COP-SR", name="Santa Rosa de Copán", level="district", parent=region,
                actor=None,
            )  # fmt: skip
            user_create(
                username="clerk", password=TEST_PASSWORD, office=office, roles=[Role.CLERK],
                actor=None,
            )  # fmt: skip
            worker = user_create(
                username="obrera", password=TEST_PASSWORD, email="obrera@example.org",
                first_name="Marta", last_name="Chinchilla", roles=[Role.WORKER], actor=None,
            )  # fmt: skip
            portal_account_attach(user=worker, kind="worker", actor=None)
            connection.set_schema_to_public()
        yield {"ministry": ministry, "office": office.pk}


@pytest.fixture(scope="module")
def server(live_env):
    proc, port, log = start_web(live_env, "test-web-hnportal.log", workers=1)
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


def _in_ministry(django_db_blocker, ministry, read):
    from tenants.context import ministry_context

    with django_db_blocker.unblock(), ministry_context(ministry):
        value = read()
        connection.set_schema_to_public()
    return value


def _sign_in(page, base, path, username, password):
    page.goto(f"{base}{path}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button.primary")


def test_employer_signs_up_registers_and_a_worker_follows_a_complaint(
    honduras, server, browser, django_db_blocker
):
    base = server
    employer = browser.new_context().new_page()
    employer.goto(f"{base}/portal/signup/")
    employer.check("input[name=kind][value=employer]")
    employer.fill("#id_first_name", "Rosa")
    employer.fill("#id_last_name", "Pineda")
    employer.fill("#id_email", "rosa@cafelempira.example")
    employer.fill("#id_username", "cafelempira")
    employer.fill("#id_password", PASSWORD)
    employer.fill("#id_password_again", PASSWORD)
    employer.fill("#id_organisation", "Café Lempira S. de R.L.")
    employer.fill("#id_tax_number", "08019999123456")
    employer.click("main button.primary")
    employer.wait_for_load_state()
    assert "/portal/signup/sent/" in employer.url, employer.inner_text("main")

    def token():
        from labourhub.accounts.models import User
        from labourhub.portal.services.accounts import email_token

        return email_token(user=User.objects.get(username="cafelempira"))

    # The link the e-mail carries (the web process sent it; the token is the same signature).
    employer.goto(
        f"{base}/portal/verify-email/{_in_ministry(django_db_blocker, honduras['ministry'], token)}/"
    )

    clerk = browser.new_context().new_page()
    _sign_in(clerk, base, "/app/login/", "clerk", TEST_PASSWORD)
    clerk.wait_for_url(f"{base}/app/")
    clerk.goto(f"{base}/app/portal/accounts/")
    clerk.click("text=Café Lempira S. de R.L.")
    clerk.check("input[name=decision][value=accept]")
    clerk.click("main form button.primary")
    clerk.wait_for_url("**/app/portal/accounts/")

    _sign_in(employer, base, "/portal/login/", "cafelempira", PASSWORD)
    employer.wait_for_url(f"{base}/portal/")
    employer.goto(f"{base}/portal/establishments/new/")
    employer.fill("#id_name", NAME)
    employer.fill("#id_address", "Barrio El Centro, 3a calle")
    employer.fill("#id_locality", "Santa Rosa de Copán")
    employer.fill("#id_isic_code", "1079")
    employer.fill("#id_workers_female", "14")
    employer.fill("#id_workers_male", "9")
    employer.click("main button.primary")
    employer.wait_for_url("**/portal/establishments/submissions/*/")

    clerk.goto(f"{base}/app/portal/establishments/submissions/")
    clerk.click(f"text={NAME}")
    clerk.check("input[name=decision][value=accept]")
    clerk.select_option("#id_office", str(honduras["office"]))
    clerk.click("main form button[type=submit]")
    clerk.wait_for_url("**/app/portal/establishments/submissions/**")
    clerk.goto(f"{base}/app/establishments/?q=Lempira")
    assert NAME in clerk.inner_text("main")

    def registration():
        from labourhub.registry.models import Establishment

        return Establishment.objects.get(name=NAME).registration_number

    number = _in_ministry(django_db_blocker, honduras["ministry"], registration)
    employer.goto(f"{base}/portal/establishments/")
    assert number in employer.inner_text("main")

    worker = browser.new_context().new_page()
    _sign_in(worker, base, "/portal/login/", "obrera", TEST_PASSWORD)
    worker.wait_for_url(f"{base}/portal/")
    worker.goto(f"{base}/portal/my-complaints/new/")
    worker.fill("#id_subject", "Horas extra sin pagar")
    worker.fill("#id_description", "Trabajamos los domingos de cosecha sin pago de horas extra.")
    worker.fill("#id_establishment", number)
    worker.click("main button.primary")
    worker.wait_for_selector(".code")
    assert len(worker.inner_text(".code").replace("-", "")) == 12
    worker.click("main a[href*='/portal/my-complaints/']")
    worker.wait_for_url("**/portal/my-complaints/*/")
    text = worker.inner_text("main")
    assert "Horas extra sin pagar" in text and "Etapa" in text and "Próximo paso" in text
    worker.goto(f"{base}/portal/my-complaints/")
    assert "Horas extra sin pagar" in worker.inner_text("main")
    # The employer sees nothing of the complaint from the portal.
    employer.goto(f"{base}/portal/my-complaints/")
    assert "Horas extra sin pagar" not in employer.content()
