from labourhub.config.env import env
from labourhub.config.settings.base import *  # noqa: F403
from labourhub.config.settings.base import INSTALLED_APPS

DEBUG = env.bool("DEBUG", default=True)
# Demo seeding and benchmark generators (repository root, not shipped): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]

# Development posts events to receivers on this machine.
INTEROP_WEBHOOK_ALLOW_HTTP = env.bool("INTEROP_WEBHOOK_ALLOW_HTTP", default=True)
