"""Plugin discovery (R23): every entry point in ``labourhub.plugins`` becomes a tenant app."""

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
