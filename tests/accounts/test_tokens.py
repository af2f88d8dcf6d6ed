"""API tokens expire, and end at sign-out (API or browser) and on deactivation."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation
from rest_framework.authtoken.models import Token

from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.audit.models import AuditEvent
from labourhub.testing.pytest_plugin import TEST_PASSWORD


def test_token_stops_working_after_its_lifetime(api_client_for, ministry, user_with_role, settings):
    user = user_with_role(Role.INSPECTOR)
    client = api_client_for(ministry, user)
    assert client.get("/api/v1/me/").status_code == 200
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(
        seconds=settings.API_TOKEN_TTL_SECONDS + 60
    )
    with time_machine.travel(later, tick=False):
        response = client.get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["message"] == "Este token de la API ha caducado. Solicite uno nuevo."
    assert not Token.objects.filter(user=user).exists()
    assert AuditEvent.objects.filter(action="user.token_revoked", subject_id=str(user.pk)).exists()


def test_api_sign_out_revokes_the_token(api_client_for, ministry, user_with_role):
    user = user_with_role(Role.INSPECTOR)
    client = api_client_for(ministry, user)
    assert client.post("/api/v1/auth/token/revoke/").status_code == 204
    assert client.get("/api/v1/me/").status_code == 401


def test_browser_sign_out_revokes_api_tokens(client_for, api_client_for, ministry, user_with_role):
    user = user_with_role(Role.INSPECTOR)
    api = api_client_for(ministry, user)
    browser = client_for(ministry)
    browser.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    browser.post("/app/logout/")
    assert api.get("/api/v1/me/").status_code == 401


def test_revoke_needs_a_signed_in_caller(api_client_for, ministry):
    assert api_client_for(ministry).post("/api/v1/auth/token/revoke/").status_code in (401, 403)


@pytest.mark.parametrize(
    ("username", "password"),
    [("maria.lopez", "maria.lopez-Winter-2026"), ("jperez", "Secure-JPEREZ-2026")],
)
def test_password_containing_the_username_is_refused(in_ministry, username, password):
    with translation.override("es"), pytest.raises(ValidationError) as exc:
        user_create(username=username, password=password, actor=None)
    assert "nombre de usuario" in str(exc.value.message_dict["password"])
