"""Workers register themselves as job seekers in the portal, withdraw consent, ask for erasure."""

from typing import Any

import pytest
from django.core import mail
from labourhub_employment_services.models import JobSeeker
from pes_helpers import region, vacancy

from labourhub.audit.models import AuditEvent
from labourhub.plugin_api import Role

PROFILE = "/portal/x/employment-services/profile/"
STAFF = "/app/x/employment-services"
LINK = "http://test.localhost/portal/verify-email/"


def _account(kind: str, username: str, capture: Any) -> Any:
    from labourhub.portal.services.accounts import portal_email_confirm, portal_signup

    with capture(execute=True):
        portal_signup(
            kind=kind,
            username=username,
            email=f"{username}@example.org",
            password="Strong-Portal-Pass-2026",
            first_name="Keisha",
            last_name=f"Alexander-{username}",
            organisation=f"{username} Ltd" if kind == "employer" else "",
            tax_number=f"TX-{username}" if kind == "employer" else "",
            link_base=LINK,
        )
    body = mail.outbox[-1].body
    portal_email_confirm(token=body[body.index(LINK) + len(LINK) :].split("/", 1)[0])
    from labourhub.accounts.models import User

    return User.objects.get(username=username)


@pytest.fixture
def setup(ministry, enable_plugin, user_with_role, django_capture_on_commit_callbacks):
    enable_plugin("employment-services")
    capture = django_capture_on_commit_callbacks
    return {
        "north": region(),
        "head": user_with_role(Role.OFFICE_HEAD, username="wshead"),
        "worker": _account("worker", "keishaw", capture),
        "other": _account("worker", "otherw", capture),
        "employer": _account("employer", "bossw", capture),
    }


def _signed_in(client_for, ministry, user, language="en"):
    client = client_for(ministry)
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def _form(setup: dict[str, Any], **over: Any) -> dict[str, Any]:
    data = {
        "first_name": "Keisha",
        "last_name": "Alexander",
        "sex": "F",
        "birth_year": "1996",
        "education": "3",
        "occupations": ["51"],
        "skills": "food safety, customer service",
        "availability": "immediate",
        "region": setup["north"].pk,
        "community": "Gros Islet",
        "consent_processing": "on",
        "consent_sharing": "on",
    }
    data.update(over)
    return data


def test_a_worker_registers_and_staff_see_them_in_the_list_and_the_matches(
    setup, client_for, ministry
):
    worker = _signed_in(client_for, ministry, setup["worker"], "es")
    page = worker.get(PROFILE, {"occupation_q": "servicios personales"})
    text = page.content.decode()
    assert page.status_code == 200 and "Mi perfil de demandante de empleo" in text
    assert 'value="51"' in text and 'value="21"' not in text  # narrowed by the search words
    sent = worker.post(PROFILE, _form(setup))
    assert sent.status_code == 302, sent.content.decode()[:3000]
    seeker = JobSeeker.objects.get()
    assert (seeker.portal_user_id, seeker.in_matching, seeker.occupations) == (
        setup["worker"].pk,
        True,
        ["51"],
    )
    event = AuditEvent.objects.get(action="pes_job_seeker.registered")
    assert event.actor_id == setup["worker"].pk and event.subject_id == str(seeker.pk)
    assert "Busca empleo" in worker.get(PROFILE).content.decode()
    again = worker.post(PROFILE, _form(setup, first_name="Twice"))
    assert again.status_code == 400 and JobSeeker.objects.count() == 1

    staff = _signed_in(client_for, ministry, setup["head"])
    assert "Keisha Alexander" in staff.get(f"{STAFF}/").content.decode()
    job = vacancy(region=setup["north"])
    assert "Keisha Alexander" in staff.get(f"{STAFF}/vacancies/{job.pk}/").content.decode()


def test_without_consent_to_processing_the_form_refuses_and_saves_nothing(
    setup, client_for, ministry
):
    worker = _signed_in(client_for, ministry, setup["worker"], "fr")
    data = _form(setup)
    data.pop("consent_processing")
    before = AuditEvent.objects.count()
    refused = worker.post(PROFILE, data)
    assert refused.status_code == 400
    assert "doit consentir au traitement" in refused.content.decode()
    assert not JobSeeker.objects.exists() and AuditEvent.objects.count() == before


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("first_name", "x" * 101, "Asegúrese de que este valor tenga menos de 100 caracteres"),
        ("last_name", "Alex\x00ander", "caracteres de control"),
        ("community", "Gros\x07Islet", "caracteres de control"),
        ("first_name", "<script>alert(1)</script>", "caracteres de control"),
        ("skills", "welding\x1b[31m", "caracteres de control"),
        ("occupations", ["99"], "Escoja una opción válida"),
        ("birth_year", "1850", "mayor o igual a 1900"),
        ("region", "999999", "Escoja una opción válida"),
    ],
)
def test_hostile_input_gives_translated_errors_and_saves_nothing(
    setup, client_for, ministry, field, value, message
):
    worker = _signed_in(client_for, ministry, setup["worker"], "es")
    before = AuditEvent.objects.count()
    response = worker.post(PROFILE, _form(setup, **{field: value}))
    page = response.content.decode()
    assert response.status_code == 400 and message in page, page[:4000]
    assert not JobSeeker.objects.exists() and AuditEvent.objects.count() == before


