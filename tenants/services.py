"""Ministry provisioning: the one path by which a ministry comes into existence (R37)."""

import re
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_countries import countries
from django_tenants.utils import schema_exists

from cms.services import site_bootstrap
from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.audit.services import (
    Actor,
    AuditAction,
    AuditPayload,
    audit_actor_name,
    audit_record,
)
from labourhub.documents.pades import demo_ca_ensure
from labourhub.documents.services import document_templates_seed
from tenants.context import ministry_context
from tenants.models import Domain, Ministry
from tenants.selectors import domain_taken

SLUG_RE = re.compile(r"^[a-z][a-z0-9]{1,29}$")
RESERVED_SLUGS = frozenset(
    {
        "public",
        "template",
        "www",
        "api",
        "admin",
        "static",
        "media",
        "console",
        "pg_catalog",
        "information_schema",
    }
)
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")

ERR_SLUG = gettext_noop("Use 2-30 lower-case letters or digits, starting with a letter.")
ERR_SLUG_RESERVED = gettext_noop("This name is reserved by the platform.")
ERR_SUBDOMAIN_TAKEN = gettext_noop("The subdomain %(domain)s is already used by another ministry.")
ERR_COUNTRY = gettext_noop(
    "Unknown country code %(code)s; use an ISO 3166-1 alpha-2 code such as HN."
)
ERR_LANGUAGE = gettext_noop("Unsupported language %(code)s. Supported: %(supported)s.")
ERR_DEFAULT_LANGUAGE = gettext_noop("The default language must be one of the ministry's languages.")
ERR_TIME_ZONE = gettext_noop("Unknown time zone %(tz)s.")
ERR_CURRENCY = gettext_noop("Use a three-letter ISO 4217 currency code such as HNL.")
ERR_WORKING_WEEK = gettext_noop("Working days are numbers from 0 (Monday) to 6 (Sunday).")


@dataclass
class MinistrySpec:
    slug: str
    name: str
    country: str
    languages: list[str]
    default_language: str
    time_zone: str = "UTC"
    currency: str = "USD"
    working_week: list[int] = field(default_factory=lambda: [0, 1, 2, 3, 4])


def ministry_domain_for(*, slug: str) -> str:
    return f"{slug}.{settings.PLATFORM_DOMAIN}"


def _ministry_spec_validate(spec: MinistrySpec) -> None:
    errors: dict[str, list[str]] = {}

    def add(key: str, message: str) -> None:
        errors.setdefault(key, []).append(message)

    supported = [code for code, _name in settings.LANGUAGES]
    if not SLUG_RE.match(spec.slug or ""):
        add("slug", _(ERR_SLUG))
    elif spec.slug in RESERVED_SLUGS:
        add("slug", _(ERR_SLUG_RESERVED))
    else:
        domain = ministry_domain_for(slug=spec.slug)
        if domain_taken(domain=domain) or Ministry.objects.filter(schema_name=spec.slug).exists():
            add("slug", _(ERR_SUBDOMAIN_TAKEN) % {"domain": domain})
    if not spec.name.strip():
        add("name", _("A name is required."))
    if (spec.country or "").upper() not in dict(countries):
        add("country", _(ERR_COUNTRY) % {"code": spec.country})
    for code in spec.languages:
        if code not in supported:
            add("languages", _(ERR_LANGUAGE) % {"code": code, "supported": ", ".join(supported)})
    if not spec.languages:
        add("languages", _("At least one language is required."))
    if spec.default_language not in spec.languages:
        add("default_language", _(ERR_DEFAULT_LANGUAGE))
    if spec.time_zone not in zoneinfo.available_timezones():
        add("time_zone", _(ERR_TIME_ZONE) % {"tz": spec.time_zone})
    if not CURRENCY_RE.match(spec.currency or ""):
        add("currency", _(ERR_CURRENCY))
    if not spec.working_week or any(d not in range(7) for d in spec.working_week):
        add("working_week", _(ERR_WORKING_WEEK))
    if errors:
        raise ValidationError(errors)


def public_tenant_ensure() -> Ministry:
    """The public schema's row and apex domain, so the coordination unit's site resolves."""
    public = Ministry.objects.filter(schema_name="public").first()
    if public is None:
        public = Ministry(schema_name="public", name="LabourHub", status=Ministry.Status.PLATFORM)
        public.save()
    Domain.objects.get_or_create(
        domain=settings.PLATFORM_DOMAIN, defaults={"tenant": public, "is_primary": True}
    )
    return public


