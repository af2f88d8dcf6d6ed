from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "labourhub.portal"
    label = "portal"
    verbose_name = _("Employer and worker portal")

    def ready(self) -> None:
        # Declares the portal's audit event kinds before any service can record one.
        from labourhub.portal import events  # noqa: F401
