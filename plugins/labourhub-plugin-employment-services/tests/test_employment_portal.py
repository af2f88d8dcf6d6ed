"""Employers submit vacancies through the portal; the public list shows only what is open."""

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from labourhub_employment_services.models import Vacancy
from pes_helpers import region, vacancy

from labourhub.audit.models import AuditEvent
from labourhub.plugin_api import Role, ministry_today

PORTAL = "/portal/x/employment-services"
STAFF = "/app/x/employment-services"
PUBLIC = f"{STAFF}/public/vacancies/"
API = "/api/v1/x/employment-services"
LINK = "http://test.localhost/portal/verify-email/"


def _employer(username: str, establishment: Any, clerk: Any, capture: Any) -> Any:
    """A verified employer account representing ``establishment``, made by the portal services."""
    from labourhub.portal.services.accounts import (
        portal_account_decide,
        portal_email_confirm,
        portal_signup,
        representation_add,
    )

    with capture(execute=True):
        account = portal_signup(
            kind="employer",
            username=username,
            email=f"{username}@example.org",
            password="Strong-Portal-Pass-2026",
            first_name="Marcia",
            last_name=f"Prospere-{username}",
            organisation=f"{username} Ltd",
            tax_number=f"TX-{username}",
            link_base=LINK,
        )
    body = mail.outbox[-1].body
    token = body[body.index(LINK) + len(LINK) :].split("/", 1)[0]
    portal_email_confirm(token=token)
    portal_account_decide(account=account, accept=True, note="", actor=clerk)
    if establishment is not None:
        representation_add(user=account.user, establishment=establishment, actor=clerk)
    return account.user


@pytest.fixture
def setup(ministry, enable_plugin, user_with_role, django_capture_on_commit_callbacks):
    from labourhub.accounts.services import office_create
    from labourhub.registry.services import employer_create, establishment_create

    enable_plugin("employment-services", config={"public_vacancy_list": True})
    north = region()
    district = office_create(
        code="V-DIS", name="Castries", level="district", parent=north, actor=None
    )
    owner = employer_create(legal_name="Rodney Bay Resort Ltd", tax_id="V-1", actor=None)
    other = employer_create(legal_name="Soufriere Cafe Ltd", tax_id="V-2", actor=None)
    resort = establishment_create(
        employer=owner, name="Rodney Bay Resort", office=district, isic_code="5510", actor=None
    )
    cafe = establishment_create(
        employer=other, name="Soufriere Cafe", office=district, isic_code="5610", actor=None
    )
    clerk = user_with_role(Role.CLERK, username="vclerk", office=district)
    capture = django_capture_on_commit_callbacks
    return {
        "north": north,
        "resort": resort,
        "cafe": cafe,
        "clerk": clerk,
        "head": user_with_role(Role.OFFICE_HEAD, username="vhead"),
        "employer": _employer("resortrep", resort, clerk, capture),
        "outsider": _employer("caferep", cafe, clerk, capture),
    }


def _form(setup: dict[str, Any], **over: Any) -> dict[str, Any]:
    data = {
        "establishment": setup["resort"].pk,
        "title": "Pastry cook",
        "occupation": "51",
        "sector": "I",
        "region": setup["north"].pk,
        "community": "Gros Islet",
        "wage_min": "1900",
        "wage_max": "2500",
        "posts": "2",
        "closing_date": (ministry_today() + dt.timedelta(days=20)).isoformat(),
        "requirements": "Two years in a hotel kitchen.\nFood handler's permit.",
        "skills": "pastry, food safety",
    }
    data.update(over)
    return data


