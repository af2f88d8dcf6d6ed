"""The coordination unit's console at the apex host (public schema)."""

import pytest
from django.test import Client

from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tenants.context import public_context
from tenants.models import PluginActivation, Release

pytestmark = pytest.mark.multi_tenant


def _operator(username="operator", roles=(Role.SYSTEM_ADMIN,)):
    with public_context():
        user = user_create(username=username, password=TEST_PASSWORD, roles=list(roles), actor=None)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_console_shows_ministries_plugins_and_versions(ministry, second_ministry):
    page = _operator().get("/console/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Test Ministry of Labour" in body and "Second Test Ministry" in body
    assert "trade-unions" in body


def test_console_requires_an_operator(db):
    anonymous = Client(HTTP_HOST="localhost")
    assert anonymous.get("/console/").status_code == 302
    clerk = _operator("public-clerk", roles=(Role.CLERK,))
    assert clerk.get("/console/").status_code == 403


def test_console_does_not_exist_on_a_ministry_host(client_for, ministry, user_with_role):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.SYSTEM_ADMIN))
    assert client.get("/console/").status_code == 404


def test_activation_through_the_console(ministry, enable_plugin):
    from labourhub.extensions.manager import unregister_plugin
    from labourhub.extensions.registry import plugin_register_installed

    plugin_register_installed("trade-unions")
    try:
        client = _operator()
        url = f"/console/ministries/{ministry.schema_name}/plugins/"
        assert client.get(url).status_code == 200
        bad = client.post(
            url,
            {
                "plugin": "trade-unions",
                "op": "activate",
                "trade-unions-config": '{"registry_api_key": "plain"}',
            },
        )
        assert bad.status_code == 400
        assert "$secret" in bad.content.decode()
        assert "plain" in bad.content.decode()  # what was typed is kept in the form
        assert not PluginActivation.objects.filter(plugin_slug="trade-unions").exists()
        broken = client.post(
            url, {"plugin": "trade-unions", "op": "activate", "trade-unions-config": "{not json"}
        )
        assert broken.status_code == 400
        ok = client.post(
            url,
            {
                "plugin": "trade-unions",
                "op": "activate",
                "trade-unions-config": '{"min_members": 30}',
            },
        )
        assert ok.status_code == 302
        assert PluginActivation.objects.get(plugin_slug="trade-unions").enabled
        off = client.post(url, {"plugin": "trade-unions", "op": "deactivate"})
        assert off.status_code == 302
        assert not PluginActivation.objects.get(plugin_slug="trade-unions").enabled
    finally:
        unregister_plugin("trade-unions")


def test_release_pages_and_live_progress(ministry, settings):
    settings.CELERY_BROKER_URL = "redis://eager-in-tests"
    client = _operator()
    bad = client.post("/console/", {"version": "<b>v1</b>"})
    assert bad.status_code == 400
    assert not Release.objects.exists()
    created = client.post("/console/", {"version": "0.1.9", "notes": "no-op"})
    assert created.status_code == 302
    release = Release.objects.get(version="0.1.9")
    page = client.get(created["Location"])
    assert page.status_code == 200 and "htmx.min.js" in page.content.decode()
    refused = client.post(created["Location"], {"op": "all"})
    assert refused.status_code == 400  # canary first
    progress = client.get(f"/console/releases/{release.pk}/progress/")
    assert progress.status_code == 200 and "<html" not in progress.content.decode()
