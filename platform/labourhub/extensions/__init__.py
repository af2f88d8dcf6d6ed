"""The plugin host: hookspecs, the plugin manager and per-ministry dispatch.

Plugins and core code call hooks only through ``hooks_for(tenant)`` or ``current_hooks()``,
never ``pm.hook`` directly, so a plugin that a ministry has not enabled contributes nothing there.
"""

from typing import Any

from django.db import connection

from labourhub.extensions.hookspecs import hookimpl, hookspec
from labourhub.extensions.manager import (
    activation_cache_clear,
    enabled_slugs_cached,
    flatten,
    hooks_for_enabled,
)


def enabled_slugs(tenant: Any) -> frozenset[str]:
    """Slugs of the plugins active for ``tenant`` (cached; see manager.ACTIVATION_TTL)."""
    from tenants.selectors import plugin_enabled_slugs

    if tenant is None or getattr(tenant, "pk", None) is None:
        return frozenset()
    schema = str(tenant.schema_name)
    return enabled_slugs_cached(schema, lambda: plugin_enabled_slugs(ministry=tenant))


def hooks_for(tenant: Any) -> Any:
    """Hook callers that reach only the core and the plugins active for ``tenant``."""
    schema = getattr(tenant, "schema_name", "public")
    return hooks_for_enabled(schema, enabled_slugs(tenant))


def current_hooks() -> Any:
    return hooks_for(getattr(connection, "tenant", None))


def plugin_is_active(tenant: Any, slug: str) -> bool:
    return slug in enabled_slugs(tenant)


def plugin_config(tenant: Any, slug: str) -> dict[str, Any]:
    """The validated configuration ``slug`` has for ``tenant`` ({} when not active)."""
    from tenants.selectors import plugin_activation_get

    if tenant is None or getattr(tenant, "pk", None) is None:
        return {}
    activation = plugin_activation_get(ministry=tenant, slug=slug)
    return dict(activation.config) if activation is not None and activation.enabled else {}


__all__ = [
    "activation_cache_clear",
    "current_hooks",
    "enabled_slugs",
    "flatten",
    "hookimpl",
    "hooks_for",
    "hookspec",
    "plugin_config",
    "plugin_is_active",
]
