from django.utils.translation import gettext_lazy as _

from labourhub.config.env import BASE_DIR, env

# Published in the repository: good for tests and `settings.dev` only; local and prod refuse it.
PUBLIC_DEV_SECRET_KEY = "dev-only-insecure-key-change-me"  # noqa: S105
SECRET_KEY = env("SECRET_KEY", default=PUBLIC_DEV_SECRET_KEY)
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", ".localhost", "127.0.0.1"])
PLATFORM_DOMAIN = env("PLATFORM_DOMAIN", default="localhost")
PLATFORM_PORT = env("PLATFORM_PORT", default="8000")

DJANGO_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_countries",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]
# Partner clients are per ministry: their OAuth2 tables live in each ministry's schema only, so a
# client of one ministry is unknown to every other.
OAUTH_APPS = ["oauth2_provider"]
WAGTAIL_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # Content translation of the LMI site (pages and snippets); replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "modelcluster",
    "taggit",
]
# Apps whose tables exist in the public schema as well as in every ministry schema: public holds
# the coordination unit's operators and the platform-level audit trail.
BOTH_SCHEMAS_APPS = [
    "labourhub.common",
    "labourhub.accounts",
    "labourhub.audit",
]
SHARED_APPS = [
    "django_tenants",
    "tenants",
    *DJANGO_APPS,
    *THIRD_PARTY_APPS,
    *BOTH_SCHEMAS_APPS,
    "labourhub.extensions",
    "labourhub.web",
    "labourhub.api",
]
LOCAL_TENANT_APPS = [
    *BOTH_SCHEMAS_APPS,
    "labourhub.web",
    "cms",
    "labourhub.registry",
    "labourhub.documents",
    "labourhub.inspections",
    "labourhub.workflow",
    "labourhub.enforcement",
    "labourhub.complaints",
    "labourhub.analytics",
    "labourhub.targeting",
    "labourhub.offline",
    "labourhub.portal",
    "labourhub.interop",
    "labourhub.connectors",
]
TENANT_APPS = [
    *DJANGO_APPS,
    *THIRD_PARTY_APPS,
    *OAUTH_APPS,
    *LOCAL_TENANT_APPS,
    *WAGTAIL_APPS,
]

from labourhub.config.settings.plugins import PLUGIN_APPS  # noqa: E402

TENANT_APPS += PLUGIN_APPS
INSTALLED_APPS = SHARED_APPS + [a for a in TENANT_APPS if a not in SHARED_APPS]

TENANT_MODEL = "tenants.Ministry"
TENANT_DOMAIN_MODEL = "tenants.Domain"
PUBLIC_SCHEMA_URLCONF = "labourhub.config.urls_public"
ROOT_URLCONF = "labourhub.config.urls_tenant"
# New ministries are cloned from this schema instead of running ~250 migrations (~1 s vs ~10 s).
TENANT_BASE_SCHEMA = "template"
TENANT_CREATION_FAKES_MIGRATIONS = True
DATABASE_ROUTERS: tuple[str, ...] = ("django_tenants.routers.TenantSyncRouter",)

MIDDLEWARE = [
    "django_tenants.middleware.main.TenantMainMiddleware",
    "labourhub.common.observability.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "labourhub.common.middleware.RequestIdMiddleware",
    "labourhub.web.security.PolicyMiddleware",
    "labourhub.web.security.SecurityHeadersMiddleware",
    # Before sessions: a NUL byte in a cookie must not reach the session table.
    "labourhub.web.security.ControlCharacterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "labourhub.web.middleware.MinistryLanguageMiddleware",
    "labourhub.common.localtime.MinistryTimeZoneMiddleware",
    "labourhub.web.middleware.OtpRequiredMiddleware",
    # Employer and worker accounts stay on /portal/: never the staff app or the staff API.
    "labourhub.portal.middleware.PortalBoundaryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "labourhub.web.middleware.MinistryRedirectMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "labourhub.web.context_processors.shell",
            ],
        },
    }
]
# Django forms render in the GOV.UK Frontend style (error summary, inline errors, hints).
FORM_RENDERER = "labourhub.web.forms_renderer.FormRenderer"