def template_ensure() -> Ministry:
    """The schema new ministries are cloned from; built once by running every migration.

    Never inside a transaction: Wagtail's data migrations leave deferred triggers pending.
    """
    base = settings.TENANT_BASE_SCHEMA
    template = Ministry.objects.filter(schema_name=base).first()
    if template is None:
        template = Ministry(schema_name=base, name="Template", status=Ministry.Status.TEMPLATE)
        template.save()
    if not schema_exists(base):
        template.create_schema(check_if_exists=True, verbosity=0)
    return template


# The advisory-lock key that serialises ministry provisioning (any constant unique to it).
PROVISION_LOCK = 0x4C484D50  # "LHMP"


@transaction.atomic(durable=True)
def ministry_provision(
    *,
    spec: MinistrySpec,
    admin_username: str,
    admin_password: str,
    admin_email: str = "",
    actor: Actor,
) -> Ministry:
    """Create a ministry: schema (cloned from the template), domain, Wagtail site, first admin.

    Everything, including the cloned schema, is in one transaction: PostgreSQL DDL is
    transactional, so a failure at any step leaves no ministry, domain or schema behind.
    """
    spec.country = (spec.country or "").upper()
    _ministry_spec_validate(spec)
    try:
        validate_password(admin_password)
    except ValidationError as exc:
        raise ValidationError({"admin_password": exc.messages}) from exc
    if not schema_exists(settings.TENANT_BASE_SCHEMA):
        raise RuntimeError(
            "The template schema is missing; run 'manage.py seed_demo' or "
            "'manage.py provision_ministry --ensure-template' first."
        )
    # django-tenants re-installs its clone function and enum type with every clone: two
    # ministries provisioned at once (two operators, `make run` seeding two at a time on a
    # fresh database) collide on them. One provisioning at a time; the lock ends with the
    # transaction.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PROVISION_LOCK])
    ministry = Ministry(
        schema_name=spec.slug,
        name=spec.name,
        country=spec.country,
        languages=spec.languages,
        default_language=spec.default_language,
        time_zone=spec.time_zone,
        currency=spec.currency,
        working_week=sorted(set(spec.working_week)),
    )
    ministry.save()
    domain = Domain.objects.create(
        domain=ministry_domain_for(slug=spec.slug), tenant=ministry, is_primary=True
    )
    ministry.create_schema(check_if_exists=False, verbosity=0)
    payload: AuditPayload = {
        "values": {
            "slug": spec.slug,
            "country": spec.country,
            "domain": domain.domain,
            "languages": spec.languages,
        }
    }
    audit_record(
        actor=actor,
        action=AuditAction.MINISTRY_PROVISIONED,
        subject=ministry,
        payload=payload,
    )
    with ministry_context(ministry):
        # The operator has no account in the new ministry's schema: record them by name.
        audit_record(
            actor=None,
            action=AuditAction.MINISTRY_PROVISIONED,
            payload=payload,
            actor_name=audit_actor_name(actor),
        )
        _ministry_site_setup(ministry=ministry, hostname=domain.domain)
        user_create(
            username=admin_username,
            password=admin_password,
            email=admin_email,
            roles=[Role.SYSTEM_ADMIN],
            preferred_language=spec.default_language,
            actor=None,
        )
    if settings.DOCUMENT_SIGNING_DEMO_CA:
        # Outside production every ministry signs with a demo CA of its own; production
        # mounts the ministry's real key and certificate instead.
        demo_ca_ensure(schema=spec.slug, ministry_name=spec.name, country=spec.country)
    return ministry


def _ministry_site_setup(*, ministry: Ministry, hostname: str) -> None:
    site_bootstrap(site_name=ministry.name, hostname=hostname, port=int(settings.PLATFORM_PORT))


def ministry_starter_content(*, ministry: Ministry, actor: Actor) -> None:
    """Editable letter templates in the ministry's language(s), so staff can issue documents on
    day one. Kept out of ``ministry_provision`` so test ministries start empty."""
    with ministry_context(ministry):
        document_templates_seed(actor=actor)
