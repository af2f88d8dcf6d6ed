"""Per-ministry dispatch: a plugin not active for a ministry contributes nothing there."""

import pytest

from labourhub.accounts.roles import Role
from labourhub.extensions import flatten, hookimpl, hooks_for
from labourhub.extensions.registry import plugin_is_registered
from labourhub.extensions.types import ChecklistDefinition, ChecklistItem

pytestmark = pytest.mark.multi_tenant


class Recorder:
    """A temporary plugin that records every call it receives."""

    def __init__(self):
        self.calls = []

    @hookimpl
    def register_checklists(self, tenant):
        self.calls.append(("register_checklists", tenant.schema_name))
        return [ChecklistDefinition("xx-osh", "OSH", "1", (ChecklistItem("q1", "Exits?"),))]

    @hookimpl
    def case_opened(self, tenant, case, actor):
        self.calls.append(("case_opened", tenant.schema_name))


def test_hooks_run_only_where_the_plugin_is_active(
    ministry, second_ministry, register_temporary_plugin
):
    plugin = register_temporary_plugin(Recorder(), "recorder", active_for=(ministry,))
    here = flatten(hooks_for(ministry).register_checklists(tenant=ministry))
    there = flatten(hooks_for(second_ministry).register_checklists(tenant=second_ministry))
    hooks_for(second_ministry).case_opened(tenant=second_ministry, case=None, actor=None)
    hooks_for(ministry).case_opened(tenant=ministry, case=None, actor=None)
    assert [c.code for c in here] == ["xx-osh"]
    assert there == []
    assert plugin.calls == [("register_checklists", "test"), ("case_opened", "test")]


def test_unregistered_after_the_test():
    assert not plugin_is_registered("recorder")


def test_a_misspelt_hook_fails_at_registration(register_temporary_plugin):
    class Typo:
        @hookimpl
        def register_cheklists(self, tenant):
            return []

    with pytest.raises(Exception, match="register_cheklists"):
        register_temporary_plugin(Typo(), "typo")
    assert not plugin_is_registered("typo")


def test_an_argument_the_spec_lacks_fails_at_registration(register_temporary_plugin):
    class Extra:
        @hookimpl
        def register_checklists(self, tenant, office):
            return []

    with pytest.raises(Exception, match="office"):
        register_temporary_plugin(Extra(), "extra-arg")


def test_activation_is_cached_and_invalidated_on_change(
    ministry, enable_plugin, django_assert_num_queries
):
    from labourhub.extensions import enabled_slugs

    enabled_slugs(ministry)
    with django_assert_num_queries(0):
        assert enabled_slugs(ministry) == frozenset()
    enable_plugin("trade-unions")
    assert "trade-unions" in enabled_slugs(ministry)


def test_deactivation_hides_the_plugin_but_keeps_its_data(
    ministry, enable_plugin, user_with_role, client_for
):
    from labourhub_trade_unions.models import TradeUnion
    from labourhub_trade_unions.services import union_file

    from tenants.context import ministry_context
    from tenants.plugin_services import plugin_deactivate

    enable_plugin("trade-unions")
    with ministry_context(ministry):
        union_file(
            name="Sindicato A",
            kind="industry",
            municipality="Tegucigalpa",
            members_count=40,
            officers=[("Ana", "Presidenta")],
            actor=None,
        )
    plugin_deactivate(ministry=ministry, slug="trade-unions", actor=None)
    client = client_for(ministry)
    client.force_login(user_with_role(Role.SYSTEM_ADMIN))
    assert client.get("/app/x/trade-unions/").status_code == 404
    with ministry_context(ministry):
        assert TradeUnion.objects.filter(name="Sindicato A").exists()
