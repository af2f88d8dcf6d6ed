from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "labourhub.complaints"
    label = "complaints"
    verbose_name = _("Complaints, disputes and accidents")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from labourhub.complaints import hooks
        from labourhub.extensions.manager import register_core

        register_core(hooks, "complaints")
