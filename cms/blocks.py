from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class IndicatorSeriesBlock(blocks.StructBlock):
    indicator = SnippetChooserBlock("cms.Indicator", label=_("Indicator"))
    breakdown = blocks.CharBlock(
        required=False,
        max_length=32,
        label=_("Break down by dimension"),
        help_text=_("Dimension code, e.g. sex; empty shows the total."),
    )
    title = blocks.CharBlock(required=False, max_length=200, label=_("Title"))

    def get_context(
        self, value: Any, parent_context: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        from cms.selectors import series_matrix

        context: dict[str, Any] = super().get_context(value, parent_context=parent_context)
        indicator = value["indicator"]
        context["matrix"] = (
            series_matrix(indicator=indicator, breakdown=value.get("breakdown") or None)
            if indicator is not None
            else None
        )
        return context


class IndicatorChartBlock(IndicatorSeriesBlock):
    class Meta:
        template = "cms/blocks/chart.html"
        icon = "chart"
        label = _("Indicator chart")


class IndicatorTableBlock(IndicatorSeriesBlock):
    class Meta:
        template = "cms/blocks/table.html"
        icon = "table"
        label = _("Indicator table")


BODY_BLOCKS = [
    ("heading", blocks.CharBlock(form_classname="title", label=_("Heading"))),
    ("paragraph", blocks.RichTextBlock(label=_("Paragraph"))),
    ("chart", IndicatorChartBlock()),
    ("table", IndicatorTableBlock()),
]
