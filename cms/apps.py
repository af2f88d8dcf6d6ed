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
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        page_published.connect(_invalidate, dispatch_uid="cms-cache-publish")
        page_unpublished.connect(_invalidate, dispatch_uid="cms-cache-unpublish")
        # Names, definitions and legend labels are rendered into cached pages.
        for name in (
            "Indicator",
            "Dimension",
            "DimensionValue",
            "IndicatorText",
            "DimensionText",
            "DimensionValueText",
        ):
            model = self.get_model(name)
            post_save.connect(_invalidate, sender=model, dispatch_uid=f"cms-cache-save-{name}")
            post_delete.connect(_invalidate, sender=model, dispatch_uid=f"cms-cache-del-{name}")
