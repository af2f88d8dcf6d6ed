"""A procedure a plugin declares (ProcedureType) runs real cases on the core engine."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.extensions import hookimpl
from labourhub.extensions.types import ProcedureType, WorkflowStep
from labourhub.workflow.models import CaseEvent, Deadline
from labourhub.workflow.procedures import procedure_from_type, procedure_get
from labourhub.workflow.services import calendar_day_add, case_open, case_transition
from tests.extensions.effects import effect_of
from tests.workflow.helpers import at

D = dt.date.fromisoformat

PERMIT = ProcedureType(
    code="lc_work_permit",
    label="Work permit",
    steps=(
        WorkflowStep(
            "received", "Application received", time_limit_days=5, next_steps=("decided",)
        ),
        WorkflowStep("decided", "Permit decided", action="registration.decide"),
    ),
)


class PermitPlugin:
    @hookimpl
    def register_procedure_types(self, tenant):
        return [PERMIT]


@pytest.fixture
def permit_plugin(register_temporary_plugin, ministry):
    return register_temporary_plugin(PermitPlugin(), slug="lc-permits", active_for=(ministry,))


@effect_of("register_procedure_types")
def test_a_plugin_procedure_drives_a_case_with_working_day_deadlines_and_audit(
    permit_plugin, in_ministry, staff
):
    calendar_day_add(date=D("2026-07-16"), name="Emancipation Day", actor=staff["admin"])
    with time_machine.travel(at("2026-07-13"), tick=False):  # a Monday
        case = case_open(
            procedure="lc_work_permit",
            title="Permit for a foreign engineer",
            office=staff["inspector"].office,
            assigned_to=staff["inspector"],
            actor=staff["supervisor"],
        )
    assert case.state == "received"
    assert case.reference.startswith("LCW-2026-")  # letters of the code, never "LC_-"
    deadline = Deadline.objects.get(case=case)
    # Five working days after Monday 13 July, skipping the holiday on Thursday the 16th.
    assert (deadline.code, deadline.due_on) == ("received", D("2026-07-21"))
    assert case.next_due_on == D("2026-07-21")

    # The step's permission is enforced: an inspector may not decide, a legal officer may.
    with pytest.raises(ApplicationError):
        case_transition(case=case, transition="decided", actor=staff["inspector"])
    case = case_transition(case=case, transition="decided", actor=staff["legal"])
    assert case.state == "decided" and case.closed_at is not None
    deadline.refresh_from_db()
    assert deadline.status == Deadline.Status.MET

    audit = list(
        AuditEvent.objects.filter(subject_id=str(case.pk), action__startswith="case.")
        .order_by("id")
        .values_list("action", "changes", "extra")
    )
    assert [(action, changes) for action, changes, _ in audit] == [
        ("case.opened", {}),
        ("case.transitioned", {"state": ["received", "decided"]}),
    ]
    assert audit[0][2]["values"] == {"procedure": "lc_work_permit", "state": "received"}
    assert [e.to_state for e in CaseEvent.objects.filter(case=case).order_by("id")] == [
        "received",
        "decided",
    ]


def test_the_procedure_exists_only_where_the_plugin_is_active(permit_plugin, in_second_ministry):
    assert procedure_get("lc_work_permit") is None


def test_calendar_day_limits_and_bad_declarations():
    proc = procedure_from_type(
        ProcedureType(
            code="x_calendar",
            label="X",
            steps=(
                WorkflowStep("a", "A", time_limit_days=10, calendar_days=True, next_steps=("b",)),
                WorkflowStep("b", "B"),
            ),
        )
    )
    assert proc.initial_limits[0].unit == "calendar_days"
    assert proc.state("b").final and not proc.state("a").final
    with pytest.raises(ValidationError):
        procedure_from_type(
            ProcedureType(
                code="x_bad", label="X", steps=(WorkflowStep("a", "A", next_steps=("nowhere",)),)
            )
        )
    with pytest.raises(ValidationError):
        procedure_from_type(
            ProcedureType(
                code="x_perm",
                label="X",
                steps=(
                    WorkflowStep("a", "A", next_steps=("b",)),
                    WorkflowStep("b", "B", action="no.such.permission"),
                ),
            )
        )
