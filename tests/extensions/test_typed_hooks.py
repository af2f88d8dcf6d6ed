"""Hook results are checked against the hookspec's return type, naming plugin and hook."""

import pytest

from labourhub.extensions import flatten, hookimpl, hooks_for
from labourhub.extensions.typed import HookResultError, result_shape
from labourhub.extensions.types import ChecklistDefinition, ChecklistItem
from labourhub.workflow.procedures import procedure_get


class WrongChecklist:
    @hookimpl
    def register_checklists(self, tenant):
        return [{"code": "osh", "label": "OSH"}]  # a dict, not a ChecklistDefinition


class NotAList:
    @hookimpl
    def register_procedure_types(self, tenant):
        return "complaint"


class Fine:
    @hookimpl
    def register_checklists(self, tenant):
        return [ChecklistDefinition("ok", "OK", "1", (ChecklistItem("q", "Q?"),))]


def test_a_wrong_item_type_fails_naming_the_plugin_and_the_hook(
    ministry, register_temporary_plugin
):
    register_temporary_plugin(WrongChecklist(), slug="lc-broken", active_for=(ministry,))
    with pytest.raises(HookResultError) as exc:
        hooks_for(ministry).register_checklists(tenant=ministry)
    message = str(exc.value)
    assert "'lc-broken'" in message
    assert "'register_checklists'" in message
    assert "ChecklistDefinition" in message and "dict" in message


def test_a_result_that_is_not_a_list_fails_where_the_core_uses_it(
    ministry, in_ministry, register_temporary_plugin
):
    register_temporary_plugin(NotAList(), slug="lc-str", active_for=(ministry,))
    with pytest.raises(HookResultError, match=r"'lc-str'.*'register_procedure_types'.*str"):
        procedure_get("complaint")


def test_correct_results_pass_and_other_plugins_are_unaffected(
    ministry, second_ministry, register_temporary_plugin
):
    register_temporary_plugin(Fine(), slug="lc-fine", active_for=(ministry,))
    register_temporary_plugin(WrongChecklist(), slug="lc-broken", active_for=(second_ministry,))
    found = flatten(hooks_for(ministry).register_checklists(tenant=ministry))
    assert [c.code for c in found] == ["ok"]


def test_every_hookspec_declares_a_checkable_return_type():
    from labourhub.extensions import hookspecs
    from tests.extensions.effects import hookspec_names

    for name in hookspec_names(hookspecs):
        shape = result_shape(name)
        if name.startswith("register_"):
            assert shape.many and shape.accepts, name
