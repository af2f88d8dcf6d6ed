from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "labourhub.enforcement"
    label = "enforcement"
    verbose_name = _("Enforcement")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from labourhub.enforcement.steps import enforcement_panel, enforcement_step
        from labourhub.workflow.steps import case_panel_register, step_handler_register

        step_handler_register("enforcement", enforcement_step)
        # Hearings serve enforcement (sanction hearings) and disputes (conciliation) alike.
        for procedure in ("enforcement", "dispute", "complaint"):
            case_panel_register(procedure, "enforcement/case_extra.html", enforcement_panel)
