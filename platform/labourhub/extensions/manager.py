"""The single plugin manager and the per-ministry view of it (R21, R25)."""

from collections.abc import Iterable
from typing import Any

import pluggy

from labourhub.extensions import hookspecs

pm = pluggy.PluginManager("labourhub")
pm.add_hookspecs(hookspecs)

# Core implementations are registered under names starting with this prefix; they are always on.
CORE_PREFIX = "core:"


def plugin_names() -> list[str]:
    return [name for name, _plugin in pm.list_name_plugin() if name is not None]


def register_core(module: Any, name: str) -> None:
    full = CORE_PREFIX + name
    if pm.get_plugin(full) is None:
        pm.register(module, name=full)


def register_plugin(obj: Any, slug: str) -> None:
    if pm.get_plugin(slug) is None:
        pm.register(obj, name=slug)
    _cache.clear()


def unregister_plugin(slug: str) -> None:
    plugin = pm.get_plugin(slug)
    if plugin is not None:
        pm.unregister(plugin, name=slug)
    _cache.clear()


class _TenantHooks:
    """Attribute access returns a hook caller that skips plugins not enabled for the tenant."""

    def __init__(self, disabled: frozenset[str]) -> None:
        self._disabled = disabled
        self._callers: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        caller = self._callers.get(name)
        if caller is None:
            removed = [p for p in (pm.get_plugin(n) for n in self._disabled) if p is not None]
            caller = pm.subset_hook_caller(name, remove_plugins=removed)
            self._callers[name] = caller
        return caller


_cache: dict[tuple[str, frozenset[str]], _TenantHooks] = {}


def hooks_for_enabled(schema_name: str, enabled: Iterable[str]) -> _TenantHooks:
    enabled_set = frozenset(enabled)
    disabled = frozenset(n for n in plugin_names()
                         if not n.startswith(CORE_PREFIX) and n not in enabled_set)
    key = (schema_name, disabled)
    hooks = _cache.get(key)
    if hooks is None:
        hooks = _cache[key] = _TenantHooks(disabled)
    return hooks


def flatten(results: Iterable[Iterable[Any] | None]) -> list[Any]:
    """``register_*`` hooks return lists; callers want one list."""
    return [item for result in results if result for item in result]

