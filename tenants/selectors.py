from typing import Any

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

    return frozenset(
        PluginActivation.objects.filter(ministry=ministry, enabled=True).values_list(
            "plugin_slug", flat=True
        )
    )


from tenants.models import PluginActivation, Release, TenantUpgrade  # noqa: E402


def plugin_activation_get(*, ministry: Ministry, slug: str) -> PluginActivation | None:
    return PluginActivation.objects.filter(ministry=ministry, plugin_slug=slug).first()


def plugin_activation_map() -> dict[int, dict[str, PluginActivation]]:
    """ministry id -> slug -> activation row (enabled or not), for the console's matrix."""
    result: dict[int, dict[str, PluginActivation]] = {}
    for row in PluginActivation.objects.all():
        result.setdefault(row.ministry_id, {})[row.plugin_slug] = row
    return result


def release_list() -> QuerySet[Release]:
    return Release.objects.select_related("canary").order_by("-created_at")


def release_get(*, release_id: int) -> Release | None:
    return Release.objects.select_related("canary").filter(pk=release_id).first()


def tenant_upgrade_list(*, release: Release) -> QuerySet[TenantUpgrade]:
    return release.upgrades.select_related("ministry").order_by("ministry__name")


def release_progress(*, release: Release) -> dict[str, int]:
    """Counts per status plus ``total``, for the live progress bar."""
    from django.db.models import Count

    counts = {
        row["status"]: row["n"] for row in release.upgrades.values("status").annotate(n=Count("id"))
    }
    counts["total"] = sum(counts.values())
    return counts


def ministry_running_versions() -> list[dict[str, Any]]:
    """Per ministry: the release of its latest finished upgrade and its active plugins."""
    done = {}
    for up in (
        TenantUpgrade.objects.filter(status=TenantUpgrade.Status.DONE)
        .select_related("release")
        .order_by("finished_at")
    ):
        done[up.ministry_id] = up.release
    activations = plugin_activation_map()
    rows = []
    for ministry in ministry_list():
        release = done.get(ministry.pk)
        plugins = {}
        for slug, act in sorted(activations.get(ministry.pk, {}).items()):
            if act.enabled:
                version = (
                    (release.plugins.get(slug) or {}).get("version")
                    if release is not None
                    else None
                )
                plugins[slug] = version or "?"
        rows.append({"ministry": ministry, "release": release, "plugins": plugins})
    return rows
