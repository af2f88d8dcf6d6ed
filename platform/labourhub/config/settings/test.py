from labourhub.config.env import BASE_DIR, env
from labourhub.config.settings.base import *  # noqa: F403
from labourhub.config.settings.base import INSTALLED_APPS, STORAGES

DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
# The live half of a split `make test` keeps its own (infra/devstack.py).
SECRETS_DIR = env.path("SECRETS_DIR", default=BASE_DIR / ".run" / "secrets-test")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests read the apps' files by their plain names; the live static-files test collects them
# once (STATIC_COLLECTED=1) to check what `make run` and production serve.
if not env.bool("STATIC_COLLECTED", default=False):
    STORAGES = {
        **STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "KEY_FUNCTION": "django_tenants.cache.make_key",
        "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
    }
}

# Tests and development post events to receivers on this machine.
INTEROP_WEBHOOK_ALLOW_HTTP = True
