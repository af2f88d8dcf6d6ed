"""The chain through the API: findings -> proposal -> order, penalties with hostile input,
court proceedings; another ministry reaches none of it."""

import datetime as dt

import pytest
import time_machine

from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.enforcement.models import CourtProceeding, OrderProposal, PenaltyLine
from labourhub.enforcement.services import referral_make, sanction_decide
from labourhub.workflow.models import Deadline
from tenants.context import ministry_context
from tests.enforcement.test_case_chain import _sanctionable, _submitted
from tests.inspections.conftest import build_world
from tests.workflow.helpers import at

pytestmark = pytest.mark.multi_tenant


def test_findings_become_an_order_through_the_api(
    in_ministry, user_with_role, api_client_for, ministry
):
    world = build_world(user_with_role)
    inspection = _submitted(world)
    inspector_api = api_client_for(ministry, user=inspection.inspector)
    response = inspector_api.post(f"/api/v1/enforcement/inspections/{inspection.pk}/findings/")
    assert response.status_code == 201 and response.json()["status"] == "proposed"
    assert (
        inspector_api.post(f"/api/v1/enforcement/inspections/{inspection.pk}/findings/").status_code
        == 409
    )
    # The inspector may not decide; garbage is refused; the supervisor confirms.
    denied = inspector_api.post(
        f"/api/v1/enforcement/inspections/{inspection.pk}/proposal/", {"decision": "confirm"}
    )
    assert denied.status_code == 403
    supervisor_api = api_client_for(ministry, user=world.supervisor)
    bad = supervisor_api.post(
        f"/api/v1/enforcement/inspections/{inspection.pk}/proposal/",
        {"decision": "maybe", "days": "<script>"},
        format="json",
    )
    assert bad.status_code == 400
    assert OrderProposal.objects.get(inspection=inspection).status == "proposed"
    ok = supervisor_api.post(
        f"/api/v1/enforcement/inspections/{inspection.pk}/proposal/",
        {"decision": "confirm", "days": 20},
        format="json",
    )
    assert ok.status_code == 200 and ok.json()["case_id"]
    chain = supervisor_api.get(f"/api/v1/enforcement/cases/{ok.json()['case_id']}/chain/").json()
    assert {o["inspection_reference"] for o in chain["orders"]} == {inspection.reference}
    assert len(chain["orders"]) == inspection.findings.count()
    detail = supervisor_api.get(f"/api/v1/inspections/{inspection.pk}/").json()
    assert detail["links"]["enforcement_case_id"] == ok.json()["case_id"]


def test_penalties_and_court_through_the_api_and_not_from_another_ministry(
    in_ministry, user_with_role, api_client_for, ministry, second_ministry
):
    world = build_world(user_with_role)
    case, legal = _sanctionable(world, user_with_role)
    api = api_client_for(ministry, user=legal)
    chain = api.get(f"/api/v1/enforcement/cases/{case.pk}/chain/").json()
    first = chain["penalties"][0]
    url = f"/api/v1/enforcement/cases/{case.pk}/penalties/"
    for bad in (
        {"order": first["order_id"], "amount": "abc", "reason": "x"},
        {"order": first["order_id"], "amount": "9999999", "reason": "x"},
        {"order": first["order_id"], "amount": first["minimum"], "reason": ""},
    ):
        assert api.post(url, bad, format="json").status_code == 400
    assert (
        api.post(url, {"order": 999999, "amount": "1", "reason": "x"}, format="json").status_code
        == 404
    )
    assert not PenaltyLine.objects.exists()
    ok = api.post(
        url,
        {"order": first["order_id"], "amount": first["minimum"], "reason": "First offence"},
        format="json",
    )
    assert ok.status_code == 200 and ok.json()["penalties"][0]["amount"] == first["minimum"]

    ends = Deadline.objects.get(case=case, code="employer_response").due_on
    day = ends + dt.timedelta(days=2)
    with time_machine.travel(at(day.isoformat()), tick=False):
        sanction_decide(case=case, actor=legal, impose=True)
        referral_make(case=case, to="court", reason="Unpaid", actor=legal)
        # A token issued on this (travelled) day: API tokens expire.
        api = api_client_for(ministry, user=legal)
        court_url = f"/api/v1/enforcement/cases/{case.pk}/court/"
        assert (
            api.post(court_url, {"court": "", "docket_number": ""}, format="json").status_code
            == 400
        )
        assert (
            api.post(
                court_url, {"court": "Juzgado Laboral", "docket_number": "77-2026"}, format="json"
            ).status_code
            == 201
        )
        hearing = api.post(
            f"{court_url}hearings/",
            {"held_on": day.isoformat(), "summary": "Heard", "next_hearing_on": "not a date"},
            format="json",
        )
        assert hearing.status_code == 400
        judged = api.post(
            f"{court_url}judgement/",
            {
                "judgement": "upheld",
                "judgement_on": day.isoformat(),
                "summary": "Upheld in full.",
                "penalty_imposed": "300.00",
            },
            format="json",
        )
    assert judged.status_code == 200
    assert judged.json()["state"] == "closed" and judged.json()["court"]["status"] == "final"

    with ministry_context(second_ministry):
        outsider = user_create(
            username="outsider-chain",
            password="Xx-2026-pass!",
            roles=[Role.SYSTEM_ADMIN],
            actor=None,
        )
        other = api_client_for(second_ministry, user=outsider)
        assert other.get(f"/api/v1/enforcement/cases/{case.pk}/chain/").status_code == 404
        assert (
            other.post(
                url, {"order": first["order_id"], "amount": "1", "reason": "x"}, format="json"
            ).status_code
            == 404
        )
        assert (
            other.post(
                f"/api/v1/enforcement/cases/{case.pk}/court/hearings/",
                {"held_on": day.isoformat(), "summary": "x"},
                format="json",
            ).status_code
            == 404
        )
    assert CourtProceeding.objects.get(case=case).hearings.count() == 0
