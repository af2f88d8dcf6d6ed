import os

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labourhub.config.settings.dev")

# The tenant-aware app stamps the enqueuing schema on every task (R35); a plain Celery app would
# run every task in the public schema.
app = CeleryApp("labourhub")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
