from devtools.demo.inspections import inspections_demo_seed
from labourhub.accounts.roles import Role
from labourhub.inspections.models import Inspection
from labourhub.inspections.selectors import assignment_replay, procedure_get
from labourhub.registry.services import establishment_create
from labourhub.testing.pytest_plugin import TEST_PASSWORD


def test_demo_seed_gives_every_state_and_is_idempotent(world, user_with_role):
    for n in range(8):
        establishment_create(
            employer=world.employer,
            name=f"Demo site {n}",
            office=world.district,
            isic_code="4100",
            actor=None,
        )
    Inspection.objects.all().delete()
    made = inspections_demo_seed(slug="paraguay", password=TEST_PASSWORD)
    assert made == 9 or made == 10
    statuses = set(Inspection.objects.values_list("status", flat=True))
    assert statuses == {
        "planned",
        "authorised",
        "assigned",
        "in_progress",
        "completed",
        "cancelled",
    }
    assert Inspection.objects.filter(outcome="refused_entry").count() == 1
    assert procedure_get().authorising_roles == [Role.AUTHORISING_OFFICIAL]
    for inspection in Inspection.objects.filter(assignments__method="random"):
        drawn = inspection.assignments.get()
        assert assignment_replay(assignment=drawn) == inspection.inspector_id
    assert inspections_demo_seed(slug="paraguay", password=TEST_PASSWORD) == 0
