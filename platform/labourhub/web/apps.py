from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "labourhub.web"
    label = "web"
    verbose_name = _("Staff web shell")

    def ready(self) -> None:
        from django.conf.locale import LANG_INFO

        from labourhub.web import signals  # noqa: F401  (connects login auditing)

        for code, info in settings.EXTRA_LANG_INFO.items():
            LANG_INFO.setdefault(code, info)  # a later Django's own entry wins
