"""The test kit for plugins: fixtures come through the pytest plugin ``labourhub``; a plugin's
``tests/conftest.py`` imports ``django_db_setup`` from here, its tests ``PluginConformance``."""

from labourhub.testing.conformance import PluginConformance
from labourhub.testing.maps import divisions_check
from labourhub.testing.pytest_plugin import TEST_PASSWORD, django_db_setup

__all__ = ["TEST_PASSWORD", "PluginConformance", "divisions_check", "django_db_setup"]
