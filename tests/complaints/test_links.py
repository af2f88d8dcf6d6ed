"""Complaint -> inspection (and its result back), accident -> investigation inspection,
complaint -> dispute -> settlement closing both: each link on both records, audited."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.complaints.models import Complaint, Dispute
from labourhub.complaints.services import (
    accident_notify,
    complaint_dispute_open,
    complaint_inspection_open,
    complaint_register,
    complaint_triage,
    dispute_settle,
    inspection_result_return,
)
from labourhub.inspections.models import Inspection
from tests.workflow.helpers import make_establishment


def _register(staff, est=None, **kw):
    values = {
        "office": staff["inspector"].office,
        "subject": "Unpaid overtime",
        "channel": "staff",
        "description": "We work twelve hours a day and overtime is never paid.",
        "actor": staff["clerk"],
        "establishment": est,
        "complainant_name": "Ana Confidencial",
    }
    values.update(kw)
    return complaint_register(**values)[0]


def test_triage_to_inspection_opens_the_inspection_with_the_allegations(in_ministry, staff):
    from labourhub.inspections.services import checklists_seed

    checklists_seed(actor=None)
    est = make_establishment()
    complaint = _register(staff, est)
    complaint = complaint_triage(
        complaint=complaint, outcome="inspection", reason="Credible", actor=staff["supervisor"]
    )
    inspection = complaint.inspection
    assert inspection is not None and inspection.establishment == est
    assert inspection.origin == Inspection.Origin.COMPLAINT
    assert inspection.origin_reference == complaint.case.reference
    # Ready to visit: it starts with the general checklist, so nobody has to pick one.
    assert inspection.checklist_version.checklist.code == "general-labour-standards"
    assert "twelve hours" in inspection.focus and "Ana" not in inspection.focus
    assert inspection.complaint == complaint
    assert complaint.case.events.filter(kind="link").exists()
    assert AuditEvent.objects.filter(action="inspection.linked").count() == 1
    with pytest.raises(ApplicationError, match="already has"):
        complaint_inspection_open(complaint=complaint, actor=staff["supervisor"])
    # The result comes back to the complaint's timeline.
    Inspection.objects.filter(pk=inspection.pk).update(status="completed", outcome="visited")
    inspection.refresh_from_db()
    assert inspection_result_return(inspection=inspection, actor=None) == complaint.case
    assert complaint.case.events.filter(text__contains=inspection.reference).count() == 2


def test_a_complaint_without_a_registered_establishment_waits_for_one(in_ministry, staff):
    complaint = _register(staff, employer_text="Bakery on 5th street")
    complaint = complaint_triage(
        complaint=complaint, outcome="inspection", reason="Credible", actor=staff["supervisor"]
    )
    assert complaint.inspection is None
    with pytest.raises(ValidationError):
        complaint_inspection_open(complaint=complaint, actor=staff["supervisor"])
    assert not Inspection.objects.exists()


def test_a_fatal_accident_opens_its_investigation_inspection_linked_both_ways(in_ministry, staff):
    est = make_establishment()
    accident = accident_notify(
        establishment=est,
        office=staff["inspector"].office,
        kind="accident",
        severity="fatal",
        occurred_on=dt.date(2026, 11, 30),
        description="Fall from a scaffold without a harness.",
        victims_male=1,
        fatalities=1,
        actor=staff["clerk"],
    )
    inspection = accident.inspection
    assert inspection is not None and inspection.origin == Inspection.Origin.ACCIDENT
    assert "scaffold" in inspection.focus and "2026-11-30" in inspection.focus
    assert inspection.accident == accident
    assert accident.case.state == "investigating"
    assert inspection.origin_reference == accident.case.reference


def test_a_complaint_becomes_a_dispute_and_the_settlement_closes_both(in_ministry, staff):
    est = make_establishment()
    complaint = _register(staff, est)
    dispute = complaint_dispute_open(complaint=complaint, actor=staff["supervisor"])
    complaint.refresh_from_db()
    assert complaint.triage == Complaint.Triage.CONCILIATION
    assert dispute.complaint == complaint and dispute.establishment == est
    assert dispute.workers_party == "Ana Confidencial" and dispute.employer_party == est.name
    assert "twelve hours" in dispute.subject
    with pytest.raises(ApplicationError):
        complaint_dispute_open(complaint=complaint, actor=staff["supervisor"])
    with pytest.raises(ValidationError):
        dispute_settle(dispute=dispute, settlement="  ", actor=staff["supervisor"])
    dispute_settle(
        dispute=dispute,
        settlement="The employer pays the overtime of the last six months by 15 December.",
        actor=staff["supervisor"],
    )
    dispute = Dispute.objects.select_related("case", "complaint__case").get(pk=dispute.pk)
    assert dispute.case.state == "settled" and dispute.case.closed_at is not None
    assert dispute.complaint.case.state == "closed"
    assert AuditEvent.objects.filter(action="dispute.settled").count() == 1


def test_an_anonymous_complaint_cannot_become_a_dispute(in_ministry, staff):
    complaint = _register(staff, make_establishment(), anonymous=True, complainant_name="")
    with pytest.raises(ApplicationError):
        complaint_dispute_open(complaint=complaint, actor=staff["supervisor"])
    assert not Dispute.objects.exists()