def _signed_in(client_for, ministry, user, language="en"):
    client = client_for(ministry)
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def test_employer_submits_staff_reviews_publishes_and_the_public_sees_it(
    setup, client_for, ministry
):
    employer = _signed_in(client_for, ministry, setup["employer"], "es")
    menu = employer.get(f"{PORTAL}/vacancies/").content.decode()
    assert "Mis vacantes" in menu and "Nueva vacante" in menu
    form = employer.get(f"{PORTAL}/new-vacancy/", {"occupation_q": "servicios personales"})
    page = form.content.decode()
    assert form.status_code == 200 and "Rodney Bay Resort" in page
    assert 'value="51"' in page and 'value="21"' not in page  # narrowed by the search words
    assert "Soufriere Cafe" not in page
    sent = employer.post(f"{PORTAL}/new-vacancy/", _form(setup))
    assert sent.status_code == 302, sent.content.decode()[:3000]
    v = Vacancy.objects.get()
    assert (v.status, v.establishment_id, v.submitted_by_id, v.employer_name) == (
        "pending",
        setup["resort"].pk,
        setup["employer"].pk,
        "Rodney Bay Resort",
    )
    event = AuditEvent.objects.get(action="pes_vacancy.submitted")
    assert event.actor_id == setup["employer"].pk and event.subject_id == str(v.pk)
    mine = employer.get(f"{PORTAL}/vacancies/").content.decode()
    assert v.reference in mine and "Pendiente de revisión" in mine
    assert client_for(ministry).get(PUBLIC).content.decode().count(v.reference) == 0

    staff = _signed_in(client_for, ministry, setup["head"])
    queue = staff.get(f"{STAFF}/vacancies/", {"status": "pending"}).content.decode()
    assert v.reference in queue
    detail = staff.get(f"{STAFF}/vacancies/{v.pk}/").content.decode()
    assert "The employer, through the portal" in detail
    assert staff.post(f"{STAFF}/vacancies/{v.pk}/publish/").status_code == 302
    v.refresh_from_db()
    assert v.status == "published"
    assert "Publicado" in employer.get(f"{PORTAL}/vacancies/").content.decode()

    public = client_for(ministry).get(PUBLIC)
    text = public.content.decode()
    assert public.status_code == 200 and v.reference in text and "Pastry cook" in text
    for personal in ("resortrep", "Prospere", "example.org", "Marcia"):
        assert personal not in text


def test_an_employer_without_the_establishment_is_refused_and_nothing_saved(
    setup, client_for, ministry, user_with_role
):
    outsider = _signed_in(client_for, ministry, setup["outsider"])
    before = AuditEvent.objects.count()
    refused = outsider.post(f"{PORTAL}/new-vacancy/", _form(setup))
    assert refused.status_code == 403
    assert not Vacancy.objects.exists() and AuditEvent.objects.count() == before
    employer = _signed_in(client_for, ministry, setup["employer"])
    assert employer.post(f"{PORTAL}/new-vacancy/", _form(setup)).status_code == 302
    assert (
        Vacancy.objects.get().reference not in outsider.get(f"{PORTAL}/vacancies/").content.decode()
    )
    staff = _signed_in(client_for, ministry, user_with_role(Role.INSPECTOR, username="vins"))
    assert staff.get(f"{PORTAL}/vacancies/").status_code == 403
    anonymous = client_for(ministry).get(f"{PORTAL}/new-vacancy/")
    assert anonymous.status_code == 302 and "/portal/login/" in anonymous["Location"]


def test_a_removed_representative_can_no_longer_submit(
    setup, client_for, ministry, django_capture_on_commit_callbacks
):
    from labourhub.portal.selectors import representation_active
    from labourhub.portal.services.accounts import representation_remove

    capture = django_capture_on_commit_callbacks
    removed = _employer("formerrep", setup["resort"], setup["clerk"], capture)
    representation_remove(link=representation_active(user=removed).get(), actor=None)
    client = _signed_in(client_for, ministry, removed)
    assert client.post(f"{PORTAL}/new-vacancy/", _form(setup)).status_code == 403
    assert not Vacancy.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "x" * 201, "Asegúrese de que este valor tenga menos de 200 caracteres"),
        ("requirements", "Hotel\x00kitchen\x1b[31m", "caracteres de control"),
        ("community", "Gros\x07Islet", "caracteres de control"),
        ("title", "<script>alert(1)</script>", "caracteres de control"),
        ("wage_min", "9000", "El salario mínimo ofrecido no puede superar"),
        ("closing_date", "2020-01-01", "La fecha de cierre debe ser hoy o posterior"),
        ("occupation", "99", "Escoja una opción válida"),
        ("posts", "-3", "mayor o igual a 1"),
    ],
)
def test_hostile_input_gives_translated_errors_and_saves_nothing(
    setup, client_for, ministry, field, value, message
):
    employer = _signed_in(client_for, ministry, setup["employer"], "es")
    before = AuditEvent.objects.count()
    response = employer.post(f"{PORTAL}/new-vacancy/", _form(setup, **{field: value}))
    page = response.content.decode()
    assert response.status_code == 400 and message in page, page[:4000]
    assert not Vacancy.objects.exists() and AuditEvent.objects.count() == before


