from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "labourhub.inspections"
    label = "inspections"
    verbose_name = _("Inspections")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from labourhub.inspections import document_context

        document_context.register()
