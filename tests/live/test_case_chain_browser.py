"""The connected case chain in Chromium, in one ministry: a worker's complaint is triaged to
inspection and the inspection exists at once and shows the complaint; after the visit the
inspector sends the findings, the supervisor confirms the order listing each finding; after the
failed follow-up the legal officer sees the suggested penalty per violation before deciding,
the fine decision is issued from the case with its number, the fine is paid, and the complaint
shows the inspection's result. The order's deadline reaches the inspector's bell at once.
Nothing is typed twice.

The visit itself (checklist answers, signed minutes) is recorded through the services: its own
browser test is tests/live/test_inspection_flow.py. The ministry is provisioned for this module
and dropped afterwards."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from labourhub.testing.pytest_plugin import TEST_PASSWORD

from .conftest import CHROMIUM, CHROMIUM_ARGS, temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SLUG = "chain"


@pytest.fixture(scope="module")
def chain(django_db_setup, django_db_blocker):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.complaints.services import complaint_register
    from labourhub.documents.services import document_templates_seed
    from labourhub.enforcement.services import fine_schedule_seed
    from labourhub.inspections.services import checklists_seed, procedure_update
    from labourhub.registry.services import employer_create, establishment_create
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="Ministry of Labour (chain test)",
        country="HN",
        languages=["en"],
        default_language="en",
        time_zone="America/Tegucigalpa",
        currency="HNL",
    ) as ministry:
        with django_db_blocker.unblock(), ministry_context(ministry):
            region = office_create(code="C", name="Centre", level="region", actor=None)
            office = office_create(
                code="C-1", name="Central office", level="district", parent=region, actor=None
            )
            users = {
                name: user_create(
                    username=name,
                    password=TEST_PASSWORD,
                    office=office,
                    roles=[role],
                    first_name=name.title(),
                    actor=None,
                )
                for name, role in (
                    ("chainclerk", Role.CLERK),
                    ("chainsup", Role.SUPERVISOR),
                    ("chaininsp", Role.INSPECTOR),
                    ("chainlegal", Role.LEGAL_OFFICER),
                )
            }
            document_templates_seed(actor=None)
            checklists_seed(actor=None)
            procedure_update(
                require_authorisation=False,
                authorising_roles=[],
                authorisation_valid_days=30,
                actor=None,
            )
            fine_schedule_seed()
            employer = employer_create(legal_name="Maquila Norte S.A.", actor=None)
            est = establishment_create(
                employer=employer,
                name="Maquila Norte",
                office=office,
                isic_code="1410",
                workers_female=40,
                workers_male=20,
                actor=None,
            )
            complaint, _code = complaint_register(
                office=office,
                subject="Unpaid overtime",
                description="We work twelve hours a day and overtime is never paid.",
                channel="staff",
                actor=users["chainclerk"],
                establishment=est,
                complainant_name="Worker Confidential",
            )
            connection.set_schema_to_public()
        yield {"ministry": ministry, "users": users, "complaint": complaint}


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


def _step(page, transition, note):
    form = page.locator(f"form:has(input[name='transition'][value='{transition}'])")
    form.locator("textarea[name='note']").fill(note)
    form.locator("button[type='submit']").click()
    page.wait_for_load_state()


def _in_ministry(django_db_blocker, ministry, fn):
    """Run ``fn`` in the ministry on its own connection (autocommit), so the web server sees
    what it wrote: the test's own transaction would hide it."""
    import threading

    from django.db import connections

    from tenants.context import ministry_context

    box = {}

    def target():
        try:
            with ministry_context(ministry):
                box["value"] = fn()
        except BaseException as exc:  # re-raised in the test's thread
            box["error"] = exc
        finally:
            connections.close_all()

    with django_db_blocker.unblock():
        worker = threading.Thread(target=target)
        worker.start()
        worker.join(120)
    if "error" in box:
        raise box["error"]
    return box.get("value")


