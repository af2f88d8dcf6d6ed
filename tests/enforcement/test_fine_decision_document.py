"""The fine decision is issued from its case: its number and the case reference are filled, the
case page and the API show it, payments follow as before; another ministry cannot see it."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.audit.models import AuditEvent
from labourhub.common.formatting import format_money
from labourhub.documents.models import Document
from labourhub.enforcement.models import Fine
from labourhub.enforcement.services import payment_record, sanction_decide
from labourhub.workflow.models import CaseEvent, Deadline
from tenants.context import ministry_context
from tests.enforcement.test_case_chain import _sanctionable
from tests.inspections.conftest import build_world
from tests.workflow.helpers import at

pytestmark = pytest.mark.multi_tenant


def test_the_decision_is_numbered_from_the_case_then_paid(
    in_ministry, user_with_role, api_client_for, client_for, ministry, second_ministry
):
    world = build_world(user_with_role)
    case, legal = _sanctionable(world, user_with_role)
    ends = Deadline.objects.get(case=case, code="employer_response").due_on
    day = ends + dt.timedelta(days=2)
    with time_machine.travel(at(day.isoformat()), tick=False):
        fine = sanction_decide(case=case, actor=legal, impose=True)
        api = api_client_for(ministry, user=legal)
        chain = api.get(f"/api/v1/enforcement/cases/{case.pk}/chain/").json()
    assert fine is not None
    fine = Fine.objects.select_related("decision").get(pk=fine.pk)
    document = fine.decision
    assert document is not None and document.kind == "fine_decision"
    assert document.number.startswith("FD-") and document.subject_id == str(case.pk)
    assert document.context["case"]["reference"] == case.reference
    assert document.context["establishment"]["name"] == case.establishment.name
    # In the ministry's locale (Spanish in Honduras): "L400.00", never "400.00 HNL".
    assert document.context["extra"]["amount"] == format_money(
        fine.amount, fine.currency, language="es"
    )
    assert document.context["extra"]["amount"].startswith("L")
    provisions = [line["provision"] for line in document.context["findings"]]
    assert provisions and all(provisions)
    assert Document.objects.filter(kind="fine_decision").count() == 1
    event = CaseEvent.objects.get(case=case, kind="document")
    assert document.number in event.text
    assert event.documents[0]["title"] == document.number
    imposed = AuditEvent.objects.get(action="fine.imposed")
    assert document.number in str(imposed.extra)

    assert chain["fine"]["decision"] == {
        "id": document.pk,
        "number": document.number,
        "case_reference": case.reference,
    }
    web = client_for(ministry)
    web.force_login(legal)
    page = web.get(f"/app/cases/{case.pk}/").content.decode()
    assert f'href="/app/documents/{document.pk}/" data-fine-decision>{document.number}<' in page

    with time_machine.travel(at(day.isoformat()), tick=False):
        payment_record(fine=fine, amount=fine.amount, reference="BANK-1", paid_on=day, actor=legal)
    case.refresh_from_db()
    assert case.state == "closed" and fine.amount > Decimal(0)

    with ministry_context(second_ministry):
        outsider = user_create(
            username="outsider-decision",
            password="Xx-2026-pass!",
            roles=[Role.SYSTEM_ADMIN],
            actor=None,
        )
        other = api_client_for(second_ministry, user=outsider)
        assert other.get(f"/api/v1/enforcement/cases/{case.pk}/chain/").status_code == 404
        assert other.get(f"/api/v1/documents/{document.pk}/pdf/").status_code == 404
