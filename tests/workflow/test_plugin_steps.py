"""Step handlers, case panels and case notifications through the one hook registry."""

import pytest

from labourhub.extensions import hookimpl
from labourhub.extensions.types import CasePanel, ProcedureType, StepHandler, WorkflowStep
from labourhub.workflow.services import case_open, case_transition
from labourhub.workflow.steps import StepInput, case_step
from tests.extensions.effects import effect_of

PERMIT = ProcedureType(
    code="lc_permit",
    label="Permit",
    steps=(
        WorkflowStep("received", "Received", next_steps=("granted",)),
        WorkflowStep("granted", "Granted"),
    ),
)


class PermitPlugin:
    def __init__(self):
        self.handled = []
        self.events = []

    @hookimpl
    def register_procedure_types(self, tenant):
        return [PERMIT]

    @hookimpl
    def register_step_handlers(self, tenant):
        def handle(case, transition, actor, data):
            self.handled.append((transition, data.note))
            return case_transition(case=case, transition=transition, actor=actor, note=data.note)

        return [StepHandler("lc_permit", handle)]

    @hookimpl
    def register_case_panels(self, tenant):
        return [
            CasePanel(
                "lc_permit", "workflow/partials/light.html", lambda case, user: {"light": "red"}
            )
        ]

    @hookimpl
    def case_opened(self, tenant, case, actor):
        self.events.append(("opened", case.state))

    @hookimpl
    def case_status_changed(self, tenant, case, old_status, new_status, actor):
        self.events.append(("changed", old_status, new_status))

    @hookimpl
    def case_closed(self, tenant, case, actor):
        self.events.append(("closed", case.state))


@pytest.fixture
def plugin(register_temporary_plugin, ministry):
    return register_temporary_plugin(PermitPlugin(), slug="lc-permit", active_for=(ministry,))


def _open(staff):
    return case_open(
        procedure="lc_permit",
        title="Permit",
        office=staff["inspector"].office,
        actor=staff["supervisor"],
    )


@effect_of("register_step_handlers")
def test_the_plugin_handler_carries_out_its_procedure_s_steps(plugin, in_ministry, staff):
    case = _open(staff)
    case = case_step(
        case=case, transition="granted", actor=staff["supervisor"], data=StepInput(note="ok")
    )
    assert case.state == "granted"
    assert plugin.handled == [("granted", "ok")]


@effect_of("register_case_panels")
def test_the_plugin_panel_shows_on_its_cases_only(plugin, in_ministry, ministry, staff, client_for):
    case = _open(staff)
    web = client_for(ministry)
    web.force_login(staff["supervisor"])
    page = web.get(f"/app/cases/{case.pk}/").content.decode()
    other = case_open(
        procedure="accident", title="Other", office=staff["inspector"].office, actor=None
    )
    other_page = web.get(f"/app/cases/{other.pk}/").content.decode()
    # Each traffic light is one status tag (workflow/partials/light.html).
    assert page.count("lh-tag light ") > other_page.count("lh-tag light ")


@effect_of("case_opened")
@effect_of("case_status_changed")
@effect_of("case_closed")
def test_case_notifications_reach_the_plugin_after_commit(
    plugin, in_ministry, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = _open(staff)
    assert plugin.events == [("opened", "received")]
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, transition="granted", actor=staff["supervisor"])
    assert plugin.events[1:] == [("changed", "received", "granted"), ("closed", "granted")]
