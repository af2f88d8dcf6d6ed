import base64
from urllib.parse import urlencode

import pytest

from labourhub.accounts.roles import Role
from tests.case_fixtures import api_client_for, client_for, staff  # noqa: F401


@pytest.fixture
def register(user_with_role):
    """Register a partner in the active ministry as its administrator; returns the credentials."""
    from labourhub.interop.services import partner_client_register

    admin = user_with_role(Role.SYSTEM_ADMIN, username="partneradmin")

    def make(scopes=("cases:read",), name="Social security"):
        return partner_client_register(
            name=name, contact="ict@example.org", allowed_scopes=list(scopes), actor=admin
        )

    make.admin = admin
    return make


def basic(client_id, secret):
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


@pytest.fixture
def token_for(api_client_for):  # noqa: F811
    """POST the client-credentials grant the way a partner does; returns the response."""

    def get(ministry, credentials, scope=None, secret=None):
        client = api_client_for(ministry)
        data = {"grant_type": "client_credentials"}
        if scope is not None:
            data["scope"] = scope
        return client.post(
            "/api/v1/oauth/token/",
            urlencode(data),
            content_type="application/x-www-form-urlencoded",
            HTTP_AUTHORIZATION=basic(credentials.client_id, secret or credentials.client_secret),
        )

    return get


@pytest.fixture
def partner_client(api_client_for, token_for):  # noqa: F811
    """An API client carrying a fresh bearer token of ``credentials``."""

    def make(ministry, credentials, scope=None):
        response = token_for(ministry, credentials, scope=scope)
        assert response.status_code == 200, response.content
        client = api_client_for(ministry)
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access_token']}")
        client.token = response.json()
        return client

    return make
