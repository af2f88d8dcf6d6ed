"""The connected case chain on the enforcement side: findings -> order (proposed or automatic),
the suggested penalty per violation before the decision, and court proceedings to judgement."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.enforcement.models import ComplianceOrder, FineRule, OrderProposal, PenaltyLine
from labourhub.enforcement.services import (
    court_hearing_record,
    court_judgement_record,
    court_proceeding_open,
    findings_to_case,
    fine_schedule_seed,
    order_proposal_confirm,
    order_verify,
    penalty_adjust,
    penalty_preview,
    referral_make,
    sanction_decide,
    sanction_notice_serve,
)
from labourhub.inspections.models import Inspection
from labourhub.inspections.services import answers_save, inspection_submit
from labourhub.workflow.models import Case, Deadline, ProcedureConfig
from labourhub.workflow.procedures import ENFORCEMENT
from tests.inspections.conftest import build_world, started_inspection
from tests.workflow.helpers import at

D = dt.date.fromisoformat


def _submitted(world) -> Inspection:
    inspection = started_inspection(world)
    answers_save(
        inspection=inspection,
        expected_version=inspection.version,
        actor=inspection.inspector,
        values={
            "contracts-written": "no",
            "payroll-kept": "no",
            "workers-present": "25",
            "minimum-wage": "yes",
            "weekly-rest": "yes",
        },
    )
    inspection.refresh_from_db()
    return inspection_submit(
        inspection=inspection, expected_version=inspection.version, actor=inspection.inspector
    )


def test_findings_are_proposed_and_the_supervisor_confirms_one_order_listing_each(
    in_ministry, user_with_role
):
    world = build_world(user_with_role)
    inspection = _submitted(world)
    findings = list(inspection.findings.order_by("id"))
    assert len(findings) >= 2
    proposal = findings_to_case(inspection=inspection, actor=inspection.inspector, days=20)
    assert proposal.status == OrderProposal.Status.PROPOSED and proposal.case is None
    with pytest.raises(ApplicationError, match="already sent"):
        findings_to_case(inspection=inspection, actor=inspection.inspector)
    # The inspector cannot confirm their own proposal.
    with pytest.raises(ApplicationError, match="supervisor"):
        order_proposal_confirm(proposal=proposal, actor=inspection.inspector)
    proposal = order_proposal_confirm(proposal=proposal, actor=world.supervisor)
    case = proposal.case
    assert case is not None and case.procedure == "enforcement"
    orders = list(ComplianceOrder.objects.filter(case=case).order_by("id"))
    assert [o.finding_id for o in orders] == [f.pk for f in findings]
    assert [(o.provision, o.requirement) for o in orders] == [
        (f.provision, f.corrective_measure or f.description) for f in findings
    ]
    assert case.assigned_to == inspection.inspector and case.supervisor == world.supervisor
    assert Deadline.objects.get(case=case, code="order_compliance").amount == 20
    assert AuditEvent.objects.filter(action="order_proposal.decided").count() == 1


def test_a_ministry_whose_procedure_says_auto_gets_the_order_at_once(in_ministry, user_with_role):
    definition = ENFORCEMENT.to_dict()
    definition["orders_from_findings"] = "auto"
    ProcedureConfig.objects.create(code="enforcement", definition=definition)
    world = build_world(user_with_role)
    inspection = _submitted(world)
    proposal = findings_to_case(inspection=inspection, actor=inspection.inspector)
    assert proposal.status == OrderProposal.Status.CONFIRMED
    assert ComplianceOrder.objects.filter(case=proposal.case).count() >= 2


def _sanctionable(world, user_with_role):
    from labourhub.accounts.roles import Role

    fine_schedule_seed()
    inspection = _submitted(world)
    proposal = findings_to_case(inspection=inspection, actor=inspection.inspector)
    proposal = order_proposal_confirm(proposal=proposal, actor=world.supervisor)
    case = proposal.case
    for order in ComplianceOrder.objects.filter(case=case):
        FineRule.objects.get_or_create(
            provision=order.provision,
            size_band="",
            defaults={
                "base_amount": Decimal(200),
                "per_worker_amount": Decimal(10),
                "maximum": Decimal(2000),
            },
        )
    order = ComplianceOrder.objects.filter(case=case).first()
    order_verify(
        order=order,
        result="not_complied",
        actor=inspection.inspector,
        documents=[{"kind": "follow_up_report", "title": "Follow-up"}],
    )
    sanction_notice_serve(
        case=case,
        actor=inspection.inspector,
        documents=[{"kind": "infraction_report", "title": "Report"}],
    )
    legal = user_with_role(Role.LEGAL_OFFICER, username="legal-w", office=world.district)
    return Case.objects.get(pk=case.pk), legal


def test_the_penalty_is_suggested_per_violation_and_adjusted_within_its_range(
    in_ministry, user_with_role
):
    world = build_world(user_with_role)
    case, legal = _sanctionable(world, user_with_role)
    suggestions, missing = penalty_preview(case=case)
    assert not missing and len(suggestions) == ComplianceOrder.objects.filter(case=case).count()
    first = suggestions[0]
    assert first.minimum <= first.suggested <= first.maximum and first.legal_basis
    with pytest.raises(ValidationError) as refused:
        penalty_adjust(order=first.order, amount=first.maximum + 1, reason="", actor=legal)
    assert {"amount", "reason"} <= set(refused.value.message_dict)
    assert not PenaltyLine.objects.exists()
    penalty_adjust(
        order=first.order, amount=first.minimum, reason="First offence, corrected", actor=legal
    )
    assert AuditEvent.objects.filter(action="penalty.adjusted").count() == 1
    ends = Deadline.objects.get(case=case, code="employer_response").due_on
    with time_machine.travel(at((ends + dt.timedelta(days=2)).isoformat()), tick=False):
        fine = sanction_decide(case=case, actor=legal, impose=True)
    assert fine is not None
    lines = list(PenaltyLine.objects.filter(case=case).order_by("id"))
    assert len(lines) == len(suggestions)
    assert fine.amount == sum(line.amount for line in lines)
    assert fine.computed_amount == sum(s.suggested for s in suggestions)
    assert lines[0].amount == first.minimum and lines[0].reason == "First offence, corrected"


def test_a_referral_to_court_records_hearings_and_a_final_judgement_closes_the_case(
    in_ministry, user_with_role
):
    world = build_world(user_with_role)
    case, legal = _sanctionable(world, user_with_role)
    ends = Deadline.objects.get(case=case, code="employer_response").due_on
    later = ends + dt.timedelta(days=2)
    with time_machine.travel(at(later.isoformat()), tick=False):
        sanction_decide(case=case, actor=legal, impose=True)
        referral = referral_make(case=case, to="court", reason="Unpaid", actor=legal)
        with pytest.raises(ValidationError):
            court_proceeding_open(referral=referral, court=" ", docket_number="", actor=legal)
        proceeding = court_proceeding_open(
            referral=referral,
            court="Juzgado Primero Laboral",
            docket_number="2026-118",
            actor=legal,
        )
        court_hearing_record(
            proceeding=proceeding,
            held_on=later,
            summary="Parties heard; evidence admitted.",
            next_hearing_on=later + dt.timedelta(days=20),
            actor=legal,
        )
        assert Deadline.objects.get(case=case, code="court_hearing", status="open")
    with time_machine.travel(at((later + dt.timedelta(days=20)).isoformat()), tick=False):
        court_hearing_record(
            proceeding=proceeding,
            held_on=later + dt.timedelta(days=20),
            summary="Closing arguments.",
            actor=legal,
        )
        with pytest.raises(ValidationError):
            court_judgement_record(
                proceeding=proceeding,
                judgement="upheld",
                judgement_on=later + dt.timedelta(days=20),
                summary="",
                actor=legal,
            )
        court_judgement_record(
            proceeding=proceeding,
            judgement="reduced",
            judgement_on=later + dt.timedelta(days=20),
            summary="Penalty reduced to the minimum.",
            penalty_imposed=Decimal("250"),
            actor=legal,
        )
    case.refresh_from_db()
    proceeding.refresh_from_db()
    assert proceeding.hearings.count() == 2 and proceeding.status == "final"
    assert proceeding.penalty_imposed == Decimal("250.00")
    assert case.state == "closed" and case.closed_at is not None
    assert AuditEvent.objects.filter(action="court_judgement.recorded").count() == 1
