"""Portal accounts may add an authenticator: enrolment, the code step at sign-in, switching off."""

import time

import pytest
from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from labourhub.audit.events import AuditAction
from labourhub.audit.models import AuditEvent
from labourhub.portal.views.security import PENDING_SINCE
from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tests.accounts.test_second_factor import current_code
from tests.portal.conftest import PASSWORD

SECURITY = "/portal/account/security/"
OTP_STEP = "/portal/login/otp/"
INVALID_ES = "Ese código no es válido"


def _signed_in(client_for, ministry, user):
    client = client_for(ministry)
    client.force_login(user)
    return client


def _enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def _password_step(client, user):
    return client.post("/portal/login/", {"username": user.username, "password": PASSWORD})


def _actions(user) -> list[str]:
    rows = AuditEvent.objects.filter(subject_id=str(user.pk), actor_id=user.pk)
    return list(rows.order_by("pk").values_list("action", flat=True))


def test_security_page_is_in_the_portal_menu_and_in_spanish(portal, client_for, ministry):
    for user in (portal.employer_a, portal.worker):
        client = _signed_in(client_for, ministry, user)
        home = client.get("/portal/").content.decode()
        assert f'href="{SECURITY}"' in home and "Seguridad del inicio de sesión" in home
        page = client.get(SECURITY)
        assert page.status_code == 200
        assert "Configurar el inicio de sesión en dos pasos" in page.content.decode()


def test_enrolment_start_wrong_code_then_right_code(portal, client_for, ministry):
    user = portal.employer_a
    client = _signed_in(client_for, ministry, user)
    assert client.post(SECURITY, {"step": "start"}).status_code == 302
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    page = client.get(SECURITY).content.decode()
    assert "<svg" in page and "Escanee este código" in page
    wrong = client.post(SECURITY, {"step": "confirm", "token": "000000"})
    assert wrong.status_code == 400 and INVALID_ES in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    device.throttle_reset()
    right = client.post(SECURITY, {"step": "confirm", "token": current_code(device)})
    assert right.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    # The session that proved the code stays open; it is not sent to the code step.
    assert client.get("/portal/inbox/").status_code == 200
    assert "está activado" in client.get(SECURITY).content.decode()
    assert _actions(user)[-2:] == [AuditAction.USER_TOTP_STARTED, AuditAction.USER_TOTP_ENABLED]


def test_switching_off_needs_a_current_code_and_is_audited(portal, client_for, ministry):
    user = portal.worker
    device = _enrolled(user)
    client = client_for(ministry)
    _password_step(client, user)
    client.post(OTP_STEP, {"token": current_code(device)})
    wrong = client.post(SECURITY, {"step": "disable", "token": "000000"})
    assert wrong.status_code == 400 and INVALID_ES in wrong.content.decode()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    # django-otp refuses a code already used once, so wait for the device's next step.
    device.refresh_from_db()
    device.last_t = -1
    device.throttle_reset(commit=False)
    device.save()
    off = client.post(SECURITY, {"step": "disable", "token": current_code(device)})
    assert off.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert _actions(user)[-1] == AuditAction.USER_TOTP_DISABLED
    again = client_for(ministry)
    assert _password_step(again, user)["Location"] == "/portal/"


def test_sign_in_without_an_authenticator_is_the_password_alone(portal, client_for, ministry):
    client = client_for(ministry)
    response = _password_step(client, portal.employer_a)
    assert response.status_code == 302 and response["Location"] == "/portal/"
    assert client.get("/portal/inbox/").status_code == 200


def test_password_alone_does_not_sign_in_an_account_with_an_authenticator(
    portal, client_for, ministry
):
    user = portal.employer_a
    device = _enrolled(user)
    client = client_for(ministry)
    response = _password_step(client, user)
    assert response.status_code == 302 and response["Location"] == OTP_STEP
    assert "_auth_user_id" not in client.session
    inbox = client.get("/portal/inbox/")
    assert inbox.status_code == 302 and inbox["Location"].startswith("/portal/login/")
    step = client.get(OTP_STEP)
    assert step.status_code == 200 and "Ingrese el código" in step.content.decode()
    wrong = client.post(OTP_STEP, {"token": "000000"})
    assert wrong.status_code == 400 and INVALID_ES in wrong.content.decode()
    assert "_auth_user_id" not in client.session
    # django-otp makes the next try wait a moment after a wrong code; a person takes longer.
    device.refresh_from_db()
    device.throttle_reset()
    right = client.post(OTP_STEP, {"token": current_code(device)})
    assert right.status_code == 302 and right["Location"] == "/portal/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/portal/inbox/").status_code == 200
    failed = AuditEvent.objects.filter(action=AuditAction.AUTH_LOGIN_FAILED)
    assert failed.filter(subject_id=str(user.pk)).count() == 1
    assert _actions(user)[-1] == AuditAction.AUTH_LOGGED_IN


def test_the_code_step_expires_and_needs_the_password_first(portal, client_for, ministry):
    user = portal.employer_a
    device = _enrolled(user)
    client = client_for(ministry)
    assert client.get(OTP_STEP)["Location"] == "/portal/login/"
    _password_step(client, user)
    session = client.session
    session[PENDING_SINCE] = int(time.time()) - 3600
    session.save()
    late = client.post(OTP_STEP, {"token": current_code(device)})
    assert late.status_code == 302 and late["Location"] == "/portal/login/"
    assert "_auth_user_id" not in client.session


