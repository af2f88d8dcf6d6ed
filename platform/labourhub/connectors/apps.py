from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectorsConfig(AppConfig):
    name = "labourhub.connectors"
    label = "connectors"
    verbose_name = _("Connectors")

    def ready(self) -> None:
        from labourhub.connectors import events, hooks  # noqa: F401  (audit kinds)
        from labourhub.extensions.manager import register_core

        register_core(hooks, "connectors")