def test_the_service_refuses_control_characters_the_api_could_send(setup):
    from django.core.exceptions import ValidationError
    from django.utils import translation
    from labourhub_employment_services.services import vacancy_submit

    data = _form(setup, community="Gros\x07Islet")
    data.pop("establishment")
    data.update(region=setup["north"], wage_min=1900, wage_max=2500, posts=2)
    data["closing_date"] = ministry_today() + dt.timedelta(days=20)
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        vacancy_submit(user=setup["employer"], establishment_id=setup["resort"].pk, **data)
    assert "caractères de contrôle" in refused.value.message_dict["community"][0]
    assert not Vacancy.objects.exists()


def test_the_public_list_shows_only_published_open_vacancies_paginated(
    setup, client_for, ministry, enable_plugin
):
    shown = vacancy(title="Open pastry cook")
    vacancy(title="Awaiting chef", publish=False)
    from labourhub_employment_services.services import vacancy_close, vacancy_reject

    vacancy_reject(vacancy=vacancy(title="Refused barman", publish=False), reason="x", actor=None)
    vacancy_close(vacancy=vacancy(title="Closed waiter"), actor=None)
    lapsed = vacancy(title="Lapsed gardener")
    Vacancy.objects.filter(pk=lapsed.pk).update(
        closing_date=ministry_today() - dt.timedelta(days=1)
    )
    anonymous = client_for(ministry)
    text = anonymous.get(PUBLIC).content.decode()
    assert "Open pastry cook" in text and shown.reference in text
    for hidden in ("Awaiting chef", "Refused barman", "Closed waiter", "Lapsed gardener"):
        assert hidden not in text
    for n in range(21):
        vacancy(title=f"Housekeeper {n:02d}")
    first, second = anonymous.get(PUBLIC), anonymous.get(PUBLIC, {"page": 2})
    assert first.content.decode().count("<li>") == 20 and "Página 1 de 2" in first.content.decode()
    assert second.content.decode().count("<li>") == 2
    anonymous.cookies["django_language"] = "fr"
    assert "Page 1 sur 2" in anonymous.get(PUBLIC).content.decode()
    enable_plugin("employment-services", config={"public_vacancy_list": False})
    assert client_for(ministry).get(PUBLIC).status_code == 404


@pytest.mark.multi_tenant
def test_another_ministry_never_sees_the_submitted_vacancy(
    setup, client_for, api_client_for, ministry, second_ministry, enable_plugin
):
    from labourhub.accounts.services import user_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    employer = _signed_in(client_for, ministry, setup["employer"])
    assert employer.post(f"{PORTAL}/new-vacancy/", _form(setup)).status_code == 302
    v = Vacancy.objects.get()
    staff = _signed_in(client_for, ministry, setup["head"])
    assert staff.post(f"{STAFF}/vacancies/{v.pk}/publish/").status_code == 302
    enable_plugin(
        "employment-services", ministry=second_ministry, config={"public_vacancy_list": True}
    )
    web = client_for(second_ministry)
    with ministry_context(second_ministry):
        admin = user_create(
            username="admin-pes-v", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        web.force_login(admin)
        api = api_client_for(second_ministry, admin)
    assert v.reference not in client_for(second_ministry).get(PUBLIC).content.decode()
    assert web.get(f"{STAFF}/vacancies/{v.pk}/").status_code == 404
    assert v.reference not in web.get(f"{STAFF}/vacancies/").content.decode()
    assert api.get(f"{API}/vacancies/").json()["count"] == 0
    assert api.post(f"{API}/vacancies/{v.pk}/publish/").status_code == 404
    assert web.get(f"{PORTAL}/vacancies/").status_code == 403  # staff are not portal accounts
