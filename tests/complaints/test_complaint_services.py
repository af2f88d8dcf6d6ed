import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from labourhub.complaints.models import AccidentNotification, Complaint, Dispute
from labourhub.complaints.services import (
    accident_notify,
    complaint_by_code,
    complaint_register,
    complaint_triage,
    dispute_file,
)
from labourhub.workflow.models import Case, Deadline
from tests.workflow.helpers import at, make_establishment


def _register(staff, est=None, **kw):
    values = {
        "office": staff["inspector"].office,
        "subject": "Wages",
        "channel": "staff",
        "description": "Wages paid late every month.",
        "actor": staff["clerk"],
        "establishment": est,
        "complainant_name": "Ana",
    }
    values.update(kw)
    return complaint_register(**values)


def test_duplicate_detection_against_open_complaints(in_ministry, staff):
    est = make_establishment()
    first, _ = _register(staff, est)
    second, _ = _register(staff, est)
    assert second.possible_duplicate_of == first
    other, _ = _register(staff, make_establishment(name="Other"))
    assert other.possible_duplicate_of is None


def test_tracking_code_finds_the_complaint_and_only_it(in_ministry, staff):
    complaint, code = _register(staff, employer_text="Bakery on 5th street")
    assert len(code) == 14 and code.count("-") == 2
    assert complaint_by_code(code=code) == complaint
    assert complaint_by_code(code=code.lower().replace("-", " ")) == complaint
    assert complaint_by_code(code="AAAA-BBBB-CCCC") is None
    assert complaint_by_code(code="x" * 500) is None
    assert code not in str(Complaint.objects.values_list("tracking_code_hash", flat=True))


def test_child_labour_is_triaged_within_one_working_day(in_ministry, staff):
    with time_machine.travel(at("2026-07-17"), tick=False):  # Friday
        complaint, _ = _register(staff, employer_text="Brick kiln", child_labour=True)
    assert Deadline.objects.get(case=complaint.case, code="triage").due_on == dt.date(2026, 7, 20)


def test_triage_needs_a_reason_when_not_admissible(in_ministry, staff):
    complaint, _ = _register(staff, employer_text="X S.A.")
    with pytest.raises(ValidationError):
        complaint_triage(
            complaint=complaint, outcome="inadmissible", reason=" ", actor=staff["supervisor"]
        )
    assert Case.objects.get(pk=complaint.case_id).state == "received"
    complaint_triage(
        complaint=complaint,
        outcome="inadmissible",
        reason="Not a labour matter.",
        actor=staff["supervisor"],
    )
    complaint.refresh_from_db()
    assert complaint.triage == "inadmissible" and complaint.case.closed_at is not None


def test_hostile_complaint_input_is_refused_and_nothing_is_written(in_ministry, staff):
    before = (Case.objects.count(), Complaint.objects.count())
    with pytest.raises(ValidationError) as err:
        _register(staff, subject="  ", description="short", complainant_name="")
    assert set(err.value.message_dict) >= {
        "subject",
        "description",
        "complainant_name",
        "employer_text",
    }
    assert (Case.objects.count(), Complaint.objects.count()) == before


def test_fatal_accident_opens_an_investigation_at_once(in_ministry, staff):
    est = make_establishment()
    with time_machine.travel(at("2026-07-17"), tick=False):
        note = accident_notify(
            establishment=est,
            office=est.office,
            kind="accident",
            severity="fatal",
            occurred_on=dt.date(2026, 7, 16),
            description="Fall from scaffolding.",
            actor=staff["clerk"],
            victims_male=1,
            fatalities=1,
        )
    assert note.case.state == "investigating"
    assert Deadline.objects.get(case=note.case, code="investigation").due_on == dt.date(2026, 7, 21)
    with pytest.raises(ValidationError):
        accident_notify(
            establishment=est,
            office=est.office,
            kind="accident",
            severity="fatal",
            occurred_on=dt.date(2026, 7, 16),
            description="x",
            actor=staff["clerk"],
            fatalities=0,
        )
    assert AccidentNotification.objects.count() == 1


def test_collective_dispute_goes_to_conciliation_and_settles(in_ministry, staff):
    from labourhub.workflow.services import case_transition

    dispute = dispute_file(
        office=staff["inspector"].office,
        kind="collective",
        workers_party="Sindicato de Trabajadores",
        employer_party="Textiles SA",
        subject="Collective agreement wage scale.",
        workers_involved=120,
        actor=staff["supervisor"],
    )
    case_transition(case=dispute.case, transition="conciliate", actor=staff["supervisor"])
    case = case_transition(
        case=dispute.case, transition="settle", actor=staff["supervisor"], note="Agreement signed"
    )
    assert case.state == "settled" and Dispute.objects.get().kind == "collective"


def test_child_labour_is_escalated_to_the_office_chiefs_at_once(
    in_ministry, staff, django_capture_on_commit_callbacks
):
    from django.core import mail

    from labourhub.workflow.models import Alert

    staff["supervisor"].email = "sup@example.org"
    staff["supervisor"].save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        complaint, _ = _register(
            staff,
            employer_text="Brick kiln",
            child_labour=True,
            anonymous=True,
            complainant_name="",
        )
    alert = Alert.objects.get(case=complaint.case)
    assert alert.kind == "escalation" and alert.recipient == staff["supervisor"]
    assert Case.objects.get(pk=complaint.case_id).supervisor == staff["supervisor"]
    assert len(mail.outbox) == 1 and complaint.case.reference in mail.outbox[0].body
    ordinary, _ = _register(staff, employer_text="Shop")
    assert not Alert.objects.filter(case=ordinary.case).exists()
