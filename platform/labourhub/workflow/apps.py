from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "labourhub.workflow"
    label = "workflow"
    verbose_name = _("Procedures, deadlines and alerts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from labourhub.audit.value_labels import audit_value_labels_register
        from labourhub.workflow.display import case_value_labels

        # States, steps and time limits are defined by procedures, not by model choices.
        audit_value_labels_register(subject_type="workflow.case", provider=case_value_labels)
