"""The chain's pages: what a person sees and submits, hostile input included."""

from decimal import Decimal

from labourhub.complaints.models import Dispute
from labourhub.complaints.services import complaint_register
from labourhub.enforcement.models import ComplianceOrder, OrderProposal, PenaltyLine
from tests.enforcement.test_case_chain import _sanctionable, _submitted
from tests.inspections.conftest import build_world
from tests.workflow.helpers import make_establishment


def _english(client):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_findings_go_from_the_inspection_page_to_the_supervisor_and_into_one_case(
    in_ministry, user_with_role, client_for, ministry
):
    world = build_world(user_with_role)
    inspection = _submitted(world)
    client = _english(client_for(ministry))
    client.force_login(inspection.inspector)
    page = client.get(f"/app/inspections/{inspection.pk}/").content.decode()
    assert "Send the findings for a compliance order" in page
    client.post(f"/app/enforcement/inspections/{inspection.pk}/findings/")
    proposal = OrderProposal.objects.get(inspection=inspection)
    assert proposal.status == "proposed"
    # The inspector cannot decide; the supervisor's decision with garbage days changes nothing.
    response = client.post(
        f"/app/enforcement/inspections/{inspection.pk}/proposal/", {"decision": "confirm"}
    )
    assert response.status_code == 403
    client.force_login(world.supervisor)
    page = client.get(f"/app/inspections/{inspection.pk}/").content.decode()
    assert "Confirm the order" in page
    client.post(
        f"/app/enforcement/inspections/{inspection.pk}/proposal/",
        {"decision": "confirm", "days": "-4"},
    )
    proposal.refresh_from_db()
    assert proposal.status == "proposed" and not ComplianceOrder.objects.exists()
    client.post(
        f"/app/enforcement/inspections/{inspection.pk}/proposal/",
        {"decision": "confirm", "days": "20"},
    )
    proposal.refresh_from_db()
    assert proposal.status == "confirmed"
    page = client.get(f"/app/cases/{proposal.case_id}/").content.decode()
    assert inspection.reference in page
    for finding in inspection.findings.all():
        assert finding.provision in page


def test_the_penalty_form_refuses_garbage_and_out_of_range_amounts(
    in_ministry, user_with_role, client_for, ministry
):
    world = build_world(user_with_role)
    case, legal = _sanctionable(world, user_with_role)
    order = ComplianceOrder.objects.filter(case=case).first()
    client = _english(client_for(ministry))
    client.force_login(legal)
    page = client.get(f"/app/cases/{case.pk}/").content.decode()
    assert "Suggested penalty per violation" in page and "Legal range" in page
    url = f"/app/enforcement/cases/{case.pk}/penalty/"
    for bad in (
        {"order": order.pk, "amount": "abc", "reason": "x"},
        {"order": order.pk, "amount": "999999", "reason": "x"},
        {"order": order.pk, "amount": "300", "reason": ""},
        {"order": "<script>", "amount": "300", "reason": "x"},
        {"order": 999999, "amount": "300", "reason": "x"},
    ):
        page = client.post(url, bad, follow=True).content.decode()
        assert "lh-banner--error" in page  # the refusal, as an error banner
    assert not PenaltyLine.objects.exists()
    client.post(url, {"order": order.pk, "amount": "250", "reason": "Corrected at once"})
    line = PenaltyLine.objects.get(order=order)
    assert line.amount == Decimal("250.00") and line.adjusted_by == legal
    page = client.get(f"/app/cases/{case.pk}/").content.decode()
    assert "Corrected at once" in page


def test_a_complaint_page_sends_the_complaint_to_conciliation(
    in_ministry, staff, client_for, ministry
):
    complaint, _code = complaint_register(
        office=staff["inspector"].office,
        subject="Dismissal",
        description="Dismissed without notice after ten years.",
        channel="staff",
        actor=staff["clerk"],
        establishment=make_establishment(),
        complainant_name="Rosa",
    )
    client = _english(client_for(ministry))
    client.force_login(staff["supervisor"])
    page = client.get(f"/app/complaints/{complaint.pk}/").content.decode()
    assert "Send to conciliation as a labour dispute" in page
    client.post(f"/app/complaints/{complaint.pk}/dispute/")
    dispute = Dispute.objects.get(complaint=complaint)
    page = client.get(f"/app/complaints/{complaint.pk}/").content.decode()
    assert dispute.case.reference in page
    page = client.get(f"/app/cases/{dispute.case_id}/").content.decode()
    assert "Linked records" in page and complaint.case.reference in page
    # A second press changes nothing and says why.
    client.post(f"/app/complaints/{complaint.pk}/dispute/")
    assert Dispute.objects.count() == 1
    data = client.get(f"/api/v1/complaints/{complaint.pk}/").json()
    assert data["dispute_case_id"] == dispute.case_id
