from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineConfig(AppConfig):
    name = "labourhub.offline"
    label = "offline"
    verbose_name = _("Offline inspections")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from labourhub.audit.value_labels import audit_value_labels_register
        from labourhub.offline.selectors import step_labels

        audit_value_labels_register(subject_type="inspections.inspection", provider=step_labels)