def test_complaint_to_inspection_to_order_to_paid_fine(
    chain, live_server_url, browser, django_db_blocker
):
    base = live_server_url.replace("//test.", f"//{SLUG}.")
    ministry, users, complaint = chain["ministry"], chain["users"], chain["complaint"]

    # 1. The supervisor triages the complaint to inspection: the inspection exists at once.
    sup = _signed_in(browser, base, "chainsup")
    sup.goto(f"{base}/app/cases/{complaint.case_id}/")
    _step(sup, "triage_inspection", "Credible: overtime pattern.")
    sup.goto(f"{base}/app/complaints/{complaint.pk}/")
    inspection_link = sup.locator("#links a[href*='/app/inspections/']")
    reference = inspection_link.inner_text()
    assert reference.startswith("INS-")
    inspection_link.click()
    page_text = sup.locator("#chain").inner_text()
    assert complaint.case.reference in page_text and "twelve hours" in page_text

    # 2. The visit (services): two answers are violations; the report is signed and submitted.
    def visit():
        from labourhub.inspections.models import Inspection
        from labourhub.inspections.services import (
            answers_save,
            inspection_assign,
            inspection_submit,
            visit_start,
        )

        inspection = Inspection.objects.get(reference=reference)
        inspection_assign(
            inspection=inspection,
            method="manual",
            assignee=users["chaininsp"],
            reason="complaint",
            expected_version=inspection.version,
            actor=users["chainsup"],
        )
        inspection.refresh_from_db()
        inspection = visit_start(
            inspection=inspection,
            arrived_at=timezone.now(),
            persons_met="HR manager",
            workers_interviewed_female=2,
            workers_interviewed_male=1,
            expected_version=inspection.version,
            actor=users["chaininsp"],
        )
        answers_save(
            inspection=inspection,
            expected_version=inspection.version,
            actor=users["chaininsp"],
            values={
                "contracts-written": "no",
                "payroll-kept": "no",
                "workers-present": "25",
                "minimum-wage": "yes",
                "weekly-rest": "yes",
            },
        )
        inspection.refresh_from_db()
        inspection_submit(
            inspection=inspection, expected_version=inspection.version, actor=users["chaininsp"]
        )
        return inspection.pk, list(inspection.findings.values_list("provision", flat=True))

    inspection_id, provisions = _in_ministry(django_db_blocker, ministry, visit)
    assert len(provisions) >= 2

    # 3. The inspector sends the findings; the supervisor confirms the order listing each one.
    insp = _signed_in(browser, base, "chaininsp")
    insp.goto(f"{base}/app/inspections/{inspection_id}/")
    insp.click("text=Send the findings for a compliance order")
    insp.wait_for_load_state()
    sup.goto(f"{base}/app/inspections/{inspection_id}/")
    chain_box = sup.locator("#chain")
    for provision in provisions:
        assert provision in chain_box.inner_text()
    sup.fill("#proposal-days", "15")
    sup.click("button[value='confirm']")
    sup.wait_for_load_state()
    enforcement_link = sup.locator("#chain a", has_text="ENF-")
    case_reference = enforcement_link.inner_text().strip()
    enforcement_link.click()
    sup.wait_for_load_state()
    case_url = sup.url

    # 3b. The order's compliance deadline is in the inspector's bell at once (no sweep ran).
    insp.goto(f"{base}/app/")
    assert int(insp.locator("a.bell b").inner_text()) >= 1
    insp.click("a.bell")
    insp.wait_for_load_state()
    alerts = insp.locator("main").inner_text()
    assert "New deadline set" in alerts and case_reference in alerts
    for provision in provisions:
        assert provision in sup.content()

    # 4. Follow-up not complied and notice served a month ago (services), with a schedule line
    #    for each violation so that the penalty can be suggested.
    def follow_up():
        from labourhub.enforcement.models import ComplianceOrder, FineRule
        from labourhub.enforcement.services import order_verify
        from labourhub.workflow.services import case_transition

        orders = list(ComplianceOrder.objects.filter(finding__inspection_id=inspection_id))
        for i, order in enumerate(orders):
            FineRule.objects.get_or_create(
                provision=order.provision,
                size_band="",
                defaults={
                    "base_amount": Decimal(1000 + 500 * i),
                    "per_worker_amount": Decimal(0),
                    "maximum": Decimal(5000),
                },
            )
        order_verify(
            order=orders[0],
            result="not_complied",
            actor=users["chaininsp"],
            documents=[{"kind": "follow_up_report", "title": "Follow-up visit"}],
        )
        case_transition(
            case=orders[0].case,
            transition="serve_notice",
            actor=users["chaininsp"],
            documents=[{"kind": "infraction_report", "title": "Infraction report"}],
            on=timezone.localdate() - dt.timedelta(days=30),
        )
        return len(orders)

    violations = _in_ministry(django_db_blocker, ministry, follow_up)

    # 5. The legal officer sees the suggested penalty per violation before deciding.
    legal = _signed_in(browser, base, "chainlegal")
    legal.goto(case_url)
    rows = legal.locator("#penalties tbody tr")
    assert rows.count() == violations
    total = legal.locator("#penalties tfoot td").inner_text()
    # Shown in the ministry's money format ("US$3,500.00" in English).
    amount = re.sub(r"[^\d.]", "", total)
    assert Decimal(amount) == Decimal(1000 * violations + 500 * sum(range(violations)))
    _step(legal, "decide_sanction", "Fine per violation as suggested.")
    assert total in legal.content()
    # The fine decision was issued from the case: numbered, with the case's reference.
    decision = legal.locator("[data-fine-decision]").inner_text()
    assert decision.startswith("FD-")
    assert decision in legal.locator(".timeline").inner_text()

    # 6. The fine is paid in full; the case closes.
    legal.fill("#id_amount", amount)
    legal.fill("#id_reference", "BANK-0001")
    legal.fill("#id_paid_on", timezone.localdate().isoformat())
    legal.click("text=Record payment")
    legal.wait_for_load_state()
    assert "Fine paid in full" in legal.content()

    # 7. The complaint shows the inspection's result.
    sup.goto(f"{base}/app/cases/{complaint.case_id}/")
    timeline = sup.locator(".timeline").inner_text()
    assert f"Inspection {reference}: Visited" in timeline
