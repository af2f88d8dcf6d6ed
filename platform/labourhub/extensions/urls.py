"""Included at /app/ by the tenant URLconf: plugin pages under /app/x/<slug>/."""

from labourhub.extensions.resolvers import PluginsResolver

urlpatterns = [PluginsResolver("register_urls")]
