"""The worker reads their own examination in the portal, proved by the physician's code."""

import pytest
from django.utils import translation
from labourhub_medical_visits.models import Examination
from labourhub_medical_visits.services import CLAIM_ATTEMPTS, examination_record

from conftest import EXAM
from labourhub.audit.models import AuditEvent
from labourhub.plugin_api import Role

PAGE = "/portal/x/medical-visits/examinations/"


@pytest.fixture
def exam(visited, physician):
    return examination_record(visit=visited, **EXAM, actor=physician)


def _portal_user(user_with_role, kind, username):
    from labourhub.portal.services.accounts import portal_account_attach

    user = user_with_role(Role(kind), username=username)
    portal_account_attach(user=user, kind=kind, actor=None)
    return user


@pytest.fixture
def worker(user_with_role):
    return _portal_user(user_with_role, "worker", "karla")


def _client(client_for, ministry, user, language="en"):
    client = client_for(ministry)
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def test_the_worker_opens_their_examination_with_the_code_and_each_read_is_audited(
    exam, worker, physician, client_for, ministry
):
    # The physician's page shows the code to hand over with the certificate.
    staff = _client(client_for, ministry, physician)
    assert (
        exam.worker_code
        in staff.get(f"/app/x/medical-visits/{exam.visit_id}/health/").content.decode()
    )

    client = _client(client_for, ministry, worker)
    empty = client.get(PAGE)
    assert empty.status_code == 200 and "Hipoacusia" not in empty.content.decode()
    code = exam.worker_code.lower().replace("-", " - ").replace(" ", "")  # typed loosely
    posted = client.post(
        PAGE, {"certificate_number": exam.certificate_number.lower(), "code": code}
    )
    assert posted.status_code == 302
    exam.refresh_from_db()
    assert exam.portal_user_id == worker.pk and exam.claimed_at is not None
    assert (
        AuditEvent.objects.filter(action="medical_visit.examination_claimed", actor=worker).count()
        == 1
    )

    reads = AuditEvent.objects.filter(action="medical_visit.health_data_read", actor=worker)
    before = reads.count()
    page = client.get(PAGE).content.decode()
    assert "Hipoacusia leve bilateral" in page and "No levantar cargas" in page
    assert reads.count() == before + 1
    # The audit never carries the clinical findings.
    assert "Hipoacusia" not in str(list(AuditEvent.objects.values_list("extra", flat=True)))
    # Once claimed, the physician sees that the worker opened it, not the code.
    assert (
        exam.worker_code
        not in staff.get(f"/app/x/medical-visits/{exam.visit_id}/health/").content.decode()
    )


@pytest.mark.parametrize(
    "number, code",
    [
        ("", ""),
        ("HN-0000-00000", "ABCD-EF23"),
        ("' OR 1=1 --", "<script>alert(1)</script>"),
        ("X" * 5000, "Y" * 5000),
        ("\u202enumber", "\x00\x01"),
    ],
)
def test_hostile_or_wrong_claims_get_a_translated_error_and_change_nothing(
    exam, worker, client_for, ministry, number, code
):
    client = _client(client_for, ministry, worker, language="es")
    with translation.override("es"):
        response = client.post(PAGE, {"certificate_number": number, "code": code})
    assert response.status_code == 400
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "Hipoacusia" not in body
    exam.refresh_from_db()
    assert exam.portal_user_id is None
    assert ("obligatorio" in body) or ("código" in body) or ("caracteres" in body)


def test_a_wrong_code_for_a_real_certificate_is_refused_and_guessing_is_stopped(
    exam, worker, client_for, ministry
):
    client = _client(client_for, ministry, worker)
    for _ in range(CLAIM_ATTEMPTS):
        wrong = client.post(
            PAGE, {"certificate_number": exam.certificate_number, "code": "AAAA-AAAA"}
        )
        assert wrong.status_code == 400 and "wrong" in wrong.content.decode()
    # Even the right code is refused once the attempts are spent.
    locked = client.post(
        PAGE, {"certificate_number": exam.certificate_number, "code": exam.worker_code}
    )
    assert locked.status_code == 400 and "Too many" in locked.content.decode()
    exam.refresh_from_db()
    assert exam.portal_user_id is None


def test_other_workers_employers_and_staff_never_see_it(
    exam, worker, user_with_role, client_for, ministry
):
    _client(client_for, ministry, worker).post(
        PAGE, {"certificate_number": exam.certificate_number, "code": exam.worker_code}
    )
    other = _portal_user(user_with_role, "worker", "otro")
    client = _client(client_for, ministry, other)
    assert "Hipoacusia" not in client.get(PAGE).content.decode()
    # The code does not move the examination to a second account.
    taken = client.post(
        PAGE, {"certificate_number": exam.certificate_number, "code": exam.worker_code}
    )
    assert taken.status_code == 400 and "another portal account" in taken.content.decode()
    assert Examination.objects.get(pk=exam.pk).portal_user_id == worker.pk
    employer = _portal_user(user_with_role, "employer", "patron")
    assert _client(client_for, ministry, employer).get(PAGE).status_code == 403
    inspector = user_with_role(Role.INSPECTOR)
    assert _client(client_for, ministry, inspector).get(PAGE).status_code == 403


def test_another_ministry_s_worker_cannot_claim_it(
    exam, second_ministry, client_for, enable_plugin
):
    from labourhub.accounts.services import user_create
    from labourhub.plugin_api.testing import TEST_PASSWORD
    from labourhub.portal.services.accounts import portal_account_attach
    from tenants.context import ministry_context
    from tenants.models import Ministry

    Ministry.objects.filter(pk=second_ministry.pk).update(country="HN")
    second_ministry.refresh_from_db()
    enable_plugin("medical-visits", ministry=second_ministry)
    with ministry_context(second_ministry):
        intruder = user_create(
            username="karla-b", password=TEST_PASSWORD, roles=[Role.WORKER], actor=None
        )
        portal_account_attach(user=intruder, kind="worker", actor=None)
        client = _client(client_for, second_ministry, intruder)
    response = client.post(
        PAGE, {"certificate_number": exam.certificate_number, "code": exam.worker_code}
    )
    assert response.status_code == 400
    assert Examination.objects.get(pk=exam.pk).portal_user_id is None
