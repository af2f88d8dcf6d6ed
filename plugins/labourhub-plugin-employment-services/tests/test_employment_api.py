"""API: hostile input, the whole path, and another ministry never reaching a job seeker."""

import datetime as dt

import pytest
from labourhub_employment_services.models import JobSeeker, Vacancy
from pes_helpers import seeker, vacancy

from labourhub.plugin_api import Role, ministry_today

API = "/api/v1/x/employment-services"


@pytest.fixture
def active(enable_plugin):
    return enable_plugin("employment-services")


def test_api_registers_matches_refers_and_places(active, api_client_for, ministry, user_with_role):
    api = api_client_for(ministry, user_with_role(Role.OFFICE_HEAD))
    created = api.post(
        f"{API}/seekers/register/",
        {
            "first_name": "Jerome",
            "last_name": "Alexander",
            "sex": "M",
            "birth_year": 1992,
            "consent_processing": True,
            "consent_sharing": True,
            "occupations": ["83"],
            "skills": ["Heavy equipment", "driving"],
            "education": 3,
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    seeker_id = created.json()["id"]
    made = api.post(
        f"{API}/vacancies/register/",
        {
            "title": "Truck driver",
            "employer_name": "Island Aggregates Ltd",
            "occupation": "83",
            "sector": "F",
            "wage_min": "2000.00",
            "wage_max": "2600.00",
            "posts": 2,
            "closing_date": (ministry_today() + dt.timedelta(days=14)).isoformat(),
            "skills": ["driving"],
        },
        format="json",
    )
    assert made.status_code == 201, made.content
    vacancy_id = made.json()["id"]
    assert api.post(f"{API}/vacancies/{vacancy_id}/publish/").status_code == 200
    matches = api.get(f"{API}/vacancies/{vacancy_id}/matches/").json()["results"]
    assert [m["item"]["id"] for m in matches] == [seeker_id]
    assert matches[0]["reasons"] and matches[0]["score"] > 0
    referral = api.post(
        f"{API}/vacancies/{vacancy_id}/refer/", {"seeker": seeker_id}, format="json"
    )
    assert referral.status_code == 201, referral.content
    rid = referral.json()["id"]
    for step in ("interviewed", "placed"):
        done = api.post(f"{API}/referrals/{rid}/record/", {"status": step}, format="json")
        assert done.status_code == 200, done.content
    assert done.json()["status"] == "placed"
    found = api.get(f"{API}/seekers/?q=jerome alexandre").json()
    assert [s["id"] for s in found["results"]] == [seeker_id]  # typo-tolerant
    occupations = api.get(f"{API}/occupations/?q=conducteurs").json()["results"]
    assert "83" in [o["code"] for o in occupations]


def test_api_hostile_input_is_refused_with_nothing_saved(
    active, api_client_for, ministry, user_with_role
):
    api = api_client_for(ministry, user_with_role(Role.OFFICE_HEAD))
    bad = api.post(
        f"{API}/seekers/register/",
        {
            "first_name": "",
            "sex": "<b>",
            "birth_year": "DROP TABLE",
            "consent_processing": "maybe",
            "occupations": ["99"] * 50,
            "skills": ["x" * 500],
            "region": 10**12,
        },
        format="json",
    )
    assert bad.status_code == 400
    assert {"first_name", "sex", "birth_year", "occupations"} <= set(bad.json()["extra"]["fields"])
    refused = api.post(
        f"{API}/seekers/register/",
        {"first_name": "A", "last_name": "B", "sex": "F", "birth_year": 1990,
         "consent_processing": False, "consent_sharing": True, "occupations": ["51"]},
        format="json",
    )  # fmt: skip
    assert refused.status_code == 400
    assert not JobSeeker.objects.exists()
    bad_vacancy = api.post(
        f"{API}/vacancies/register/",
        {"title": "x", "employer_name": "y", "occupation": "51", "sector": "I",
         "wage_min": "900", "wage_max": "100", "posts": 1,
         "closing_date": ministry_today().isoformat()},
        format="json",
    )  # fmt: skip
    assert bad_vacancy.status_code == 400 and not Vacancy.objects.exists()
    assert api.get(f"{API}/seekers/?q={'%' * 300}").status_code == 400
    assert api.get(f"{API}/seekers/?q=%27%20OR%201=1--").json()["count"] == 0


def test_api_needs_the_right_role(active, api_client_for, ministry, user_with_role):
    v = vacancy(publish=False)
    clerk = api_client_for(ministry, user_with_role(Role.CLERK))
    assert clerk.get(f"{API}/vacancies/").status_code == 200
    assert clerk.post(f"{API}/vacancies/{v.pk}/publish/").status_code == 403
    analyst = api_client_for(ministry, user_with_role(Role.ANALYST))
    assert analyst.get(f"{API}/seekers/").status_code == 403
    assert api_client_for(ministry).get(f"{API}/seekers/").status_code in (401, 403)


def _admin_clients(ministry, username, client_for, api_client_for):
    """A signed-in browser and API client of ``ministry``'s system administrator."""
    from labourhub.accounts.services import user_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    web = client_for(ministry)
    with ministry_context(ministry):
        admin = user_create(
            username=username, password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        web.force_login(admin)
        return web, api_client_for(ministry, admin)


def _made_in(ministry):
    from tenants.context import ministry_context

    with ministry_context(ministry):
        return seeker(), vacancy()


@pytest.mark.multi_tenant
def test_another_ministry_without_the_plugin_gets_404(
    active, client_for, api_client_for, ministry, second_ministry
):
    s, v = _made_in(ministry)
    web, api = _admin_clients(second_ministry, "admin-pes-b", client_for, api_client_for)
    assert web.get("/app/x/employment-services/").status_code == 404
    assert web.get(f"/app/x/employment-services/seekers/{s.pk}/").status_code == 404
    assert api.get(f"{API}/seekers/{s.pk}/").status_code == 404
    assert api.get(f"{API}/vacancies/{v.pk}/matches/").status_code == 404


@pytest.mark.multi_tenant
def test_job_seekers_stay_in_their_ministry_with_the_plugin_active_in_both(
    active, enable_plugin, client_for, api_client_for, ministry, second_ministry
):
    enable_plugin("employment-services", ministry=second_ministry)
    s, v = _made_in(ministry)
    web, api = _admin_clients(second_ministry, "admin-pes-b2", client_for, api_client_for)
    listing = web.get("/app/x/employment-services/")
    assert listing.status_code == 200 and "Keisha" not in listing.content.decode()
    assert web.get(f"/app/x/employment-services/seekers/{s.pk}/").status_code == 404
    assert (
        web.post(f"/app/x/employment-services/seekers/{s.pk}/erase/", {"confirm": "on"}).status_code
        == 404
    )
    assert web.get(f"/app/x/employment-services/vacancies/{v.pk}/").status_code == 404
    assert api.get(f"{API}/seekers/").json()["count"] == 0
    assert api.get(f"{API}/seekers/{s.pk}/").status_code == 404
    assert api.get(f"{API}/seekers/{s.pk}/matches/").status_code == 404
    assert api.post(f"{API}/seekers/{s.pk}/erase/").status_code == 404
    assert api.get(f"{API}/vacancies/{v.pk}/matches/").status_code == 404
    assert (
        api.post(f"{API}/vacancies/{v.pk}/refer/", {"seeker": s.pk}, format="json").status_code
        == 404
    )
    from tenants.context import ministry_context

    with ministry_context(ministry):
        s.refresh_from_db()
        assert s.first_name == "Keisha" and s.in_matching


def test_an_employer_cannot_see_job_seekers(
    active, client_for, api_client_for, ministry, user_with_role
):
    s = seeker()
    employer = user_with_role(Role.EMPLOYER)
    web = client_for(ministry)
    web.force_login(employer)
    # A portal account never reaches the staff app: it is sent to the portal, seeing nothing.
    for url in (f"/app/x/employment-services/seekers/{s.pk}/", "/app/x/employment-services/"):
        response = web.get(url)
        assert (response.status_code, response["Location"]) == (302, "/portal/")
    api = api_client_for(ministry, employer)
    assert api.get(f"{API}/seekers/{s.pk}/").status_code == 403
    assert api.get(f"{API}/seekers/").status_code == 403


def test_the_openapi_schema_documents_the_endpoints(
    active, api_client_for, ministry, user_with_role
):
    api = api_client_for(ministry, user_with_role(Role.OFFICE_HEAD))
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    text = schema.content.decode()
    assert f"{API}/vacancies/{{vacancy_id}}/matches/" in text
    assert f"{API}/seekers/register/" in text
