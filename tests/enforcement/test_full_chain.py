"""The issue's acceptance scenario: the whole enforcement chain with a frozen clock, on the
Colombian 2026 calendar (the demo seed for "colombia", loaded into the test ministry)."""

import datetime as dt
from decimal import Decimal

import time_machine
from django.core import mail

from devtools.demo.workflow import calendar_demo_seed
from labourhub.audit.models import AuditEvent
from labourhub.enforcement.models import Appeal
from labourhub.enforcement.services import (
    appeal_decide,
    appeal_file,
    fine_balance,
    fine_schedule_seed,
    order_issue,
    order_verify,
    payment_record,
    referral_make,
    sanction_decide,
    sanction_notice_serve,
)
from labourhub.workflow.models import Alert, Deadline
from labourhub.workflow.selectors import RED, traffic_light
from labourhub.workflow.services import alert_digest_send, deadline_sweep
from tests.workflow.helpers import at, make_establishment

D = dt.date.fromisoformat


def _due(case, code):
    return Deadline.objects.filter(case=case, code=code).latest("id").due_on


def test_colombia_full_chain(in_ministry, staff):
    calendar_demo_seed(slug="colombia")
    fine_schedule_seed()
    inspector, supervisor, legal = staff["inspector"], staff["supervisor"], staff["legal"]
    inspector.email, supervisor.email = "insp@example.org", "sup@example.org"
    inspector.save(update_fields=["email"])
    supervisor.save(update_fields=["email"])
    est = make_establishment(workers=60)

    with time_machine.travel(at("2026-07-17"), tick=False):
        order = order_issue(
            establishment=est,
            office=inspector.office,
            provision="Occupational safety and health",
            requirement="Guard the cutting machines.",
            days=3,
            workers_affected=5,
            assigned_to=inspector,
            supervisor=supervisor,
            actor=inspector,
        )
    case = order.case
    # Friday 17 July + 3 calendar days = Monday 20 July (Independence Day) -> Tuesday 21.
    assert _due(case, "order_compliance") == D("2026-07-21")

    # Missed deadline: the expiry alert fires once however often the sweep runs.
    assert deadline_sweep(today=D("2026-07-21")).warnings == 1
    first = deadline_sweep(today=D("2026-07-22"))
    again = deadline_sweep(today=D("2026-07-22"))
    assert (first.expired, again.expired) == (1, 0)
    assert deadline_sweep(today=D("2026-07-23")).escalations == 1  # due + 2 working days
    assert Alert.objects.filter(case=case, kind="expired").count() == 1
    assert Alert.objects.get(case=case, kind="escalation").recipient == supervisor
    case.refresh_from_db()
    assert (
        traffic_light(
            next_due_on=case.next_due_on, next_warn_on=case.next_warn_on, today=D("2026-07-22")
        )
        == RED
    )
    assert alert_digest_send() == 2  # one digest each to the inspector and the supervisor
    assert alert_digest_send() == 0
    assert len(mail.outbox) == 2

    with time_machine.travel(at("2026-07-23"), tick=False):
        order_verify(
            order=order,
            result="not_complied",
            actor=inspector,
            documents=[{"kind": "follow_up_report", "title": "Acta de seguimiento"}],
        )
    with time_machine.travel(at("2026-07-27"), tick=False):
        sanction_notice_serve(
            case=case,
            actor=inspector,
            documents=[{"kind": "infraction_report", "title": "Informe"}],
        )
    # 10 working days from Monday 27 July skip two weekends and Friday 7 August.
    assert _due(case, "employer_response") == D("2026-08-11")

    with time_machine.travel(at("2026-08-12"), tick=False):
        fine = sanction_decide(case=case, actor=legal, impose=True)
    assert fine is not None
    assert fine.amount == Decimal("1500.00")  # 1000 + 100 x 5 workers, first offence
    assert _due(case, "payment") == D("2026-09-03")  # skips Monday 17 August
    assert _due(case, "appeal_window") == D("2026-08-27")

    with time_machine.travel(at("2026-08-20"), tick=False):
        payment_record(
            fine=fine,
            amount=Decimal("500"),
            reference="PSE-0001",
            paid_on=D("2026-08-20"),
            actor=inspector,
        )
    with time_machine.travel(at("2026-08-21"), tick=False):
        appeal = appeal_file(
            case=case, grounds="The machines were guarded on 22 July.", actor=inspector
        )
    with time_machine.travel(at("2026-09-01"), tick=False):
        appeal = appeal_decide(
            appeal=appeal, outcome=Appeal.Outcome.REDUCED, new_amount=Decimal("1200"), actor=legal
        )
    fine.refresh_from_db()
    assert fine.amount == Decimal("1200.00")
    assert fine_balance(fine=fine, on=D("2026-09-01")) == Decimal("700.00")

    with time_machine.travel(at("2026-10-01"), tick=False):
        referral = referral_make(
            case=case,
            to="attorney_general",
            reason="Balance unpaid after the deadline.",
            actor=legal,
        )
    assert referral.outstanding == Decimal("700.00")
    case.refresh_from_db()
    assert case.state == "referred"
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds.count("transition") == 6 and "payment" in kinds
    assert (
        AuditEvent.objects.filter(
            subject_type="workflow.case", subject_id=str(case.pk), action="case.transitioned"
        ).count()
        == 6
    )
