"""Plugin discovery (R23): every entry point in ``labourhub.plugins`` becomes a tenant app."""

import os
from importlib.metadata import entry_points

from labourhub.config.env import env

PLUGINS_EXCLUDE = set(env.list("LABOURHUB_PLUGINS_EXCLUDE", default=[]))
PLUGINS_ONLY = set(env.list("LABOURHUB_PLUGINS_ONLY", default=[]))

PLUGIN_ENTRY_POINTS = [
    ep
    for ep in entry_points(group="labourhub.plugins")
    if ep.name not in PLUGINS_EXCLUDE and (not PLUGINS_ONLY or ep.name in PLUGINS_ONLY)
]
PLUGIN_APPS = sorted(ep.name for ep in PLUGIN_ENTRY_POINTS)
# Django app name -> module of @hookimpl functions (the entry point's value).
PLUGIN_HOOKS = {ep.name: ep.value for ep in PLUGIN_ENTRY_POINTS}
# R48: installed plugins are Django apps everywhere (their tables exist in every schema), but the
# test settings never register their hooks implicitly; tests use the enable_plugin fixture.
PLUGINS_AUTOLOAD = env.bool(
    "LABOURHUB_PLUGINS_AUTOLOAD",
    default=not os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith(".test"),
)
