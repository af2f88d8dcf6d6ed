from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "labourhub.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from labourhub.documents import contexts

        contexts.register_core_providers()
