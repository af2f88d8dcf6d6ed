from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import (
    Agency,
    Dimension,
    DimensionText,
    DimensionValueText,
    Indicator,
    IndicatorText,
    LmiSettings,
    Release,
)


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    list_display = ["name", "code", "agency", "unit", "periodicity", "headline", "share_regionally"]
    list_filter = ["agency", "source", "headline", "share_regionally"]
    search_fields = ["name", "code"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    list_display = ["name", "code"]


class DimensionViewSet(SnippetViewSet):
    model = Dimension
    icon = "list-ul"


class ReleaseViewSet(SnippetViewSet):
    model = Release
    icon = "date"
    list_display = ["title", "scheduled_for", "status"]


class SettingsViewSet(SnippetViewSet):
    model = LmiSettings
    icon = "cog"


class IndicatorTextViewSet(SnippetViewSet):
    # Translatable: the listing filters by language and offers "Translate" (wagtail-localize).
    model = IndicatorText
    icon = "doc-full"
    list_display = ["name", "indicator"]
    search_fields = ["name"]


class DimensionTextViewSet(SnippetViewSet):
    model = DimensionText
    icon = "doc-full"
    list_display = ["name", "dimension"]


class DimensionValueTextViewSet(SnippetViewSet):
    model = DimensionValueText
    icon = "doc-full"
    list_display = ["label", "value"]


class LmiGroup(SnippetViewSetGroup):
    menu_label = _("Indicators")
    menu_icon = "table"
    items = (
        IndicatorViewSet,
        IndicatorTextViewSet,
        DimensionTextViewSet,
        DimensionValueTextViewSet,
        AgencyViewSet,
        DimensionViewSet,
        ReleaseViewSet,
        SettingsViewSet,
    )


register_snippet(LmiGroup)
