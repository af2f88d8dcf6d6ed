"""Pages and API: health data for the physician only, every read audited, no other ministry."""

import pytest
from django.utils import translation
from labourhub_medical_visits.services import examination_record

from conftest import EXAM
from labourhub.audit.models import AuditEvent
from labourhub.plugin_api import Role


@pytest.fixture
def examined(visited, physician):
    examination_record(visit=visited, **EXAM, actor=physician)
    return visited


def _client(client_for, ministry, user):
    client = client_for(ministry)
    client.force_login(user)
    return client


def test_physician_reads_health_data_and_the_read_is_audited(
    examined, physician, client_for, ministry
):
    client = _client(client_for, ministry, physician)
    page = client.get(f"/app/x/medical-visits/{examined.pk}/health/")
    assert page.status_code == 200
    assert "Hipoacusia leve bilateral" in page.content.decode()
    reads = AuditEvent.objects.filter(action="medical_visit.health_data_read", actor=physician)
    assert reads.count() == 1
    api = client.get(f"/api/v1/x/medical-visits/visits/{examined.pk}/examinations/")
    assert api.status_code == 200
    assert api.json()[0]["clinical_findings"].startswith("Hipoacusia")
    assert reads.count() == 2


@pytest.mark.parametrize("role", [Role.CLERK, Role.INSPECTOR, Role.ANALYST, Role.SYSTEM_ADMIN])
def test_other_roles_never_see_health_data(examined, user_with_role, client_for, ministry, role):
    client = _client(client_for, ministry, user_with_role(role))
    assert client.get(f"/app/x/medical-visits/{examined.pk}/health/").status_code == 403
    api = client.get(f"/api/v1/x/medical-visits/visits/{examined.pk}/examinations/")
    assert api.status_code == 403
    posted = client.post(
        f"/app/x/medical-visits/{examined.pk}/examine/",
        {**EXAM, "worker_id_number": "0801-1980-00001"},
    )
    assert posted.status_code in (403, 404)
    # Where the visit page is open to the role, it never carries the clinical findings.
    detail = client.get(f"/app/x/medical-visits/{examined.pk}/")
    assert "Hipoacusia" not in detail.content.decode()
    listing = client.get("/api/v1/x/medical-visits/visits/")
    assert "Hipoacusia" not in listing.content.decode()


def test_another_ministry_cannot_reach_the_visit(
    examined, second_ministry, client_for, enable_plugin
):
    from labourhub.accounts.services import office_create, user_create
    from labourhub.plugin_api.testing import TEST_PASSWORD
    from tenants.context import ministry_context
    from tenants.models import Ministry

    # The module is Honduran: the second test ministry becomes Honduran inside the test.
    Ministry.objects.filter(pk=second_ministry.pk).update(country="HN")
    second_ministry.refresh_from_db()
    enable_plugin("medical-visits", ministry=second_ministry)
    with ministry_context(second_ministry):
        office = office_create(code="B-REG", name="Otra región", level="region", actor=None)
        intruder = user_create(
            username="medico-b",
            password=TEST_PASSWORD,
            office=office,
            roles=[Role.OCCUPATIONAL_PHYSICIAN],
            actor=None,
        )
        client = _client(client_for, second_ministry, intruder)
    for url in (
        f"/app/x/medical-visits/{examined.pk}/",
        f"/app/x/medical-visits/{examined.pk}/health/",
        f"/api/v1/x/medical-visits/visits/{examined.pk}/examinations/",
    ):
        assert client.get(url).status_code == 404, url
    assert examined.number not in client.get("/api/v1/x/medical-visits/visits/").content.decode()


def test_hostile_form_input_gets_a_translated_error(visited, physician, client_for, ministry):
    client = _client(client_for, ministry, physician)
    with translation.override("es"):
        response = client.post(
            f"/app/x/medical-visits/{visited.pk}/examine/",
            {**EXAM, "birth_year": "<script>alert(1)</script>"},
            HTTP_ACCEPT_LANGUAGE="es",
        )
    assert response.status_code == 400
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "Karla Yolibeth" in body  # what was typed is kept


def test_the_physician_plans_records_and_raises_a_finding_through_the_pages(
    active, maquila, physician, client_for, ministry
):
    from labourhub_medical_visits.models import MedicalVisit

    from labourhub.plugin_api import ministry_today

    client = _client(client_for, ministry, physician)
    today = ministry_today().isoformat()
    response = client.post(
        "/app/x/medical-visits/plan/",
        {
            "registration_number": maquila.registration_number,
            "planned_for": today,
            "purpose": "Vigilancia",
        },
    )
    visit = MedicalVisit.objects.get()
    assert response.status_code == 302
    response = client.post(
        f"/app/x/medical-visits/{visit.pk}/record/",
        {"visited_on": today, "workers_present": "400", "exposures": ["noise"]},
    )
    assert response.status_code == 302
    response = client.post(
        f"/app/x/medical-visits/{visit.pk}/finding/",
        {
            "description": "Ruido sin protección",
            "legal_provision": "art. 112",
            "corrective_measure": "Protectores auditivos",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/app/x/medical-visits/{visit.pk}/").content.decode()
    assert visit.findings.get().case.reference in page


@pytest.mark.parametrize(
    ("language", "title"),
    [("es", "Visitas médicas"), ("fr", "Visites médicales")],
)
def test_plugin_catalogue_is_loaded(language, title):
    with translation.override(language):
        assert translation.gettext("Medical visits") == title
