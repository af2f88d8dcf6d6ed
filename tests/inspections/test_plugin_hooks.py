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


def _flagged_plugin(flag: bool):
    class Plugin:
        @hookimpl
        def register_checklists(self, tenant):
            items = (
                ChecklistItem("exits", "Are the emergency exits clear?", "OSH Act s. 12"),
                ChecklistItem(
                    "no_child",
                    "Is no child below 15 at work on the site?",
                    "Child Labour Act s. 3",
                    child_labour=flag,
                ),
            )
            return [ChecklistDefinition("pk-site", "Building sites", "1", items, "construction")]

    return Plugin()


@effect_of("register_checklists")
def test_a_child_labour_question_of_a_plugin_alerts_the_regional_director_at_once(
    world, ministry, register_temporary_plugin, user_with_role
):
    from labourhub.accounts.models import RoleGrant
    from labourhub.accounts.roles import Role
    from labourhub.inspections.models import InspectionAlert
    from labourhub.inspections.services import answers_save
    from labourhub.inspections.services.alert_routing import alert_routing_set
    from labourhub.workflow.selectors import alert_unread_count
    from tests.inspections.conftest import started_inspection

    register_temporary_plugin(_flagged_plugin(True), slug="pk-site", active_for=(ministry,))
    checklists_seed(actor=None)
    checklist = Checklist.objects.get(code="pk-site")
    assert checklist.sector == "construction"
    # A director's grant limited to the region makes the regional director.
    director = user_with_role(Role.DIRECTOR, username="dir-region", office=world.district)
    RoleGrant.objects.filter(user=director).update(scope_office=world.region)
    alert_routing_set(kind="child_labour", roles=[Role.DIRECTOR], actor=world.admin)
    inspection = started_inspection(world, checklist=checklist)
    # A violation of an ordinary question raises no alert.
    inspection = answers_save(
        inspection=inspection,
        values={"exits": "no"},
        expected_version=inspection.version,
        actor=inspection.inspector,
    )
    assert not InspectionAlert.objects.filter(inspection=inspection).exists()
    assert alert_unread_count(user=director) == 0
    answers_save(
        inspection=inspection,
        values={"no_child": "no"},
        expected_version=inspection.version,
        actor=inspection.inspector,
    )
    alert = InspectionAlert.objects.get(inspection=inspection, kind="child_labour")
    assert alert.notified_user_ids == [director.pk]
    assert alert_unread_count(user=director) == 1
    assert inspection.findings.get(question__code="no_child").child_labour


@effect_of("register_checklists")
def test_a_checklist_seeded_before_its_pack_flagged_child_labour_gets_a_flagged_version(
    in_ministry, ministry, register_temporary_plugin
):
    from labourhub.inspections.models import ChecklistQuestion, ChecklistVersion

    register_temporary_plugin(_flagged_plugin(False), slug="pk-site", active_for=(ministry,))
    checklists_seed(actor=None)
    first = ChecklistVersion.objects.get(checklist__code="pk-site", status="published")
    assert not ChecklistQuestion.objects.filter(section__version=first, child_labour=True)
    register_temporary_plugin(_flagged_plugin(True), slug="pk-site2", active_for=(ministry,))
    checklists_seed(actor=None)
    checklists_seed(actor=None)  # idempotent: one new version only
    versions = ChecklistVersion.objects.filter(checklist__code="pk-site").order_by("number")
    assert [v.status for v in versions] == ["retired", "published"]
    flagged = ChecklistQuestion.objects.filter(section__version=versions[1], child_labour=True)
    assert [q.code for q in flagged] == ["no_child"]
