from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "labourhub.enforcement"
    label = "enforcement"
    verbose_name = _("Enforcement")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from labourhub.enforcement import document_context, hooks
        from labourhub.extensions.manager import register_core

        register_core(hooks, "enforcement")
        document_context.register()
