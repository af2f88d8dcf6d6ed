"""The single plugin manager and the per-ministry view of it.

Dispatch per ministry: ``hooks_for_enabled`` returns a proxy whose attributes are
``pm.subset_hook_caller(name, remove_plugins=<registered plugins not enabled there>)``. Proxies
are cached per (schema, disabled set); the set of enabled slugs per schema is cached for
``ACTIVATION_TTL`` seconds and dropped at once in this process when an activation changes
(``activation_cache_clear``), so other web/worker processes see a change within the TTL.
"""

import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

import pluggy

from labourhub.extensions import hookspecs
from labourhub.extensions.typed import TypedCaller, result_shape

pm = pluggy.PluginManager("labourhub")
pm.add_hookspecs(hookspecs)

# Core implementations are registered under names starting with this prefix; they are always on.
CORE_PREFIX = "core:"
ACTIVATION_TTL = 5.0

_lock = threading.Lock()
_generation = 0
_listeners: list[Callable[[], None]] = []


def generation() -> int:
    """Bumped on every (un)registration; URL resolvers rebuild when it changes."""
    return _generation


def on_registry_change(callback: Callable[[], None]) -> None:
    _listeners.append(callback)


def _changed() -> None:
    global _generation
    with _lock:
        _generation += 1
        _cache.clear()
    for callback in _listeners:
        callback()


def plugin_names() -> list[str]:
    return [str(name) for name, _plugin in pm.list_name_plugin()]


def plugin_slugs() -> list[str]:
    """Registered country/module plugins (not the core's own implementations), sorted."""
    return sorted(n for n in plugin_names() if not n.startswith(CORE_PREFIX))


def register_core(module: Any, name: str) -> None:
    full = CORE_PREFIX + name
    if pm.get_plugin(full) is None:
        pm.register(module, name=full)
        _changed()


def register_plugin(obj: Any, slug: str) -> None:
    """Register ``obj`` (a module of @hookimpl functions) as plugin ``slug``; validates at once."""
    if pm.get_plugin(slug) is None:
        # A misspelt hook or an argument the spec does not have fails here, not in a ministry.
        pm.register(obj, name=slug)
        try:
            pm.check_pending()
        except pluggy.PluginValidationError:
            pm.unregister(name=slug)
            raise
    _changed()


def unregister_plugin(slug: str) -> None:
    plugin = pm.get_plugin(slug)
    if plugin is not None:
        pm.unregister(plugin, name=slug)
    _changed()


def single_plugin_caller(slug: str, hook_name: str) -> Any:
    """A caller for one plugin's implementation only (lifecycle hooks, URL collection)."""
    others = [p for n, p in pm.list_name_plugin() if n != slug]
    return TypedCaller(hook_name, pm.subset_hook_caller(hook_name, remove_plugins=others))


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
            if not hasattr(hookspecs, name):
                raise AttributeError(name)
            result_shape(name)
            removed = [p for p in (pm.get_plugin(n) for n in self._disabled) if p is not None]
            caller = TypedCaller(name, pm.subset_hook_caller(name, remove_plugins=removed))
            self._callers[name] = caller
        return caller


_cache: dict[tuple[str, frozenset[str]], _TenantHooks] = {}
_activations: dict[str, tuple[float, frozenset[str]]] = {}


def hooks_for_enabled(schema_name: str, enabled: Iterable[str]) -> _TenantHooks:
    enabled_set = frozenset(enabled)
    disabled = frozenset(
        n for n in plugin_names() if not n.startswith(CORE_PREFIX) and n not in enabled_set
    )
    key = (schema_name, disabled)
    hooks = _cache.get(key)
    if hooks is None:
        hooks = _cache[key] = _TenantHooks(disabled)
    return hooks


def enabled_slugs_cached(schema_name: str, load: Callable[[], frozenset[str]]) -> frozenset[str]:
    """The enabled slugs of ``schema_name`` from the process cache, loading them when stale."""
    now = time.monotonic()
    hit = _activations.get(schema_name)
    if hit is not None and hit[0] > now:
        return hit[1]
    slugs = load()
    _activations[schema_name] = (now + ACTIVATION_TTL, slugs)
    return slugs


def activation_cache_clear(schema_name: str | None = None) -> None:
    if schema_name is None:
        _activations.clear()
    else:
        _activations.pop(schema_name, None)


def flatten(results: Iterable[Iterable[Any] | None]) -> list[Any]:
    """``register_*`` hooks return lists; callers want one list."""
    return [item for result in results if result for item in result]
