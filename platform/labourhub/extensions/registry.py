"""Which plugins are installed here (Django apps) and registered (pluggy), and how to load one."""

import importlib
from typing import Any

from django.apps import apps

from labourhub.extensions.manager import pm, register_plugin
from labourhub.extensions.plugin import PluginAppConfig


def plugin_app_configs() -> dict[str, PluginAppConfig]:
    """Installed plugin apps by slug."""
    return {c.PluginMeta.slug: c for c in apps.get_app_configs() if isinstance(c, PluginAppConfig)}


def plugin_app_config(slug: str) -> PluginAppConfig | None:
    return plugin_app_configs().get(slug)


def plugin_register_installed(slug: str) -> Any:
    """Register the hooks module of installed plugin ``slug`` (idempotent); returns the module."""
    config = plugin_app_config(slug)
    if config is None:
        raise LookupError(f"No installed plugin app has PluginMeta.slug {slug!r}.")
    existing = pm.get_plugin(slug)
    if existing is not None:
        return existing
    module = importlib.import_module(config.hooks_path)
    register_plugin(module, slug)
    return module


def plugin_is_registered(slug: str) -> bool:
    return pm.get_plugin(slug) is not None
