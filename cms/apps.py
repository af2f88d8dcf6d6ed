from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _invalidate(**kwargs: Any) -> None:
    from cms.services import cache_bump

    cache_bump()


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Labour market information website")

    def ready(self) -> None:
        from wagtail.signals import page_published, page_unpublished

        page_published.connect(_invalidate, dispatch_uid="cms-cache-publish")
        page_unpublished.connect(_invalidate, dispatch_uid="cms-cache-unpublish")
