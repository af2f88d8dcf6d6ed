# pytest only lets a conftest override pytest-django's django_db_setup; the kit provides it.
from labourhub.plugin_api.testing import django_db_setup  # noqa: F401
