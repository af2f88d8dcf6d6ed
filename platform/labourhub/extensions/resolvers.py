"""URL mounting for plugins: /app/x/<slug>/ and /api/v1/x/<slug>/.

The patterns come from each registered plugin's ``register_urls``/``register_api_urls`` hook and
are rebuilt when the registry changes. Resolution checks activation for the ministry being
served, so a plugin that is not active there answers 404 (the URL simply does not exist).
"""

from typing import Any

from django.db import connection
from django.urls import URLResolver, clear_url_caches
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RoutePattern

from labourhub.extensions import manager


class PluginResolver(URLResolver):
    """One plugin's URLs; resolves only where the plugin is active."""

    def __init__(self, slug: str, patterns: list[Any]) -> None:
        super().__init__(RoutePattern(f"{slug}/"), patterns, app_name=slug, namespace=slug)
        self.slug = slug

    def resolve(self, path: str) -> Any:
        from labourhub.extensions import plugin_is_active

        if self.pattern.match(path) and not plugin_is_active(
            getattr(connection, "tenant", None), self.slug
        ):
            raise Resolver404({"path": path, "tried": []})
        return super().resolve(path)


class PluginsResolver(URLResolver):
    """The ``x/`` mount: one ``PluginResolver`` per registered plugin that has URLs."""

    def __init__(self, hook_name: str, prefix: str = "x/", namespace: str = "x") -> None:
        super().__init__(RoutePattern(prefix), [], app_name=namespace, namespace=namespace)
        self.hook_name = hook_name
        self._built_for = -1
        self._plugin_patterns: list[PluginResolver] = []
        manager.on_registry_change(self._invalidate)

    def _invalidate(self) -> None:
        self._built_for = -1
        # URLResolver's reverse caches; reset so reverse() sees the new plugin set.
        self.__dict__.update(
            _reverse_dict={},
            _namespace_dict={},
            _app_dict={},
            _callback_strs=set(),
            _populated=False,
        )
        clear_url_caches()
        # drf-spectacular snapshots the URL tree (by the top-level patterns, which never change)
        # to resolve versioned paths; a stale snapshot would drop the new plugin's endpoints
        # from the OpenAPI document.
        from drf_spectacular.plumbing import detype_patterns

        detype_patterns.cache_clear()  # type: ignore[attr-defined]  # a functools.cache

    @property
    def url_patterns(self) -> list[Any]:
        if self._built_for != manager.generation():
            built = []
            for slug in manager.plugin_slugs():
                results = manager.single_plugin_caller(slug, self.hook_name)(tenant=None)
                patterns = manager.flatten(results)
                if patterns:
                    built.append(PluginResolver(slug, patterns))
            self._plugin_patterns = built
            self._built_for = manager.generation()
        return self._plugin_patterns
