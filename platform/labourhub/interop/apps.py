from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    name = "labourhub.interop"
    label = "interop"
    verbose_name = _("Interoperability")

    def ready(self) -> None:
        from labourhub.audit.services import audit_listener_add
        from labourhub.interop import events, schema  # noqa: F401  (audit kinds, OpenAPI)
        from labourhub.interop.outbox import outbox_on_audit

        audit_listener_add(outbox_on_audit)
