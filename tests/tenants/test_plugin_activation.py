"""Activation per ministry: validated config, secrets as references, audited, country-checked."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.extensions.manager import unregister_plugin
from labourhub.extensions.registry import plugin_register_installed
from tenants.context import ministry_context
from tenants.models import PluginActivation
from tenants.plugin_services import plugin_activate, plugin_configure
from tests.extensions.effects import effect_of

pytestmark = pytest.mark.multi_tenant


@pytest.fixture
def registered():
    plugin_register_installed("trade-unions")
    yield
    unregister_plugin("trade-unions")


def test_activation_is_audited_in_public_and_in_the_ministry(ministry, registered):
    plugin_activate(ministry=ministry, slug="trade-unions", config={"min_members": 25}, actor=None)
    row = PluginActivation.objects.get(ministry=ministry, plugin_slug="trade-unions")
    assert row.enabled and row.config["min_members"] == 25
    assert AuditEvent.objects.filter(action="plugin.activated").exists()
    with ministry_context(ministry):
        assert AuditEvent.objects.filter(action="plugin.activated").exists()


def test_plaintext_secret_is_refused_and_nothing_saved(ministry, registered):
    # Counted, not "none at all": live tests elsewhere commit activations of their own.
    activations_before = AuditEvent.objects.filter(action="plugin.activated").count()
    with translation.override("es"), pytest.raises(ValidationError) as exc:
        plugin_activate(
            ministry=ministry,
            slug="trade-unions",
            config={"registry_api_key": "s3cr3t-in-clear"},
            actor=None,
        )
    assert "registry_api_key" in str(exc.value.message_dict["config"])
    assert not PluginActivation.objects.filter(plugin_slug="trade-unions").exists()
    assert AuditEvent.objects.filter(action="plugin.activated").count() == activations_before


def test_secret_reference_is_accepted(ministry, registered):
    ref = {"$secret": "hn/trade-unions/registry_api_key"}
    row = plugin_activate(
        ministry=ministry, slug="trade-unions", config={"registry_api_key": ref}, actor=None
    )
    assert row.config["registry_api_key"] == ref


@pytest.mark.parametrize(
    "config",
    [
        {"min_members": -3},
        {"min_members": "many"},
        {"unknown_setting": 1},
        {"certificate_prefix": "<script>"},
        ["not", "an", "object"],
    ],
)
def test_hostile_config_is_refused(ministry, registered, config):
    with pytest.raises(ValidationError):
        plugin_activate(ministry=ministry, slug="trade-unions", config=config, actor=None)
    assert not PluginActivation.objects.filter(plugin_slug="trade-unions").exists()


@effect_of("plugin_is_available")
def test_not_available_outside_its_countries(second_ministry, registered):
    with pytest.raises(ApplicationError, match="not available"):
        plugin_activate(ministry=second_ministry, slug="trade-unions", actor=None)


def test_unknown_plugin_is_refused(ministry):
    with pytest.raises(ApplicationError, match="not installed"):
        plugin_activate(ministry=ministry, slug="no-such-plugin", actor=None)


def test_reconfigure_keeps_previous_value_on_error(ministry, registered):
    plugin_activate(ministry=ministry, slug="trade-unions", config={"min_members": 25}, actor=None)
    with pytest.raises(ValidationError):
        plugin_configure(
            ministry=ministry, slug="trade-unions", config={"min_members": 0}, actor=None
        )
    row = PluginActivation.objects.get(plugin_slug="trade-unions")
    assert row.config["min_members"] == 25


def test_reconfigure_is_audited_with_before_and_after(ministry, registered):
    plugin_activate(ministry=ministry, slug="trade-unions", config={"min_members": 25}, actor=None)
    plugin_configure(ministry=ministry, slug="trade-unions", config={"min_members": 40}, actor=None)
    assert PluginActivation.objects.get(plugin_slug="trade-unions").config["min_members"] == 40
    event = AuditEvent.objects.filter(action="plugin.configured").get()
    assert event.changes["config"][0]["min_members"] == 25
    assert event.changes["config"][1]["min_members"] == 40
