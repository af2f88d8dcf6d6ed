"""Portal pages added by plugins, at /portal/x/<plugin-slug>/<page>/ (``register_portal_pages``).

Each page is wrapped in the portal's own guard for its audience, so a plugin cannot open a page
to staff, to anonymous visitors or to the other kind of account; a plugin that is not active in
the ministry being served answers 404, as its staff pages do.
"""

from typing import Any

from django.db import connection
from django.urls import path, reverse
from django.urls.exceptions import NoReverseMatch

from labourhub.extensions import manager, plugin_is_active
from labourhub.extensions.resolvers import PluginResolver, PluginsResolver
from labourhub.extensions.types import PortalPage

HOOK = "register_portal_pages"


def _pages(slug: str) -> list[PortalPage]:
    return manager.flatten(manager.single_plugin_caller(slug, HOOK)(tenant=None))


class PortalPagesResolver(PluginsResolver):
    def __init__(self) -> None:
        super().__init__(HOOK)

    @property
    def url_patterns(self) -> list[Any]:
        from labourhub.portal.views.common import portal_page

        if self._built_for != manager.generation():
            built = []
            for slug in manager.plugin_slugs():
                patterns = [
                    path(
                        f"{page.slug}/", portal_page(kind=page.audience)(page.view), name=page.slug
                    )
                    for page in _pages(slug)
                ]
                if patterns:
                    built.append(PluginResolver(slug, patterns))
            self._plugin_patterns = built
            self._built_for = manager.generation()
        return self._plugin_patterns


def portal_pages_for(*, audience: str) -> list[dict[str, str]]:
    """Label and address of the pages active plugins add for ``audience``, for the menu."""
    tenant = getattr(connection, "tenant", None)
    found: list[dict[str, str]] = []
    for slug in manager.plugin_slugs():
        if not plugin_is_active(tenant, slug):
            continue
        for page in _pages(slug):
            if page.audience != audience:
                continue
            try:
                url = reverse(f"portal:x:{slug}:{page.slug}")
            except NoReverseMatch:
                continue
            found.append({"label": str(page.label), "url": url})
    return found
