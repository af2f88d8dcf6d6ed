"""Every public read of indicator data goes through here, so suppression is applied once."""

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, Prefetch, QuerySet, When
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.models.indicators import (
    TOTAL,
    Agency,
    Dataset,
    Dimension,
    DimensionValue,
    Indicator,
    LmiSettings,
    Observation,
    ObservationRevision,
    Release,
)
from cms.models.pages import cache_version
from cms.models.texts import DimensionText, DimensionValueText, IndicatorText
from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can


@dataclass(frozen=True)
class Point:
    period: str
    dims: dict[str, str]
    value: Decimal | None  # None when suppressed
    flag: str


@dataclass
class SeriesMatrix:
    """Periods on one axis, one line per value of the breakdown dimension (or the total)."""

    indicator: Indicator
    periods: list[str]
    lines: list[tuple[str, list[Decimal | None]]] = field(default_factory=list)
    flags: list[list[str]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.periods

    def rows(self) -> list[tuple[str, list[tuple[Decimal | None, str]]]]:
        """Table rows: a period, then (value, flag) per line."""
        return [
            (p, [(line[1][i], self.flags[n][i]) for n, line in enumerate(self.lines)])
            for i, p in enumerate(self.periods)
        ]


def lmi_settings_get() -> LmiSettings:
    return LmiSettings.objects.order_by("pk").first() or LmiSettings()


def suppressed(*, indicator: Indicator, value: Decimal, threshold: int) -> bool:
    return indicator.suppressible and value < threshold


def indicator_list(*, shared_only: bool = False) -> QuerySet[Indicator]:
    qs = Indicator.objects.select_related("agency").prefetch_related("dimensions")
    return qs.filter(share_regionally=True) if shared_only else qs


def indicator_list_from_records() -> QuerySet[Indicator]:
    """Indicators computed from LabourHub's own records (built, then vetted like uploads)."""
    return (
        indicator_list()
        .filter(source=Indicator.Source.CASE_SYSTEM)
        .exclude(analytics_definition="")
    )


def indicator_get(*, code: str) -> Indicator | None:
    return indicator_list().filter(code=code).first()


def series_points(*, indicator: Indicator, filters: dict[str, str] | None = None) -> list[Point]:
    """Published observations with small counts replaced by None (flag kept)."""
    threshold = lmi_settings_get().suppression_threshold
    qs = Observation.objects.filter(indicator=indicator).order_by("dims_key", "period")
    for dim, code in (filters or {}).items():
        qs = qs.filter(**{f"dims__{dim}": code})
    return [
        Point(
            o.period,
            o.dims,
            None
            if suppressed(indicator=indicator, value=o.value, threshold=threshold)
            else o.value,
            o.flag,
        )
        for o in qs
    ]


@dataclass(frozen=True)
class Wording:
    """The public wording in one language: translations first, then the site's source language."""

    indicators: dict[int, tuple[str, str]]  # indicator id -> (name, definition)
    dimensions: dict[str, str]  # dimension code -> name
    values: dict[tuple[str, str], str]  # (dimension code, value code) -> legend label


def _by_language(rows: list[Any], language: str) -> list[Any]:
    # The source language first, so the active language's rows overwrite it in a dict.
    return sorted(rows, key=lambda r: r.locale.language_code == language)


def wording_get(*, language: str | None = None) -> Wording:
    """Cached per ministry, language and publication version (edits bump the version)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    key = f"lmi:wording:{language}:{cache_version()}"
    hit = cache.get(key)
    if isinstance(hit, Wording):
        return hit
    wanted = {language, settings.LANGUAGE_CODE}
    indicators = {i.pk: (i.name, i.definition) for i in Indicator.objects.all()}
    for t in _by_language(
        list(
            IndicatorText.objects.filter(locale__language_code__in=wanted).select_related("locale")
        ),
        language,
    ):
        indicators[t.indicator_id] = (t.name, t.definition or indicators[t.indicator_id][1])
    dimensions = {d.code: d.name for d in Dimension.objects.all()}
    for d in _by_language(
        list(
            DimensionText.objects.filter(locale__language_code__in=wanted).select_related(
                "locale", "dimension"
            )
        ),
        language,
    ):
        dimensions[d.dimension.code] = d.name
    values = {
        (v.dimension.code, v.code): v.label
        for v in DimensionValue.objects.select_related("dimension")
    }
    for v in _by_language(
        list(
            DimensionValueText.objects.filter(locale__language_code__in=wanted).select_related(
                "locale", "value__dimension"
            )
        ),
        language,
    ):
        values[(v.value.dimension.code, v.value.code)] = v.label
    wording = Wording(indicators, dimensions, values)
    cache.set(key, wording, 60 * 60)
    return wording


def indicator_name(indicator: Indicator) -> str:
    return wording_get().indicators.get(indicator.pk, (indicator.name, ""))[0]


def indicator_definition(indicator: Indicator) -> str:
    return wording_get().indicators.get(indicator.pk, ("", indicator.definition))[1]


def dimension_value_label(*, dimension: str, code: str, wording: Wording | None = None) -> str:
    """A legend or breakdown label: the value's label, or "Total age group" for a total."""
    wording = wording or wording_get()
    name = wording.dimensions.get(dimension, dimension)
    if code == TOTAL:
        text = _("Total %(dimension)s") % {"dimension": name.lower()}
        return text[:1].upper() + text[1:]
    return wording.values.get((dimension, code), code)


def dims_label(dims: dict[str, str] | str) -> str:
    """``age=_T|sex=F`` (or its dict) as people read it: "Total age group, Women"."""
    if isinstance(dims, str):
        dims = dict(part.split("=", 1) for part in dims.split("|") if "=" in part)
    if not dims:
        return _("Total")
    wording = wording_get()
    return ", ".join(
        dimension_value_label(dimension=d, code=c, wording=wording) for d, c in sorted(dims.items())
    )


def dimension_labels(*, indicator: Indicator) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    wording = wording_get()
    values = DimensionValue.objects.filter(dimension__indicator=indicator).select_related(
        "dimension"
    )
    for v in values:
        labels.setdefault(v.dimension.code, {})[v.code] = dimension_value_label(
            dimension=v.dimension.code, code=v.code, wording=wording
        )
    return labels


def series_matrix(*, indicator: Indicator, breakdown: str | None = None) -> SeriesMatrix:
    points = series_points(indicator=indicator)
    labels = dimension_labels(indicator=indicator)
    if breakdown not in labels:
        breakdown = None
    periods = sorted({p.period for p in points})
    lines: dict[str, dict[str, Point]] = {}
    for p in points:
        others = {d: c for d, c in p.dims.items() if d != breakdown}
        if any(c != TOTAL for c in others.values()):
            continue
        name = labels[breakdown].get(p.dims.get(breakdown, ""), "") if breakdown else ""
        if breakdown and p.dims.get(breakdown) == TOTAL:
            name = labels[breakdown].get(TOTAL, "")
        lines.setdefault(name or indicator_name(indicator), {})[p.period] = p
    matrix = SeriesMatrix(indicator=indicator, periods=periods if lines else [])
    for name, by_period in lines.items():
        matrix.lines.append(
            (name, [by_period[x].value if x in by_period else None for x in periods])
        )
        matrix.flags.append([by_period[x].flag if x in by_period else "" for x in periods])
    return matrix


@dataclass(frozen=True)
class Headline:
    indicator: Indicator
    period: str
    value: Decimal | None
    flag: str
    previous: Decimal | None
    url: str = ""


def headline_for(*, indicator: Indicator) -> Headline | None:
    totals = [
        p for p in series_points(indicator=indicator) if all(c == TOTAL for c in p.dims.values())
    ]
    if not totals:
        return None
    totals.sort(key=lambda p: p.period)
    last = totals[-1]
    prev = totals[-2].value if len(totals) > 1 else None
    return Headline(indicator, last.period, last.value, last.flag, prev)


def _indicator_pages() -> QuerySet[Any]:
    """Live indicator pages, those in the active language first (then the source language's)."""
    # Resolved through the app registry: the page models call these selectors, so importing
    # them here would tie the two modules in a circle.
    active = Locale.get_active()
    pages: QuerySet[Any] = (
        apps.get_model("cms", "IndicatorPage")
        .objects.live()
        .annotate(other_language=Case(When(locale=active, then=0), default=1))
        .order_by("other_language", "path")
    )
    return pages


def headline_list() -> list[Headline]:
    urls: dict[int, str] = {}
    for p in _indicator_pages().filter(indicator__headline=True):
        urls.setdefault(p.indicator_id, p.url)
    out = []
    for indicator in indicator_list().filter(headline=True):
        h = headline_for(indicator=indicator)
        if h is not None:
            out.append(replace(h, url=urls.get(indicator.pk) or ""))
    return out


def catalogue_list() -> QuerySet[Indicator]:
    return indicator_list().prefetch_related(
        Prefetch("pages", to_attr="live_pages", queryset=_indicator_pages())
    )


def release_list(*, indicator: Indicator | None = None, upcoming: bool = True) -> QuerySet[Release]:
    qs = Release.objects.select_related("indicator").exclude(status=Release.Status.CANCELLED)
    if indicator is not None:
        qs = qs.filter(indicator=indicator)
    if upcoming:
        return qs.filter(status=Release.Status.SCHEDULED).order_by("scheduled_for")
    return qs.filter(status=Release.Status.PUBLISHED).order_by("-published_at")


def observation_changes(*, indicator: Indicator) -> QuerySet[ObservationRevision]:
    """Revisions of published values; suppressible indicators never reveal old small counts."""
    qs = ObservationRevision.objects.filter(observation__indicator=indicator).select_related(
        "observation"
    )
    if indicator.suppressible:
        threshold = lmi_settings_get().suppression_threshold
        qs = qs.filter(old_value__gte=threshold, new_value__gte=threshold)
    return qs


# --- contributions -----------------------------------------------------------------------------


def agency_list_for(*, user: User) -> QuerySet[Agency]:
    return Agency.objects.filter(members=user)


def indicator_list_contributable(*, user: User) -> QuerySet[Indicator]:
    """The MOU annex: only the indicators of the agencies the user belongs to."""
    if not user_can(user=user, action=Action.LMI_CONTRIBUTE):
        return Indicator.objects.none()
    return (
        indicator_list().filter(agency__members=user).exclude(source=Indicator.Source.CASE_SYSTEM)
    )


def user_can_contribute(*, user: User, indicator: Indicator) -> bool:
    return indicator_list_contributable(user=user).filter(pk=indicator.pk).exists()


def dataset_list_for(*, user: User) -> QuerySet[Dataset]:
    qs = Dataset.objects.select_related("indicator", "agency", "uploaded_by", "release")
    if user_can(user=user, action=Action.LMI_VET):
        return qs
    return qs.filter(agency__members=user)


def dataset_get_for(*, user: User, dataset_id: int) -> Dataset | None:
    return dataset_list_for(user=user).filter(pk=dataset_id).first()


def dataset_changes(*, dataset: Dataset) -> list[tuple[str, str, Decimal | None, Decimal]]:
    """(period, dims_key, published value or None, uploaded value) for rows that differ."""
    current = {
        (o.period, o.dims_key): o.value
        for o in Observation.objects.filter(indicator_id=dataset.indicator_id)
    }
    out = []
    for row in dataset.rows.all():
        old = current.get((row.period, row.dims_key))
        if old != row.value:
            out.append((row.period, row.dims_key, old, row.value))
    return out


def dataset_list_due(*, now: datetime | None = None) -> QuerySet[Dataset]:
    return Dataset.objects.filter(
        status=Dataset.Status.APPROVED, release__scheduled_for__lte=now or timezone.now()
    ).order_by("release__scheduled_for", "pk")


@dataclass(frozen=True)
class SharedFigure:
    concept: str  # the ILOSTAT code when there is one, so ministries line up
    name: str
    unit: str
    period: str
    value: Decimal | None
    flag: str


def shared_figure_list() -> list[SharedFigure]:
    """What this ministry consents to show on the regional portal: published, suppressed values."""
    out = []
    for indicator in indicator_list(shared_only=True):
        h = headline_for(indicator=indicator)
        if h is not None:
            out.append(
                SharedFigure(
                    indicator.ilo_code or indicator.code,
                    indicator.name,
                    indicator.get_unit_display(),
                    h.period,
                    h.value,
                    h.flag,
                )
            )
    return out
