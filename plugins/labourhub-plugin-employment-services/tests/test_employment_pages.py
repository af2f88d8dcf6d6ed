"""Staff pages: the officer's whole path, role checks and hostile input."""

import datetime as dt
import re

import pytest
from labourhub_employment_services.models import JobSeeker, Referral, Vacancy
from pes_helpers import region, seeker, vacancy

from labourhub.audit.models import AuditEvent
from labourhub.plugin_api import Role, ministry_today

BASE = "/app/x/employment-services"


@pytest.fixture
def active(enable_plugin):
    return enable_plugin("employment-services")


def _client(client_for, ministry, user_with_role, role=Role.OFFICE_HEAD):
    client = client_for(ministry)
    client.force_login(user_with_role(role))
    return client


def test_an_officer_registers_matches_refers_and_places(
    active, client_for, ministry, user_with_role
):
    north = region()
    officer = _client(client_for, ministry, user_with_role)
    response = officer.post(
        f"{BASE}/seekers/new/",
        {
            "first_name": "Shanice",
            "last_name": "St. Rose",
            "sex": "F",
            "birth_year": 1998,
            "region": north.pk,
            "community": "Babonneau",
            "education": 4,
            "occupations": ["51"],
            "skills": "food safety, pastry",
            "availability": "immediate",
            "consent_processing": "on",
            "consent_sharing": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    s = JobSeeker.objects.get(last_name="St. Rose")
    assert s.in_matching
    response = officer.post(
        f"{BASE}/vacancies/new/",
        {
            "title": "Pastry cook",
            "employer_name": "Marigot Bay Hotel",
            "occupation": "51",
            "sector": "I",
            "region": north.pk,
            "community": "Babonneau",
            "wage_min": "1900",
            "wage_max": "2500",
            "posts": 1,
            "closing_date": (ministry_today() + dt.timedelta(days=20)).isoformat(),
            "skills": "pastry",
            "min_education": 3,
            "min_experience_years": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    v = Vacancy.objects.get(title="Pastry cook")
    assert officer.post(f"{BASE}/vacancies/{v.pk}/publish/").status_code == 302
    page = officer.get(f"{BASE}/vacancies/{v.pk}/").content.decode()
    assert "Shanice St. Rose" in page
    # The reasons, in the ministry's language (Spanish for the test ministry).
    assert "Trabajadores de los servicios personales" in page
    assert officer.post(f"{BASE}/vacancies/{v.pk}/refer/", {"seeker": s.pk}).status_code == 302
    r = Referral.objects.get(seeker=s, vacancy=v)
    today = ministry_today().isoformat()
    assert officer.post(f"{BASE}/referrals/{r.pk}/interviewed/", {"on": today}).status_code == 302
    assert officer.post(f"{BASE}/referrals/{r.pk}/placed/", {"on": today}).status_code == 302
    r.refresh_from_db()
    assert r.status == Referral.Status.PLACED
    assert officer.get(f"{BASE}/seekers/{s.pk}/").status_code == 200


def test_hostile_registration_is_refused_with_nothing_saved(
    active, client_for, ministry, user_with_role
):
    officer = _client(client_for, ministry, user_with_role)
    before = (JobSeeker.objects.count(), AuditEvent.objects.count())
    response = officer.post(
        f"{BASE}/seekers/new/",
        {
            "first_name": "<script>alert(1)</script>",
            "last_name": "x" * 5000,
            "sex": "Z",
            "birth_year": "1e9",
            "region": "1 OR 1=1",
            "education": "99",
            "occupations": ["99", "'; DROP TABLE x;--"],
            "availability": "always",
            "email": "not-an-email",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert (JobSeeker.objects.count(), AuditEvent.objects.count()) == before


def test_registration_without_consent_is_refused_on_the_form(
    active, client_for, ministry, user_with_role
):
    officer = _client(client_for, ministry, user_with_role)
    response = officer.post(
        f"{BASE}/seekers/new/",
        {
            "first_name": "Kervin",
            "last_name": "Charles",
            "sex": "M",
            "birth_year": 1990,
            "education": 3,
            "occupations": ["72"],
            "availability": "immediate",
        },
    )
    assert response.status_code == 400
    assert not JobSeeker.objects.exists()


def test_hostile_vacancy_and_referral_input(active, client_for, ministry, user_with_role):
    officer = _client(client_for, ministry, user_with_role)
    response = officer.post(
        f"{BASE}/vacancies/new/",
        {"title": "", "occupation": "ZZ", "sector": "?", "wage_min": "-5", "wage_max": "abc",
         "posts": 0, "closing_date": "2020-13-45", "min_education": "x"},
    )  # fmt: skip
    assert response.status_code == 400 and not Vacancy.objects.exists()
    v = vacancy()
    for bad in ("abc", "99999999999999999999999", "-1", ""):
        assert officer.post(f"{BASE}/vacancies/{v.pk}/refer/", {"seeker": bad}).status_code == 404
    s = seeker()
    officer.post(f"{BASE}/vacancies/{v.pk}/refer/", {"seeker": s.pk})
    r = Referral.objects.get()
    future = (ministry_today() + dt.timedelta(days=3)).isoformat()
    assert officer.post(f"{BASE}/referrals/{r.pk}/interviewed/", {"on": future}).status_code == 400
    assert officer.post(f"{BASE}/referrals/{r.pk}/placed/", {"on": "x"}).status_code == 400
    assert officer.post(f"{BASE}/referrals/{r.pk}/hired/", {"on": "x"}).status_code == 404
    r.refresh_from_db()
    assert r.status == Referral.Status.REFERRED


def test_roles_decide_who_sees_and_who_publishes(active, client_for, ministry, user_with_role):
    v = vacancy(publish=False)
    analyst = _client(client_for, ministry, user_with_role, Role.ANALYST)
    assert analyst.get(f"{BASE}/").status_code == 403
    clerk = _client(client_for, ministry, user_with_role, Role.CLERK)
    assert clerk.get(f"{BASE}/vacancies/").status_code == 200
    assert clerk.post(f"{BASE}/vacancies/{v.pk}/publish/").status_code == 403
    inspector = _client(client_for, ministry, user_with_role, Role.INSPECTOR)
    assert inspector.post(f"{BASE}/vacancies/{v.pk}/publish/").status_code == 403
    v.refresh_from_db()
    assert v.status == Vacancy.Status.PENDING
    anonymous = client_for(ministry)
    assert anonymous.get(f"{BASE}/").status_code == 302


def test_erasure_from_the_page_needs_the_confirmation(active, client_for, ministry, user_with_role):
    s = seeker()
    officer = _client(client_for, ministry, user_with_role)
    assert officer.post(f"{BASE}/seekers/{s.pk}/erase/", {}).status_code == 400
    s.refresh_from_db()
    assert s.erased_at is None
    assert officer.post(f"{BASE}/seekers/{s.pk}/erase/", {"confirm": "on"}).status_code == 302
    s.refresh_from_db()
    assert s.first_name == "" and s.erased_at is not None
    assert "Keisha" not in officer.get(f"{BASE}/seekers/{s.pk}/").content.decode()


def test_lists_have_helpful_empty_states(active, client_for, ministry, user_with_role):
    officer = _client(client_for, ministry, user_with_role)
    for url in (f"{BASE}/", f"{BASE}/vacancies/"):
        page = officer.get(url)
        assert page.status_code == 200
        assert re.search(r'class="[^"]*\bempty\b', page.content.decode())


def test_consent_times_are_shown_in_the_ministrys_time(
    active, client_for, ministry, user_with_role
):
    import time_machine
    from django.utils import timezone

    # 03:30 UTC is 21:30 the day before in Tegucigalpa (the test ministry, UTC-6).
    with time_machine.travel(dt.datetime(2026, 7, 13, 3, 30, tzinfo=dt.UTC), tick=False):
        s = seeker()
    assert timezone.localtime(s.consent_processing_at, dt.UTC).hour == 3
    page = _client(client_for, ministry, user_with_role).get(f"{BASE}/seekers/{s.pk}/")
    text = page.content.decode()
    shown = text[text.find("Consentimiento al tratamiento") :][:200]
    assert "21:30" in shown and "03:30" not in text, shown


def test_the_menu_offers_the_service_only_where_active(
    enable_plugin, client_for, ministry, user_with_role
):
    officer = _client(client_for, ministry, user_with_role)
    home = officer.get("/app/", follow=True).content.decode()
    assert 'href="/app/x/employment-services/"' not in home
    enable_plugin("employment-services")
    home = officer.get("/app/", follow=True).content.decode()
    assert 'href="/app/x/employment-services/"' in home
    assert 'href="/app/x/employment-services/vacancies/"' in home
