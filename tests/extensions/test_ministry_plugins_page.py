"""/app/plugins/: a ministry administrator switches on plugins the metadata lets them manage."""

import pytest

from labourhub.accounts.roles import Role
from labourhub.audit.models import AuditEvent
from labourhub.extensions.manager import unregister_plugin
from labourhub.extensions.registry import plugin_app_config, plugin_register_installed
from tenants.models import PluginActivation

pytestmark = pytest.mark.multi_tenant


@pytest.fixture
def registered():
    plugin_register_installed("trade-unions")
    yield
    unregister_plugin("trade-unions")


@pytest.fixture
def ministry_may_activate(monkeypatch):
    meta = plugin_app_config("trade-unions").PluginMeta
    monkeypatch.setattr(meta, "ministry_admin_may_activate", True)


def _client(client_for, ministry, user_with_role, role):
    client = client_for(ministry)
    client.force_login(user_with_role(role))
    return client


def test_admin_switches_on_and_off_where_allowed(
    registered, ministry_may_activate, client_for, ministry, user_with_role
):
    client = _client(client_for, ministry, user_with_role, Role.SYSTEM_ADMIN)
    assert client.get("/app/plugins/").status_code == 200
    response = client.post("/app/plugins/", {"plugin": "trade-unions", "op": "activate"})
    assert response.status_code == 302
    row = PluginActivation.objects.get(ministry=ministry, plugin_slug="trade-unions")
    assert row.enabled and row.changed_by.startswith("test:")
    assert client.get("/app/x/trade-unions/").status_code == 200
    assert (
        client.post("/app/plugins/", {"plugin": "trade-unions", "op": "deactivate"}).status_code
        == 302
    )
    assert client.get("/app/x/trade-unions/").status_code == 404
    assert AuditEvent.objects.filter(action="plugin.deactivated").exists()  # ministry's trail


def test_refused_when_only_the_coordination_unit_may(
    registered, client_for, ministry, user_with_role
):
    client = _client(client_for, ministry, user_with_role, Role.SYSTEM_ADMIN)
    response = client.post("/app/plugins/", {"plugin": "trade-unions", "op": "activate"})
    assert response.status_code == 400
    assert (
        "coordination unit" in response.content.decode()
        or "coordinación" in response.content.decode()
    )
    assert not PluginActivation.objects.filter(plugin_slug="trade-unions").exists()


def test_hostile_input_and_roles(
    registered, ministry_may_activate, client_for, ministry, user_with_role
):
    inspector = _client(client_for, ministry, user_with_role, Role.INSPECTOR)
    assert inspector.get("/app/plugins/").status_code == 403
    admin = _client(client_for, ministry, user_with_role, Role.SYSTEM_ADMIN)
    assert admin.post("/app/plugins/", {"plugin": "../../etc"}).status_code == 404
    bad = admin.post("/app/plugins/", {"plugin": "trade-unions", "config": "{nope"})
    assert bad.status_code == 400
    bad = admin.post(
        "/app/plugins/", {"plugin": "trade-unions", "config": '{"registry_api_key": "plain"}'}
    )
    assert bad.status_code == 400
    assert not PluginActivation.objects.filter(plugin_slug="trade-unions").exists()


def test_a_ministry_admin_changes_only_their_own_ministry(
    registered, ministry_may_activate, client_for, ministry, second_ministry, user_with_role
):
    client = _client(client_for, ministry, user_with_role, Role.SYSTEM_ADMIN)
    client.post(
        "/app/plugins/",
        {"plugin": "trade-unions", "op": "activate", "ministry": second_ministry.pk},
    )
    assert not PluginActivation.objects.filter(ministry=second_ministry).exists()
