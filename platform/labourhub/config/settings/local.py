"""`make run`: production-like (DEBUG off) on one machine, with errors explained in the console.

With DEBUG on, every 404 shows the URL map and every 500 a traceback with settings to anyone who
can reach the server; here the browser gets the ordinary error pages and the person running the
stack reads the full traceback in the terminal instead.
"""

from django.core.exceptions import ImproperlyConfigured

from labourhub.config.env import env
from labourhub.config.settings.base import *  # noqa: F403
from labourhub.config.settings.base import INSTALLED_APPS
from labourhub.config.settings.base import LOGGING as _BASE_LOGGING

DEBUG = False
# `make run` seeds the demo ministries: the development data app is part of this profile.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
# `make run` collects static files first (infra/devstack.py): served hashed, pre-compressed
# (gzip and brotli) and cached for a year, as in production.
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
SECRET_KEY = env("SECRET_KEY")
if SECRET_KEY == PUBLIC_DEV_SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY is the published development key; unset it.")
_BASE_LOGGERS: dict[str, object] = _BASE_LOGGING["loggers"]  # type: ignore[assignment]
LOGGING = {
    **_BASE_LOGGING,
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["context"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",  # noqa: F405
        }
    },
    # django.request logs each 500 with its traceback; 404s stay quiet.
    "loggers": {
        **_BASE_LOGGERS,
        "django.request": {"level": "ERROR", "handlers": ["console"], "propagate": False},
    },
}
