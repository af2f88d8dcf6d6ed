from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "labourhub.web"
    label = "web"
    verbose_name = _("Staff web shell")

    def ready(self) -> None:
        from labourhub.web import signals  # noqa: F401  (connects login auditing)
