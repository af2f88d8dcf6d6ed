"""The plugin host: hookspecs, the plugin manager and per-ministry dispatch (R21-R32).

Plugins and core code call hooks only through ``hooks_for(tenant)`` or ``current_hooks()``,
never ``pm.hook`` directly, so a plugin that a ministry has not enabled contributes nothing there.
"""

from typing import Any

from django.db import connection

from labourhub.extensions.hookspecs import hookimpl, hookspec
from labourhub.extensions.manager import flatten, hooks_for_enabled


def hooks_for(tenant: Any) -> Any:
    from tenants.selectors import plugin_enabled_slugs

    schema = getattr(tenant, "schema_name", "public")
    return hooks_for_enabled(schema, plugin_enabled_slugs(ministry=tenant))


def current_hooks() -> Any:
    return hooks_for(getattr(connection, "tenant", None))


__all__ = ["current_hooks", "flatten", "hookimpl", "hooks_for", "hookspec"]
