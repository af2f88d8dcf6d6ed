from devtools.demo.workflow import enforcement_demo_seed
from labourhub.accounts.roles import Role
from labourhub.enforcement.models import ComplianceOrder, FineRule
from labourhub.workflow.models import CalendarDay, Case
from tests.workflow.helpers import make_establishment


def test_demo_seed_is_idempotent(in_ministry, user_with_role):
    user_with_role(Role.INSPECTOR, username="inspector")
    user_with_role(Role.SUPERVISOR, username="supervisor")
    make_establishment()
    make_establishment(name="Second site")
    enforcement_demo_seed(slug="colombia")
    counts = (CalendarDay.objects.count(), FineRule.objects.count(), Case.objects.count())
    assert counts[0] == 18 and counts[1] >= 4
    assert (
        ComplianceOrder.objects.count() == 2 and Case.objects.filter(procedure="complaint").exists()
    )
    enforcement_demo_seed(slug="colombia")
    assert (CalendarDay.objects.count(), FineRule.objects.count(), Case.objects.count()) == counts
