"""Fixtures shared by the workflow, enforcement and complaints suites (imported by their conftests)."""

from typing import Any

import pytest

from labourhub.accounts.roles import Role


@pytest.fixture
def staff(user_with_role: Any) -> dict[str, Any]:
    """One user per role that the enforcement chain needs, all in office T-DIS."""
    return {
        "inspector": user_with_role(Role.INSPECTOR, username="insp"),
        "supervisor": user_with_role(Role.SUPERVISOR, username="sup"),
        "legal": user_with_role(Role.LEGAL_OFFICER, username="legal"),
        "director": user_with_role(Role.DIRECTOR, username="dir"),
        "clerk": user_with_role(Role.CLERK, username="clerk"),
        "admin": user_with_role(Role.SYSTEM_ADMIN, username="sysadmin"),
    }


@pytest.fixture
def client_for(client_for):
    """The plugin's client, reading pages in English so assertions match the source strings."""
    from django.conf import settings

    def make(ministry):
        client = client_for(ministry)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return make


@pytest.fixture
def api_client_for(api_client_for):
    from django.conf import settings

    def make(ministry, user=None):
        client = api_client_for(ministry, user=user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return make
