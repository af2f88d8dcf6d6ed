"""What the public reads about an indicator, in each of the ministry's languages.

Indicators, dimensions and their values are data: observations, uploads and the open API point
at one row each. Their public wording lives beside them in translatable snippets, so the LMI
editor translates names, definitions and legend labels in the CMS admin (wagtail-localize) while
the data keep a single identity. A missing translation falls back to the data row's own text.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from cms.models.indicators import Dimension, DimensionValue, Indicator


class IndicatorText(TranslatableMixin, models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="texts", verbose_name=_("indicator")
    )
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"), blank=True)

    panels = [FieldPanel("indicator"), FieldPanel("name"), FieldPanel("definition")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("indicator wording")
        verbose_name_plural = _("indicator wordings")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "locale"], name="cms_indtext_one_per_lang")
        ]

    def __str__(self) -> str:
        return self.name


class DimensionText(TranslatableMixin, models.Model):
    dimension = models.ForeignKey(
        Dimension, on_delete=models.CASCADE, related_name="texts", verbose_name=_("dimension")
    )
    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("dimension"), FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("dimension wording")
        verbose_name_plural = _("dimension wordings")
        constraints = [
            models.UniqueConstraint(fields=["dimension", "locale"], name="cms_dimtext_one_per_lang")
        ]

    def __str__(self) -> str:
        return self.name


class DimensionValueText(TranslatableMixin, models.Model):
    value = models.ForeignKey(
        DimensionValue,
        on_delete=models.CASCADE,
        related_name="texts",
        verbose_name=_("dimension value"),
    )
    label = models.CharField(_("label"), max_length=100)

    panels = [FieldPanel("value"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("legend label")
        verbose_name_plural = _("legend labels")
        constraints = [
            models.UniqueConstraint(fields=["value", "locale"], name="cms_valtext_one_per_lang")
        ]

    def __str__(self) -> str:
        return self.label
