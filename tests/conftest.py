# The session-wide test ministries: pytest only lets a conftest override pytest-django's
# django_db_setup, so every suite using the kit re-exports it like this.
from labourhub.testing.pytest_plugin import django_db_setup  # noqa: F401