WSGI_APPLICATION = "labourhub.config.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/labourhub")
}
DATABASES["default"]["ENGINE"] = "django_tenants.postgresql_backend"
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
# A kept connection is checked before a request reuses it, so the first request after a
# PostgreSQL restart reconnects instead of failing on a dead socket.
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
# Parallel test sessions on one server (several developers or helpers) each get their own DB.
DATABASES["default"]["TEST"] = {"NAME": env("TEST_DB_NAME", default=None)}
# An optional streaming replica for the read-only analytics and public LMI tables
# (tenants/db_router.py, docs/operations/multinode.md); the primary answers when it lags.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"].update(
        ENGINE="django_tenants.postgresql_backend",
        CONN_MAX_AGE=60,
        CONN_HEALTH_CHECKS=True,
        TEST={"MIRROR": "default"},
    )
    # A replica that is down must cost a page seconds, not a hang.
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    DATABASE_ROUTERS = ("tenants.db_router.ReplicaRouter", *DATABASE_ROUTERS)
REPLICA_MAX_LAG_SECONDS = env.float("REPLICA_MAX_LAG_SECONDS", default=5.0)
REPLICA_CHECK_SECONDS = env.float("REPLICA_CHECK_SECONDS", default=2.0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # axes must come first so a locked-out account is refused before the password is checked
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("username", "first_name", "last_name", "email")},
    },
    {"NAME": "labourhub.accounts.validators.NoUsernameInPasswordValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

# Idle sessions expire after 30 minutes; every request slides the window.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

# Lockout after repeated failures (SR: departed and abusive access must stop). An account is
# locked for the address that failed, so nobody elsewhere can lock a colleague out by guessing;
# password spraying from one address is slowed by AUTH_IP_FAILURE_LIMIT (see the handler).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "labourhub.web.lockout.LabourHubAxesHandler"
# Failed sign-ins from one address, across all accounts, before that address is paused. High
# enough for an office behind one NAT, low enough to make spraying slow.
AUTH_IP_FAILURE_LIMIT = env.int("AUTH_IP_FAILURE_LIMIT", default=30)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "labourhub.web.views.lockout_response"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# Where secret references resolve to files (see labourhub.common.secrets); production mounts
# its secrets here. Document-signing keys of each ministry live under "<schema>/signing/".
SECRETS_DIR = env.path("SECRETS_DIR", default=BASE_DIR / ".run" / "secrets")
# A ministry without its own signing key gets a demo CA on provisioning or first signature;
# production turns this off and mounts real keys (a missing key is then an error).
DOCUMENT_SIGNING_DEMO_CA = env.bool("DOCUMENT_SIGNING_DEMO_CA", default=True)
# Outside production a missing backup key is generated into SECRETS_DIR; production must mount one.
BACKUP_KEY_AUTOCREATE = env.bool("BACKUP_KEY_AUTOCREATE", default=True)
# RFC 3161 time-stamping authority for signatures; empty means no timestamp is requested.
DOCUMENT_SIGNING_TSA_URL = env("DOCUMENT_SIGNING_TSA_URL", default="")

# API tokens expire (default 12 hours) and end at sign-out and deactivation.
API_TOKEN_TTL_SECONDS = env.int("API_TOKEN_TTL_SECONDS", default=12 * 60 * 60)

OTP_TOTP_ISSUER = "LabourHub"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("vi", _("Vietnamese")),
    ("si", _("Sinhala")),
    ("ta", _("Tamil")),
]
# The interface is translated into these; other official languages fall back to English.
# si, ta and vi are machine-assisted and await native review (docs/operations/translations.md).
UI_TRANSLATED_LANGUAGES = ["en", "es", "fr", "si", "ta", "vi"]
# Django ships no locale data for Sinhala; labourhub.web adds this to django.conf.locale.LANG_INFO
# so that get_language_info("si") works and the switcher can name it in its own script.
EXTRA_LANG_INFO = {
    "si": {"bidi": False, "code": "si", "name": "Sinhala", "name_local": "සිංහල"},
}
LOCALE_PATHS = [BASE_DIR / "platform" / "labourhub" / "locale"]
FORMAT_MODULE_PATH = ["labourhub.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        # Mandatory under django-tenants: Wagtail's site-root cache leaks across ministries otherwise.
        "KEY_FUNCTION": "django_tenants.cache.make_key",
        "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
    }
}

REDIS_URL = env("REDIS_URL", default="")
# Prometheus scrapers send "Authorization: Bearer <METRICS_TOKEN>"; without a token /metrics is
# open only when DEBUG is on.
METRICS_TOKEN = env("METRICS_TOKEN", default="")
# An import whose worker has not reported progress for this long is taken over by the
# redelivered task (the worker died); keep it well above the time one chunk takes.
IMPORT_STALE_AFTER_SECONDS = env.int("IMPORT_STALE_AFTER_SECONDS", default=120)
if REDIS_URL:
    CACHES["default"].update(
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    )

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="no-reply@labourhub.localhost")

# LOG_FORMAT=json (the production default) writes one JSON object per line for log shippers;
# every record carries the ministry and the request id either way.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "labourhub.common.observability.ContextFilter"}},
    "formatters": {
        "text": {"format": "[%(levelname)s] %(ministry)s %(request_id)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(ministry)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["context"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Wagtail and django-tasks log every page save and in-process task at INFO.
    "loggers": {
        **{name: {"level": "WARNING"} for name in ("axes", "wagtail", "django_tasks")},
        # spyne logs every client fault of the SOAP facade (bad token, not found) with a
        # traceback at ERROR; they are the partner's mistakes, recorded in the usage log.
        "spyne.application.client": {"level": "CRITICAL"},
    },
}

from labourhub.config.settings.celery import *  # noqa: E402,F403
from labourhub.config.settings.csp import *  # noqa: E402,F403
from labourhub.config.settings.drf import *  # noqa: E402,F403
from labourhub.config.settings.interop import *  # noqa: E402,F403
from labourhub.config.settings.storage import *  # noqa: E402,F403
from labourhub.config.settings.wagtail import *  # noqa: E402,F403

# Tests serve static files straight from the apps; `make run` and production run collectstatic
# and serve the hashed, pre-compressed copies (labourhub.config.static_storage).
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=True)
WHITENOISE_AUTOREFRESH = env.bool("WHITENOISE_AUTOREFRESH", default=True)
# Source maps are only fetched by developer tools; compressing them doubled collectstatic's time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (
    *("jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br"),
    *("swf", "flv", "woff", "woff2", "3gp", "3gpp", "asf", "avi", "m4v", "mov", "mp4"),
    *("mpeg", "mpg", "webm", "wmv", "map"),
)
