"""Checklists and assignment rules a plugin declares reach inspections."""

from labourhub.extensions import hookimpl
from labourhub.extensions.types import AssignmentRule, ChecklistDefinition, ChecklistItem
from labourhub.inspections.models import Checklist
from labourhub.inspections.services import checklists_seed, inspection_assign
from tests.extensions.effects import effect_of


@effect_of("register_checklists")
def test_a_plugin_checklist_is_seeded_for_the_ministry(
    in_ministry, ministry, register_temporary_plugin
):
    class Plugin:
        @hookimpl
        def register_checklists(self, tenant):
            item = ChecklistItem("exits", "Are the emergency exits clear?", "OSH Act s. 12")
            return [ChecklistDefinition("lc-osh-basic", "OSH basics", "1", (item,))]

    register_temporary_plugin(Plugin(), slug="lc-osh", active_for=(ministry,))
    checklists_seed(actor=None)
    checklist = Checklist.objects.get(code="lc-osh-basic")
    assert checklist.title == "OSH basics"


@effect_of("register_assignment_rules")
def test_a_plugin_assignment_rule_narrows_the_candidates(
    world, ministry, register_temporary_plugin
):
    chosen = world.inspectors[-1]

    class Plugin:
        @hookimpl
        def register_assignment_rules(self, tenant):
            return [
                AssignmentRule("last-only", "Last inspector only", lambda users, _case: [chosen])
            ]

    register_temporary_plugin(Plugin(), slug="lc-rules", active_for=(ministry,))
    assignment = inspection_assign(
        inspection=world.new_inspection(),
        method="criteria",
        rule="last-only",
        reason="rule",
        expected_version=1,
        actor=world.supervisor,
    )
    assert assignment.assignee_id == chosen.pk and assignment.rule == "last-only"
