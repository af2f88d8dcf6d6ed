# pytest only lets a conftest override pytest-django's django_db_setup; the kit provides it.
import datetime as dt

import pytest

from labourhub.plugin_api.testing import django_db_setup  # noqa: F401


@pytest.fixture
def active(enable_plugin):
    return enable_plugin("medical-visits")


@pytest.fixture
def physician(user_with_role):
    from labourhub.plugin_api import Role

    return user_with_role(Role.OCCUPATIONAL_PHYSICIAN)


@pytest.fixture
def maquila(in_ministry, physician):
    from labourhub.registry.services import employer_create, establishment_create

    employer = employer_create(legal_name="Textiles del Valle de Sula S. de R.L.", actor=None)
    return establishment_create(
        employer=employer,
        name="Maquila Textiles del Valle, planta Choloma",
        office=physician.office,
        isic_code="1410",
        registration_number="HN-0801-1999-00042",
        locality="Choloma",
        workers_female=310,
        workers_male=140,
        actor=None,
    )


@pytest.fixture
def visited(active, maquila, physician):
    from labourhub_medical_visits.services import visit_plan, visit_record

    from labourhub.plugin_api import ministry_today

    today = ministry_today()
    visit = visit_plan(
        registration_number=maquila.registration_number,
        planned_for=today,
        purpose="Vigilancia de la salud: ruido y posturas en costura",
        actor=physician,
    )
    return visit_record(
        visit=visit,
        visited_on=today - dt.timedelta(days=0),
        workers_present=420,
        exposures=["noise", "posture"],
        workplace_notes="Líneas de costura sin pausas activas.",
        actor=physician,
    )


EXAM = {
    "worker_name": "Karla Yolibeth Mejía Castro",
    "worker_id_number": "0501-1992-03311",
    "sex": "F",
    "birth_year": 1992,
    "job_title": "Operaria de costura",
    "exposures": ["noise", "posture"],
    "clinical_findings": "Hipoacusia leve bilateral; lumbalgia mecánica.",
    "fitness": "restricted",
    "restrictions": "No levantar cargas de más de 15 kg; protección auditiva obligatoria.",
}
