"""Saint Lucia's demo employment service: seeded through the plugin's services, once."""

from devtools.demo.employment import employment_demo_seed
from devtools.demo.plugins import DEMO_PLUGINS
from labourhub.accounts.services import office_create
from labourhub.audit.models import AuditEvent


def test_saint_lucia_runs_the_employment_service():
    assert "employment-services" in DEMO_PLUGINS["saintlucia"]


def test_nothing_is_seeded_where_the_plugin_is_not_active(in_ministry):
    assert employment_demo_seed() == 0


def test_demo_seed_is_audited_matchable_and_idempotent(enable_plugin, in_ministry):
    from labourhub_employment_services.matching import vacancy_matches
    from labourhub_employment_services.models import JobSeeker, Referral, Vacancy

    enable_plugin("employment-services")
    north = office_create(code="N", name="North", level="region", actor=None)
    office_create(code="S", name="South", level="region", actor=None)
    assert employment_demo_seed() == 12
    assert employment_demo_seed() == 0
    assert JobSeeker.objects.count() == 12 and JobSeeker.objects.filter(region=north).exists()
    assert Vacancy.objects.filter(status="published").count() == 4
    assert Vacancy.objects.filter(status="pending").count() == 1
    assert Referral.objects.filter(status="placed").count() == 1
    assert AuditEvent.objects.filter(action="pes_job_seeker.registered").count() == 12
    mason = Vacancy.objects.get(title="Mason")
    assert [m.obj.first_name for m in vacancy_matches(vacancy=mason)][:1] == ["Jerome"]
