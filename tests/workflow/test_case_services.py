import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.workflow.models import CalendarDay, Case, CaseEvent, Deadline
from labourhub.workflow.procedures import procedure_from_dict, procedure_get
from labourhub.workflow.services import (
    calendar_day_add,
    calendar_day_remove,
    case_open,
    case_transition,
    procedure_config_save,
)
from tests.workflow.helpers import at

D = dt.date.fromisoformat


def _complaint_case(staff, **kw):
    with time_machine.travel(at("2026-07-13"), tick=False):  # a Monday
        return case_open(
            procedure="complaint",
            title="Unpaid wages",
            office=staff["inspector"].office,
            assigned_to=staff["inspector"],
            supervisor=staff["supervisor"],
            actor=staff["supervisor"],
            **kw,
        )


def test_adding_a_holiday_moves_an_open_deadline_and_logs_why(in_ministry, staff):
    case = _complaint_case(staff)
    triage = Deadline.objects.get(case=case, code="triage")
    assert triage.due_on == D("2026-07-20")  # 5 working days from Monday 13 July
    day, moved = calendar_day_add(
        date=D("2026-07-16"), name="Día de la Virgen del Carmen", actor=staff["admin"]
    )
    assert moved == 1
    triage.refresh_from_db()
    case.refresh_from_db()
    assert triage.due_on == D("2026-07-21")
    assert case.next_due_on == D("2026-07-21")
    event = CaseEvent.objects.get(case=case, kind="deadline_moved")
    assert "2026-07-20" in event.text and "2026-07-21" in event.text and "Carmen" in event.text
    audit = AuditEvent.objects.get(action="deadline.recomputed", subject_id=str(triage.pk))
    assert audit.changes["due_on"] == ["2026-07-20", "2026-07-21"]
    assert "Carmen" in audit.extra["values"]["reason"]
    # Removing it again moves the deadline back, also logged.
    assert calendar_day_remove(day=day, actor=staff["admin"]) == 1
    triage.refresh_from_db()
    assert triage.due_on == D("2026-07-20")
    assert CaseEvent.objects.filter(case=case, kind="deadline_moved").count() == 2


def test_a_holiday_outside_the_window_moves_nothing(in_ministry, staff):
    case = _complaint_case(staff)
    _day, moved = calendar_day_add(date=D("2026-09-15"), name="Later", actor=staff["admin"])
    assert moved == 0
    assert not CaseEvent.objects.filter(case=case, kind="deadline_moved").exists()


def test_only_calendar_managers_change_the_calendar(in_ministry, staff):
    with pytest.raises(PermissionDenied, match="calendar"):
        calendar_day_add(date=D("2026-07-16"), name="X", actor=staff["inspector"])
    assert not CalendarDay.objects.exists()
    calendar_day_add(date=D("2026-07-16"), name="X", actor=staff["director"])
    with pytest.raises(ValidationError):
        calendar_day_add(date=D("2026-07-16"), name="again", actor=staff["director"])


def test_a_transition_by_a_role_not_allowed_is_refused_and_nothing_changes(in_ministry, staff):
    from labourhub.enforcement.services import order_issue
    from tests.workflow.helpers import make_establishment

    order = order_issue(
        establishment=make_establishment(),
        office=staff["inspector"].office,
        provision="Working hours",
        requirement="Keep a time register.",
        days=10,
        assigned_to=staff["inspector"],
        actor=staff["inspector"],
    )
    case = order.case
    case_transition(
        case=case,
        transition="verify_not_complied",
        actor=staff["inspector"],
        documents=[{"kind": "follow_up_report"}],
    )
    case_transition(
        case=case,
        transition="serve_notice",
        actor=staff["inspector"],
        documents=[{"kind": "infraction_report"}],
    )
    before_events = CaseEvent.objects.filter(case=case).count()
    before_audit = AuditEvent.objects.count()
    before_deadlines = list(Deadline.objects.filter(case=case).values_list("code", "status"))
    # Deciding a sanction needs sanction.decide, which inspectors do not hold.
    with pytest.raises(ApplicationError) as refused:
        case_transition(case=case, transition="decide_sanction", actor=staff["inspector"])
    assert "Your role does not allow" in refused.value.message
    assert "Decide: impose fine" in refused.value.message
    case.refresh_from_db()
    assert case.state == "notice_served"
    assert CaseEvent.objects.filter(case=case).count() == before_events
    assert AuditEvent.objects.count() == before_audit
    assert (
        list(Deadline.objects.filter(case=case).values_list("code", "status")) == before_deadlines
    )


def test_wrong_state_and_missing_documents_are_refused(in_ministry, staff):
    case = _complaint_case(staff)
    with pytest.raises(ApplicationError, match="not possible"):
        case_transition(case=case, transition="close", actor=staff["supervisor"])
    with pytest.raises(ApplicationError, match="not possible"):
        case_transition(case=case, transition="no-such-step", actor=staff["supervisor"])
    assert Case.objects.get(pk=case.pk).state == "received"


def test_another_officers_inspector_cannot_act_on_a_case(in_ministry, staff, user_with_role):
    other = user_with_role("inspector", username="other-insp")
    case = _complaint_case(staff)
    with pytest.raises(ApplicationError, match="does not allow"):
        case_transition(case=case, transition="triage_inspection", actor=other)
    case_transition(case=case, transition="triage_inspection", actor=staff["inspector"])


def test_administrators_replace_a_procedure_with_validated_data(in_ministry, staff):
    definition = procedure_get("complaint").to_dict()
    definition["initial_limits"][0]["amount"] = 2
    procedure_config_save(code="complaint", definition=definition, actor=staff["admin"])
    case = _complaint_case(staff)
    assert Deadline.objects.get(case=case, code="triage").due_on == D("2026-07-15")
    broken = {**definition, "initial": "nowhere"}
    with pytest.raises(ValidationError):
        procedure_config_save(code="complaint", definition=broken, actor=staff["admin"])
    with pytest.raises(ValidationError):
        procedure_from_dict({"code": "x"})


def test_a_country_plugin_supplies_a_procedure(
    in_ministry, staff, register_temporary_plugin, ministry
):
    from labourhub.extensions import hookimpl
    from labourhub.extensions.types import ProcedureType, WorkflowStep

    # The plugin's declared procedure replaces the core one of the same code: no time limits.
    custom = ProcedureType(
        code="complaint",
        label="Queja (HN)",
        steps=(
            WorkflowStep("received", "Recibida", next_steps=("closed",)),
            WorkflowStep("closed", "Cerrada"),
        ),
    )

    class Plugin:
        @hookimpl
        def register_procedure_types(self, tenant):
            return [custom]

    register_temporary_plugin(Plugin(), slug="hn-procedures", active_for=(ministry,))
    case = _complaint_case(staff)
    assert not Deadline.objects.filter(case=case).exists()
