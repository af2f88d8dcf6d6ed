"""Hook specifications: the contract between the core and country plugins (R21, R27, R31).

Every hookspec has a one-line docstring and a section in docs/plugins/hooks.md; a test fails
when they drift apart. Arguments are keyword-only in spirit (pluggy passes them by name), always
include ``tenant``, and an implementation may accept any subset of them.
"""

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("labourhub")
hookimpl = pluggy.HookimplMarker("labourhub")


@hookspec
def register_menu_items(tenant: Any, user: Any) -> list[Any]:
    """Return MenuItem objects to add to the staff menu of ``tenant`` for ``user``."""


@hookspec
def register_establishment_fields(tenant: Any) -> list[Any]:
    """Return ExtraField definitions (country identifiers, extra data) for establishments."""


@hookspec(firstresult=True)
def plugin_is_available(tenant: Any) -> bool | None:
    """Return False when this plugin cannot be activated for ``tenant`` (e.g. wrong country)."""


@hookspec
def plugin_enabled(tenant: Any) -> None:
    """Called once when the plugin is activated for ``tenant``; seed its per-ministry data here."""


@hookspec
def plugin_disabled(tenant: Any) -> None:
    """Called when the plugin is deactivated for ``tenant``; must never delete data."""
