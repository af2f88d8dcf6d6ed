from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetingConfig(AppConfig):
    name = "labourhub.targeting"
    label = "targeting"
    verbose_name = _("Risk targeting")
    default_auto_field = "django.db.models.BigAutoField"
