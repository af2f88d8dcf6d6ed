from django.conf import settings
from django.db.models import QuerySet

from tenants.models import Domain, Ministry

HIDDEN_STATUSES = (Ministry.Status.TEMPLATE, Ministry.Status.PLATFORM)


def ministry_list() -> QuerySet[Ministry]:
    """Ministries that people can visit (not the template, not the public schema)."""
    return Ministry.objects.exclude(status__in=HIDDEN_STATUSES).prefetch_related("domains")


def ministry_get(*, slug: str) -> Ministry | None:
    return Ministry.objects.filter(schema_name=slug).first()


def ministry_primary_domain(*, ministry: Ministry) -> str:
    for domain in ministry.domains.all():
        if domain.is_primary:
            return str(domain.domain)
    return f"{ministry.schema_name}.{settings.PLATFORM_DOMAIN}"


def ministry_url(*, ministry: Ministry) -> str:
    port = settings.PLATFORM_PORT
    suffix = f":{port}" if port and port not in ("80", "443") else ""
    return f"http://{ministry_primary_domain(ministry=ministry)}{suffix}/"


def domain_taken(*, domain: str) -> bool:
    return Domain.objects.filter(domain__iexact=domain).exists()


def plugin_enabled_slugs(*, ministry: Ministry | None) -> frozenset[str]:
    if ministry is None or getattr(ministry, "pk", None) is None:
        return frozenset()
    from tenants.models import PluginActivation

    return frozenset(PluginActivation.objects.filter(ministry=ministry, enabled=True)
                     .values_list("plugin_slug", flat=True))
