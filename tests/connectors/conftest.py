import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from labourhub.accounts.models import Office
from labourhub.accounts.roles import Role
from labourhub.registry.services import employer_create, establishment_create
from tests.case_fixtures import api_client_for, client_for  # noqa: F401

CONTRACTS = ("permanent", "fixed_term", "part_time", "apprentice", "other")
HEADER = "establishment,id_number,id_type,name,sex,birth_date,contract_type,wage,period\n"


@pytest.fixture
def admin(user_with_role):
    return user_with_role(Role.SYSTEM_ADMIN, username="connadmin")


@pytest.fixture
def site(admin):
    """Establishments of the active ministry, by registration number."""

    def make(number="EST-1", name="Planta Norte"):
        office = Office.objects.get(code="T-DIS")
        employer = employer_create(legal_name=f"{name} S.A.", tax_id="", actor=None)
        return establishment_create(
            employer=employer,
            name=name,
            office=office,
            isic_code="1071",
            registration_number=number,
            actor=None,
        )

    return make


def payroll_csv(count, establishment="EST-1", period="2026-10", start=0, wage="1250.00"):
    """A generic payroll roster of ``count`` workers (every fifth one a woman under 18)."""
    lines = [HEADER]
    for n in range(start, start + count):
        born = "2010-03-01" if n % 5 == 0 else f"{1960 + n % 40}-06-15"
        sex = "F" if n % 2 == 0 else "M"
        lines.append(
            f"{establishment},DNI{n:08d},DNI,Trabajador {n},{sex},{born},"
            f"{CONTRACTS[n % 5]},{wage},{period}\n"
        )
    return "".join(lines).encode()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="text/csv")


@pytest.fixture
def run_file(admin, django_capture_on_commit_callbacks):
    """Drop ``content`` into ``source`` and run it through the queued Celery task (eager here)."""
    from labourhub.connectors.services import connector_file_drop, connector_run_start

    def run(source, name, content, actor=None):
        stored = connector_file_drop(source=source, upload=upload(name, content), actor=admin)
        with django_capture_on_commit_callbacks(execute=True):
            started = connector_run_start(source=source, file_name=stored, actor=actor or admin)
        started.refresh_from_db()
        return started

    return run


@pytest.fixture
def payroll_source(admin):
    from labourhub.connectors.services import connector_source_create

    def make(kind="payroll-csv", name="Seguro social: planillas"):
        return connector_source_create(name=name, kind=kind, transport="drop", actor=admin)

    return make
