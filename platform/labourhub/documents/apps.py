import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "labourhub.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from labourhub.documents import contexts

        # WeasyPrint logs every rendering step at INFO; a batch would flood the worker log.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

        contexts.register_core_providers()
