from cms.models.indicators import (
    TOTAL,
    Agency,
    Dataset,
    DatasetRow,
    Dimension,
    DimensionValue,
    Flag,
    Indicator,
    LmiSettings,
    Observation,
    ObservationRevision,
    Release,
)
from cms.models.pages import (
    CACHE_VERSION_KEY,
    ContactPage,
    DataCataloguePage,
    HomePage,
    IndicatorPage,
    NewsIndexPage,
    NewsPage,
    PublicationIndexPage,
    PublicationPage,
    ReleaseCalendarPage,
    StandardPage,
    TopicPage,
    cache_version,
)

__all__ = [
    "CACHE_VERSION_KEY", "TOTAL", "Agency", "ContactPage", "DataCataloguePage", "Dataset",
    "DatasetRow", "Dimension", "DimensionValue", "Flag", "HomePage", "Indicator", "IndicatorPage",
    "LmiSettings", "NewsIndexPage", "NewsPage", "Observation", "ObservationRevision",
    "PublicationIndexPage", "PublicationPage", "Release", "ReleaseCalendarPage", "StandardPage",
    "TopicPage", "cache_version",
]
