from django.core.exceptions import ImproperlyConfigured

from labourhub.config.env import env
from labourhub.config.settings.base import *  # noqa: F403

DEBUG = False
WHITENOISE_AUTOREFRESH = False
# Only the collected (hashed, compressed) files: the apps' plain copies would shadow them.
WHITENOISE_USE_FINDERS = False
SECRET_KEY = env("SECRET_KEY")
if SECRET_KEY == PUBLIC_DEV_SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY is the published development key; set a real one.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ENGINE"] = "django_tenants.postgresql_backend"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS only: redirect plain HTTP and tell browsers never to try it again (HSTS). The health
# probe is exempt because the orchestrator calls it over plain HTTP inside the cluster.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^health/", r"^metrics$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECRETS_DIR = env.path("SECRETS_DIR", default="/run/secrets/labourhub")
DOCUMENT_SIGNING_DEMO_CA = env.bool("DOCUMENT_SIGNING_DEMO_CA", default=False)
BACKUP_KEY_AUTOCREATE = env.bool("BACKUP_KEY_AUTOCREATE", default=False)

# Log shippers read one JSON object per line; set LOG_FORMAT=text to read logs by eye.
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # type: ignore[index]  # noqa: F405
