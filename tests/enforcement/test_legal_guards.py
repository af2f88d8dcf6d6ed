"""Legal guards: no fine while the employer's right to respond runs; closed deadlines say how;
every follow-up that sets a deadline reaches the assignee's and the supervisor's bell at once."""

import datetime as dt
import re
from decimal import Decimal

import pytest
import time_machine
from django.utils import formats, translation

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.enforcement.services import (
    fine_schedule_seed,
    order_issue,
    order_verify,
    sanction_decide,
    sanction_notice_serve,
)
from labourhub.workflow.models import Alert, Deadline
from labourhub.workflow.selectors import alert_unread_count
from tests.workflow.helpers import at, make_establishment

D = dt.date.fromisoformat


def _served_case(staff):
    fine_schedule_seed()
    inspector, supervisor = staff["inspector"], staff["supervisor"]
    est = make_establishment(workers=60)
    with time_machine.travel(at("2026-07-01"), tick=False):
        order = order_issue(
            establishment=est,
            office=inspector.office,
            provision="Working hours",
            requirement="Pay the overtime and keep the time records.",
            days=5,
            workers_affected=2,
            assigned_to=inspector,
            supervisor=supervisor,
            actor=inspector,
        )
    with time_machine.travel(at("2026-07-08"), tick=False):
        order_verify(
            order=order,
            result="not_complied",
            actor=inspector,
            documents=[{"kind": "follow_up_report", "title": "Follow-up"}],
        )
    with time_machine.travel(at("2026-07-09"), tick=False):
        sanction_notice_serve(
            case=order.case,
            actor=inspector,
            documents=[{"kind": "infraction_report", "title": "Report"}],
        )
    return order.case


def test_no_fine_while_the_employer_may_respond_and_the_refusal_gives_the_date(in_ministry, staff):
    case = _served_case(staff)
    ends = Deadline.objects.get(case=case, code="employer_response").due_on
    with (
        time_machine.travel(at("2026-07-10"), tick=False),
        pytest.raises(ApplicationError) as refused,
    ):
        sanction_decide(case=case, actor=staff["legal"], impose=True)
    assert refused.value.extra["ends_on"] == ends.isoformat()
    assert str(ends.year) in str(refused.value.message)
    case.refresh_from_db()
    assert case.state == "notice_served" and not case.penalties.exists()
    # The legal officer decides sanctions but may not shorten the employer's period.
    with (
        time_machine.travel(at("2026-07-10"), tick=False),
        pytest.raises(ApplicationError, match="may not override"),
    ):
        sanction_decide(case=case, actor=staff["legal"], impose=True, override_reason="Urgent")


def test_an_authorised_override_is_audited_and_the_period_closes_as_superseded(in_ministry, staff):
    case = _served_case(staff)
    with time_machine.travel(at("2026-07-10"), tick=False):
        fine = sanction_decide(
            case=case,
            actor=staff["director"],
            impose=True,
            override_reason="The employer answered in writing and waived the rest of the period.",
        )
    assert fine is not None and fine.amount == Decimal("360.00")  # 300 + 30 x 2
    event = AuditEvent.objects.get(action="legal_period.overridden")
    assert event.actor_id == staff["director"].pk
    assert "waived" in str(event.extra)
    response = Deadline.objects.get(case=case, code="employer_response")
    assert response.outcome == Deadline.Outcome.SUPERSEDED
    order_deadline = Deadline.objects.get(case=case, code="order_compliance")
    assert order_deadline.outcome == Deadline.Outcome.NOT_COMPLIED
    assert case.events.filter(kind="period_overridden").exists()


def test_after_the_period_the_deadline_closes_as_ended_never_as_complied(in_ministry, staff):
    case = _served_case(staff)
    ends = Deadline.objects.get(case=case, code="employer_response").due_on
    with time_machine.travel(at((ends + dt.timedelta(days=1)).isoformat()), tick=False):
        sanction_decide(case=case, actor=staff["legal"], impose=True)
    response = Deadline.objects.get(case=case, code="employer_response")
    assert response.outcome == Deadline.Outcome.PERIOD_ENDED
    assert response.get_outcome_display() != "Complied"


def test_a_follow_up_with_a_deadline_reaches_both_bells_at_once(in_ministry, staff):
    case = _served_case(staff)
    deadline = Deadline.objects.get(case=case, code="employer_response")
    for who in (staff["inspector"], staff["supervisor"]):
        assert Alert.objects.filter(deadline=deadline, recipient=who, kind="scheduled").exists()
        assert alert_unread_count(user=who) >= 1


def test_the_case_page_shows_warning_and_due_dates_and_how_deadlines_closed(
    in_ministry, staff, client_for, ministry
):
    case = _served_case(staff)
    deadline = Deadline.objects.get(case=case, code="employer_response")
    client = client_for(ministry)
    client.force_login(staff["inspector"])
    page = client.get(f"/app/cases/{case.pk}/").content.decode()
    with translation.override("en"):
        warn, due = (formats.date_format(d) for d in (deadline.warn_on, deadline.due_on))
    assert deadline.warn_on < deadline.due_on
    assert re.search(
        rf'<td class="[^"]*\bwarn-on">{re.escape(warn)}</td>'
        rf'<td class="[^"]*\bdue-on">{re.escape(due)}</td>',
        page,
    )
    assert "Not complied" in page  # the order deadline, closed by the failed follow-up
    data = client.get(f"/api/v1/cases/{case.pk}/").json()
    rows = {d["code"]: d for d in data["deadlines"]}
    assert rows["employer_response"]["warn_on"] == deadline.warn_on.isoformat()
    assert rows["order_compliance"]["outcome"] == "not_complied"
