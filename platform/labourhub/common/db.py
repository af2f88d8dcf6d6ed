from django.db import connection


def current_schema() -> str:
    """The active ministry schema (django-tenants sets it on the connection per request/task)."""
    return str(getattr(connection, "schema_name", "public"))
