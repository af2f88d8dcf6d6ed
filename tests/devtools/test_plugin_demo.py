from devtools.demo import plugins as plugin_services
from labourhub.accounts.models import User
from labourhub.extensions.manager import unregister_plugin
from labourhub.extensions.registry import plugin_register_installed
from tenants.context import ministry_context
from tenants.models import PluginActivation


def test_demo_activation_is_idempotent_and_runs_inside_a_ministry_context(ministry, monkeypatch):
    monkeypatch.setitem(plugin_services.DEMO_PLUGINS, "test", ["trade-unions"])
    plugin_register_installed("trade-unions")
    try:
        # seed_demo calls it with the ministry's schema active.
        with ministry_context(ministry):
            assert plugin_services.plugins_demo_activate(ministry=ministry) == ["trade-unions"]
            assert plugin_services.plugins_demo_activate(ministry=ministry) == []
        assert PluginActivation.objects.get(ministry=ministry).plugin_slug == "trade-unions"
        # the console's demo operator lives in the public schema only
        assert User.objects.filter(username=plugin_services.DEMO_OPERATOR).count() == 1
        with ministry_context(ministry):
            assert not User.objects.filter(username=plugin_services.DEMO_OPERATOR).exists()
    finally:
        unregister_plugin("trade-unions")


def test_demo_activation_skips_plugins_not_installed(second_ministry):
    assert plugin_services.plugins_demo_activate(ministry=second_ministry) == []
