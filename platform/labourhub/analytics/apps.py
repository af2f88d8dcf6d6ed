from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "labourhub.analytics"
    label = "analytics"
    verbose_name = _("Dashboards, indicators and reports")
    default_auto_field = "django.db.models.BigAutoField"
