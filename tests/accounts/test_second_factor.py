"""A password alone never opens a second-factor account: not the pages, the API or a token."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from labourhub.accounts.roles import Role
from labourhub.testing.pytest_plugin import TEST_PASSWORD


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)


@pytest.fixture
def guarded(user_with_role):
    user = user_with_role(Role.SYSTEM_ADMIN)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user, device


def test_password_only_session_reaches_no_route(client_for, ministry, guarded):
    user, _device = guarded
    client = client_for(ministry)
    client.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    for path in ("/app/", "/app/users/", "/cms-admin/", "/app/documents/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/app/login/otp/", path
    api = client.get("/api/v1/me/")
    assert api.status_code == 403
    assert api.json() == {
        "message": "Primero ingrese el código de su aplicación de autenticación: "
        "esta cuenta requiere un segundo factor.",
        "extra": {},
    }
    assert client.get("/app/login/otp/").status_code == 200


def test_after_the_code_the_session_reaches_pages_and_api(client_for, ministry, guarded):
    user, device = guarded
    client = client_for(ministry)
    client.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    response = client.post("/app/login/otp/", {"token": current_code(device)})
    assert response.status_code == 302 and response["Location"] == "/app/"
    assert client.get("/app/").status_code == 200
    assert client.get("/api/v1/me/").status_code == 200


def test_token_needs_the_code_when_the_account_has_one(api_client_for, ministry, guarded):
    user, device = guarded
    client = api_client_for(ministry)
    url = "/api/v1/auth/token/"
    missing = client.post(url, {"username": user.username, "password": TEST_PASSWORD})
    # No authentication scheme on this endpoint, so DRF answers 403 rather than 401.
    assert missing.status_code == 403
    assert "otp" in missing.json()["message"]
    good = client.post(
        url,
        {"username": user.username, "password": TEST_PASSWORD, "otp": current_code(device)},
    )
    assert good.status_code == 200
    assert good.json()["token"] and good.json()["expires_at"]
    wrong = client.post(
        url, {"username": user.username, "password": TEST_PASSWORD, "otp": "000000"}
    )
    assert wrong.status_code == 403


def test_account_without_authenticator_gets_a_token_with_the_password(
    api_client_for, ministry, user_with_role
):
    user = user_with_role(Role.INSPECTOR)
    response = api_client_for(ministry).post(
        "/api/v1/auth/token/", {"username": user.username, "password": TEST_PASSWORD}
    )
    assert response.status_code == 200
