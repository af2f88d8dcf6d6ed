"""Included at /api/v1/ by the API URLconf: plugin endpoints under /api/v1/x/<slug>/."""

from labourhub.extensions.resolvers import PluginsResolver

urlpatterns = [PluginsResolver("register_api_urls")]