def test_employers_other_workers_and_staff_cannot_see_or_change_the_profile(
    setup, client_for, ministry
):
    owner = _signed_in(client_for, ministry, setup["worker"])
    assert owner.post(PROFILE, _form(setup)).status_code == 302
    employer = _signed_in(client_for, ministry, setup["employer"])
    assert employer.get(PROFILE).status_code == 403
    assert employer.post(PROFILE, {"operation": "erase", "confirm": "on"}).status_code == 403
    other = _signed_in(client_for, ministry, setup["other"])
    page = other.get(PROFILE).content.decode()
    assert "Alexander" not in page and "Gros Islet" not in page
    assert other.post(PROFILE, {"operation": "erase", "confirm": "on"}).status_code == 400
    staff = _signed_in(client_for, ministry, setup["head"])
    assert staff.get(PROFILE).status_code == 403
    seeker = JobSeeker.objects.get()
    assert seeker.erased_at is None and seeker.in_matching
    anonymous = client_for(ministry).get(PROFILE)
    assert anonymous.status_code == 302 and "/portal/login/" in anonymous["Location"]


def test_withdrawing_consent_removes_the_worker_from_matching(setup, client_for, ministry):
    worker = _signed_in(client_for, ministry, setup["worker"], "es")
    assert worker.post(PROFILE, _form(setup)).status_code == 302
    job = vacancy(region=setup["north"])
    unconfirmed = worker.post(PROFILE, {"operation": "withdraw"})
    assert unconfirmed.status_code == 400 and JobSeeker.objects.get().in_matching
    assert worker.post(PROFILE, {"operation": "withdraw", "confirm": "on"}).status_code == 302
    seeker = JobSeeker.objects.get()
    assert (seeker.status, seeker.in_matching, seeker.consent_sharing_at) == (
        "withdrawn",
        False,
        None,
    )
    event = AuditEvent.objects.get(action="pes_job_seeker.consent_withdrawn")
    assert event.actor_id == setup["worker"].pk
    staff = _signed_in(client_for, ministry, setup["head"])
    assert "Keisha Alexander" not in staff.get(f"{STAFF}/vacancies/{job.pk}/").content.decode()


def test_a_deletion_request_erases_the_personal_data(setup, client_for, ministry):
    worker = _signed_in(client_for, ministry, setup["worker"])
    assert worker.post(PROFILE, _form(setup)).status_code == 302
    assert worker.post(PROFILE, {"operation": "erase", "confirm": "on"}).status_code == 302
    seeker = JobSeeker.objects.get()
    assert seeker.erased_at is not None and not seeker.in_matching
    assert (seeker.first_name, seeker.last_name, seeker.community, seeker.skills) == (
        "",
        "",
        "",
        [],
    )
    assert seeker.sex == "F" and seeker.birth_year == 1996  # anonymous statistics remain
    assert AuditEvent.objects.get(action="pes_job_seeker.erased").actor_id == setup["worker"].pk
    page = worker.get(PROFILE).content.decode()
    assert "Personal data erased" in page and "Alexander" not in page


@pytest.mark.multi_tenant
def test_another_ministry_never_sees_the_profile(
    setup, client_for, ministry, second_ministry, enable_plugin
):
    from labourhub.accounts.services import user_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    worker = _signed_in(client_for, ministry, setup["worker"])
    assert worker.post(PROFILE, _form(setup)).status_code == 302
    seeker = JobSeeker.objects.get()
    enable_plugin("employment-services", ministry=second_ministry)
    web = client_for(second_ministry)
    with ministry_context(second_ministry):
        admin = user_create(
            username="admin-pes-w", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        web.force_login(admin)
    assert web.get(f"{STAFF}/seekers/{seeker.pk}/").status_code == 404
    assert "Alexander" not in web.get(f"{STAFF}/").content.decode()
    assert web.get(PROFILE).status_code == 403  # staff are not portal accounts
    assert "Alexander" not in client_for(second_ministry).get(PROFILE).content.decode()