def test_wrong_codes_lock_the_account_like_wrong_passwords(portal, client_for, ministry):
    user = portal.employer_a
    device = _enrolled(user)
    client = client_for(ministry)
    _password_step(client, user)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(OTP_STEP, {"token": "000000"}).status_code == 400
    locked = client.post(OTP_STEP, {"token": "000000"})
    assert locked.status_code == 429 and "bloqueada" in locked.content.decode()
    # Neither the right code nor the right password opens it while locked.
    assert client.post(OTP_STEP, {"token": current_code(device)}).status_code == 429
    assert "_auth_user_id" not in client.session
    fresh = client_for(ministry)
    assert _password_step(fresh, user).status_code == 429
    assert "_auth_user_id" not in fresh.session


@pytest.mark.parametrize(
    "token",
    [
        "1" * 5000,
        "12\x0034",
        "123 456",
        "<script>",
        "\uff11\uff12\uff13\uff14\uff15\uff16x",
        "12345\u202e6",
    ],
)
def test_hostile_codes_change_nothing(portal, client_for, ministry, token):
    user = portal.employer_a
    client = _signed_in(client_for, ministry, user)
    client.post(SECURITY, {"step": "start"})
    response = client.post(SECURITY, {"step": "confirm", "token": token})
    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    other = portal.worker
    device = _enrolled(other)
    signing_in = client_for(ministry)
    _password_step(signing_in, other)
    step = signing_in.post(OTP_STEP, {"token": token})
    assert step.status_code == 400
    assert "_auth_user_id" not in signing_in.session
    disable = _signed_in(client_for, ministry, other)
    disable.post(SECURITY, {"step": "disable", "token": token})
    assert TOTPDevice.objects.filter(pk=device.pk, confirmed=True).exists()


def test_hostile_step_values_are_ignored(portal, client_for, ministry):
    user = portal.employer_a
    client = _signed_in(client_for, ministry, user)
    for step in ("delete", "x" * 3000, "start\x00", ""):
        response = client.post(SECURITY, {"step": step, "token": "123456"})
        assert response.status_code in (200, 400)
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_another_employer_sees_and_changes_nothing_of_a(portal, client_for, ministry):
    a = portal.employer_a
    device = _enrolled(a)
    client_b = _signed_in(client_for, ministry, portal.employer_b)
    page = client_b.get(SECURITY).content.decode()
    assert "Configurar el inicio de sesión en dos pasos" in page
    # B's form acts on B's own account only, even with A's current code and A's id.
    response = client_b.post(
        SECURITY, {"step": "disable", "token": current_code(device), "user": a.pk}
    )
    assert response.status_code == 400
    assert TOTPDevice.objects.filter(pk=device.pk, confirmed=True).exists()
    assert not TOTPDevice.objects.filter(user=portal.employer_b).exists()


@pytest.mark.multi_tenant
def test_another_ministry_cannot_reach_the_security_page_or_the_code_step(
    portal, client_for, ministry, second_ministry
):
    a = portal.employer_a
    device = _enrolled(a)
    mine = client_for(ministry)
    _password_step(mine, a)
    mine.post(OTP_STEP, {"token": current_code(device)})
    assert mine.get(SECURITY).status_code == 200
    other = client_for(second_ministry)
    other.cookies["sessionid"] = mine.cookies["sessionid"].value
    page = other.get(SECURITY)
    assert page.status_code == 302 and "/login/" in page["Location"]
    posted = other.post(SECURITY, {"step": "disable", "token": "123456"})
    assert posted.status_code == 302
    assert other.get(OTP_STEP)["Location"] == "/portal/login/"
    assert TOTPDevice.objects.filter(pk=device.pk, confirmed=True).exists()
    # A's username and password do not sign in to the other ministry either.
    assert (
        other.post("/portal/login/", {"username": a.username, "password": PASSWORD}).status_code
        == 200
    )


def test_a_session_from_before_enrolment_must_give_the_code(portal, client_for, ministry):
    user = portal.employer_a
    laptop = _signed_in(client_for, ministry, user)
    device = _enrolled(user)
    response = laptop.get("/portal/inbox/")
    assert response.status_code == 302 and response["Location"] == OTP_STEP
    assert laptop.get("/app/")["Location"] in ("/portal/", "/app/login/otp/")
    assert laptop.post(OTP_STEP, {"token": current_code(device)})["Location"] == "/portal/"
    assert laptop.get("/portal/inbox/").status_code == 200


def test_staff_second_factor_is_unchanged(portal, client_for, ministry, user_with_role):
    from labourhub.accounts.roles import Role

    staff = user_with_role(Role.SUPERVISOR, username="otpstaff")
    device = _enrolled(staff)
    client = client_for(ministry)
    response = client.post("/app/login/", {"username": staff.username, "password": TEST_PASSWORD})
    assert response["Location"] == "/app/login/otp/"
    assert client.get("/app/")["Location"] == "/app/login/otp/"
    # Signing in on the portal's page sends staff to the staff app and its own code step.
    portal_client = client_for(ministry)
    signed = portal_client.post(
        "/portal/login/", {"username": staff.username, "password": TEST_PASSWORD}
    )
    assert signed["Location"] == "/app/"
    assert portal_client.get("/app/")["Location"] == "/app/login/otp/"
    assert portal_client.get(OTP_STEP)["Location"] == "/app/"
    assert client.post("/app/login/otp/", {"token": current_code(device)})["Location"] == "/app/"
    assert client.get("/app/").status_code == 200


def test_the_new_words_read_in_french_and_spanish():
    from django.utils import translation

    with translation.override("fr"):
        assert translation.gettext("Sign-in security") == "Sécurité de la connexion"
        assert str(AuditAction.USER_TOTP_DISABLED.label) == "Connexion en deux étapes désactivée"
    with translation.override("es"):
        assert translation.gettext("Two-step sign-in is off.").startswith("El inicio de sesión")
