"""Included at /app/ by the tenant URLconf: plugin pages under /app/x/<slug>/, and the
ministry's own plugin page at /app/plugins/."""

from django.urls import path

from labourhub.extensions.resolvers import PluginsResolver
from labourhub.extensions.views import ministry_plugins_view

urlpatterns = [
    path("plugins/", ministry_plugins_view, name="extensions-ministry-plugins"),
    PluginsResolver("register_urls"),
]
