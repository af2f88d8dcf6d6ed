"""Establishment self-registration: employer submits, the registry's duplicate check runs, a
clerk accepts into the registry (with its history) or refuses with a reason."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from labourhub.accounts.roles import Role
from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.portal.models import EstablishmentSubmission, Representation
from labourhub.portal.services.submissions import (
    establishment_submission_decide,
    establishment_submission_file,
)
from labourhub.registry.models import Establishment
from labourhub.registry.selectors import establishment_search
from tests.portal.conftest import signup, token_from_outbox

NEW = {
    "name": "Textiles planta 2",
    "address": "Barrio Guamilito, 5 calle",
    "locality": "San Pedro Sula",
    "isic_code": "1410",
    "workers_female": "31",
    "workers_male": "12",
    "opened_on": "2024-03-01",
}


def _client(client_for, ministry, user, language="en"):
    client = client_for(ministry)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(user)
    return client


def _file(portal, **changes):
    values = {
        "name": "Cafetería El Puerto",
        "address": "Avenida Los Próceres 12",
        "locality": "Tegucigalpa",
        "isic_code": "5610",
        "workers_female": 4,
        "workers_male": 3,
        "opened_on": datetime.date(2023, 5, 2),
    }
    values.update(changes)
    return establishment_submission_file(actor=portal.employer_a, **values)


def test_submit_shows_duplicates_then_accept_puts_it_in_the_registry(portal, client_for, ministry):
    before = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    employer = _client(client_for, ministry, portal.employer_a)
    response = employer.post("/portal/establishments/new/", NEW)
    assert response.status_code == 302
    submission = EstablishmentSubmission.objects.get(name="Textiles planta 2")
    assert submission.status == EstablishmentSubmission.Status.PENDING
    assert not Establishment.objects.filter(name="Textiles planta 2").exists()
    # The registry's duplicate check ran on submission and found the similar site.
    assert portal.est_a.pk in [c["id"] for c in submission.duplicate_candidates]

    clerk = _client(client_for, ministry, portal.clerk)
    queue = clerk.get("/app/portal/establishments/submissions/").content.decode()
    assert "Textiles planta 2" in queue
    page = clerk.get(f"/app/portal/establishments/submissions/{submission.pk}/").content.decode()
    assert "Textiles planta 1" in page and portal.est_a.registration_number in page
    decided = clerk.post(
        f"/app/portal/establishments/submissions/{submission.pk}/",
        {"decision": "accept", "office": portal.district.pk, "note": ""},
    )
    assert decided.status_code == 302
    submission.refresh_from_db()
    assert submission.status == EstablishmentSubmission.Status.ACCEPTED
    created = submission.establishment
    assert created is not None and created.office == portal.district
    assert (created.workers_female, created.workers_male) == (31, 12)
    assert created.employer.tax_id == "RTN-empa"
    found = establishment_search(filters={"q": "Textiles planta 2"}).items
    assert created.pk in [e.pk for e in found]
    assert Representation.objects.filter(
        user=portal.employer_a, establishment=created, removed_at__isnull=True
    ).exists()
    # The employer sees it among their establishments with its registration number.
    mine = employer.get("/portal/establishments/").content.decode()
    assert created.registration_number in mine
    trail = list(
        AuditEvent.objects.filter(id__gt=before)
        .exclude(action__startswith="auth.")
        .order_by("id")
        .values_list("action", "actor_id")
    )
    assert trail == [
        ("establishment_submission.filed", portal.employer_a.pk),
        ("employer.created", portal.clerk.pk),
        ("establishment.created", portal.clerk.pk),
        ("representation.added", portal.clerk.pk),
        ("establishment_submission.accepted", portal.clerk.pk),
    ]


def test_update_of_a_represented_establishment_goes_through_the_registry(portal):
    submission = establishment_submission_file(
        actor=portal.employer_a,
        establishment=portal.est_a,
        name="Textiles planta 1",
        address="Km 5 carretera al norte",
        locality="Choloma",
        isic_code="1410",
        workers_female=80,
        workers_male=20,
    )
    assert submission.is_update
    establishment_submission_decide(submission=submission, accept=True, note="", actor=portal.clerk)
    portal.est_a.refresh_from_db()
    assert (portal.est_a.locality, portal.est_a.workers_female) == ("Choloma", 80)
    assert AuditEvent.objects.filter(
        action="establishment.updated", subject_id=str(portal.est_a.pk), actor_id=portal.clerk.pk
    ).exists()


def test_refusal_needs_a_reason_and_the_employer_reads_it(portal, client_for, ministry):
    submission = _file(portal)
    with pytest.raises(ValidationError):
        establishment_submission_decide(
            submission=submission, accept=False, note="  ", actor=portal.clerk
        )
    submission.refresh_from_db()
    assert submission.status == EstablishmentSubmission.Status.PENDING
    establishment_submission_decide(
        submission=submission,
        accept=False,
        note="La dirección no existe en el catastro.",
        actor=portal.clerk,
    )
    employer = _client(client_for, ministry, portal.employer_a)
    page = employer.get(f"/portal/establishments/submissions/{submission.pk}/")
    assert "La dirección no existe en el catastro." in page.content.decode()
    assert not Establishment.objects.filter(name="Cafetería El Puerto").exists()
    with pytest.raises(ApplicationError):
        establishment_submission_decide(
            submission=submission, accept=True, note="", actor=portal.clerk
        )


def test_hostile_form_gives_spanish_errors_and_saves_nothing(portal, client_for, ministry):
    employer = _client(client_for, ministry, portal.employer_a, language="es")
    response = employer.post(
        "/portal/establishments/new/",
        {**NEW, "name": "<script>alert(1)</script>", "isic_code": "ABCD"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "No se permiten" in page and "CIIU" in page
    response = employer.post(
        "/portal/establishments/new/",
        {**NEW, "workers_female": "-5", "address": "x" * 100_000},
    )
    assert response.status_code == 200
    assert "mayor o igual a 0" in response.content.decode()
    assert not EstablishmentSubmission.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"isic_code": "99999"}, "isic_code", "quatre chiffres"),
        ({"isic_code": "0000"}, "isic_code", "quatre chiffres"),
        ({"workers_female": -1}, "workers_female", "nombre entier"),
        ({"workers_male": 10**9}, "workers_male", "nombre entier"),
        ({"workers_female": 0, "workers_male": 0}, "workers_male", "au moins un"),
        ({"name": "N" * 301}, "name", "au plus 300 caractères"),
        ({"address": "<img src=x onerror=alert(1)>"}, "address", "chevrons"),
        ({"locality": "Tegus\x00"}, "locality", "chevrons"),
        ({"opened_on": datetime.date(2999, 1, 1)}, "opened_on", "futur"),
    ],
)
def test_hostile_values_are_refused_by_the_service_in_french(portal, changes, field, expected):
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        _file(portal, **changes)
    assert expected in " ".join(exc.value.message_dict[field])
    assert not EstablishmentSubmission.objects.exists()
    assert not AuditEvent.objects.filter(action="establishment_submission.filed").exists()


def test_an_unverified_employer_cannot_submit(
    portal, client_for, ministry, django_capture_on_commit_callbacks
):
    from labourhub.portal.services.accounts import portal_email_confirm

    with django_capture_on_commit_callbacks(execute=True):
        account = signup("employer", "pending")
    portal_email_confirm(token=token_from_outbox())
    with pytest.raises(ApplicationError):
        establishment_submission_file(
            actor=account.user,
            name="Fábrica nueva",
            address="Calle 1",
            locality="Comayagua",
            isic_code="1410",
            workers_female=1,
            workers_male=1,
        )
    client = _client(client_for, ministry, account.user)
    response = client.post("/portal/establishments/new/", {**NEW, "name": "Fábrica nueva"})
    assert response.status_code == 200
    assert "verified by the ministry" in response.content.decode()
    assert not EstablishmentSubmission.objects.exists()


def test_employer_b_sees_nothing_of_employer_a(portal, client_for, ministry):
    submission = _file(portal)
    other = _client(client_for, ministry, portal.employer_b)
    assert other.get(f"/portal/establishments/submissions/{submission.pk}/").status_code == 404
    assert (
        "Cafetería El Puerto"
        not in other.get("/portal/establishments/submissions/").content.decode()
    )
    # Nor may B propose changes to A's establishment.
    assert other.get(f"/portal/establishments/{portal.est_a.pk}/update/").status_code == 404
    assert other.post(f"/portal/establishments/{portal.est_a.pk}/update/", NEW).status_code == 404
    with pytest.raises(ApplicationError):
        establishment_submission_file(
            actor=portal.employer_b,
            establishment=portal.est_a,
            **{**NEW, "workers_female": 1, "workers_male": 1, "opened_on": None},
        )
    assert EstablishmentSubmission.objects.count() == 1
    # A portal account never reaches the clerk's queue.
    assert other.get("/app/portal/establishments/submissions/").status_code in (302, 403)
    # An inspector has no review rights either.
    inspector = _client(client_for, ministry, portal.inspector)
    assert (
        inspector.get(f"/app/portal/establishments/submissions/{submission.pk}/").status_code == 403
    )


@pytest.mark.multi_tenant
def test_another_ministrys_clerk_cannot_reach_submissions(
    portal, client_for, ministry, second_ministry, user_with_role
):
    from tenants.context import ministry_context

    submission = _file(portal)
    browser = client_for(second_ministry)
    with ministry_context(second_ministry):
        far_clerk = user_with_role(Role.CLERK, username="farclerk")
        browser.force_login(far_clerk)
    url = f"/app/portal/establishments/submissions/{submission.pk}/"
    assert browser.get(url).status_code == 404
    assert browser.post(url, {"decision": "refuse", "note": "x"}).status_code == 404
    assert (
        "Cafetería El Puerto"
        not in browser.get("/app/portal/establishments/submissions/").content.decode()
    )
    submission.refresh_from_db()
    assert submission.status == EstablishmentSubmission.Status.PENDING
    # The same page opens for this ministry's clerk: the check can fail.
    assert _client(client_for, ministry, portal.clerk).get(url).status_code == 200
