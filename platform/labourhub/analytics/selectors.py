"""Reads for dashboards, reports and drill-downs. Numbers come from ``Fact`` only; the lists
behind a number come from the same source query and filter that produced it."""

import datetime as dt
import json
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Left
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import Office, RoleGrant, User
from labourhub.accounts.roles import Action, Role, Scope
from labourhub.accounts.selectors import user_can, user_scope_for
from labourhub.analytics.divisions import divisions_parse
from labourhub.analytics.indicators import Indicator
from labourhub.analytics.models import (
    DEFAULT_MIN_WAGE_PATTERNS,
    STOCK_MONTH,
    AnalyticsSettings,
    DivisionMap,
    Fact,
)
from labourhub.analytics.refresh import months_q, next_month
from labourhub.analytics.sources import (
    METRIC_SOURCE,
    YEARLY_METRICS,
    metric_dim,
    metric_where,
)
from labourhub.common.db import current_schema
from labourhub.extensions.country_types import MapDivision
from labourhub.registry.isic import isic_divisions_of

# gettext_noop: extracted for translators, translated where raised (in the user's language).
NOT_ALLOWED = gettext_noop("Your role does not allow this.")
PERFORMANCE_REFUSED = gettext_noop(
    "Individual performance is shown only to the inspector and their supervisor."
)


@dataclass(frozen=True)
class Filters:
    start: dt.date  # first day of the first month
    end: dt.date  # first day of the last month (inclusive)
    region_id: int | None = None
    office_id: int | None = None
    sector: str = ""
    # Set by the role scope, never by the user: None = the whole ministry.
    offices: frozenset[int] | None = None
    inspector_id: int = 0

    @property
    def end_exclusive(self) -> dt.date:
        return next_month(self.end)

    def months(self) -> list[dt.date]:
        out, m = [], self.start
        while m <= self.end:
            out.append(m)
            m = next_month(m)
        return out


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(today.year, 1, 1), today.replace(day=1)


# -- who sees what -----------------------------------------------------------------------------


def offices_in(office: Office) -> frozenset[int]:
    """An office and, for a region, its district offices."""
    ids = {office.pk}
    if office.level == Office.Level.REGION:
        ids.update(Office.objects.filter(parent=office).values_list("pk", flat=True))
    return frozenset(ids)


def dashboard_scope(*, user: User, filters: Filters) -> Filters:
    """Narrow ``filters`` to what the user's role may see (raises PermissionDenied if nothing)."""
    scope = user_scope_for(user=user, action=Action.DASHBOARD_VIEW)
    if scope is None:
        raise PermissionDenied(_(NOT_ALLOWED))
    if scope == Scope.MINISTRY:
        return filters
    if scope == Scope.OWN or user.office is None:
        return replace(filters, inspector_id=user.pk, offices=None)
    if scope == Scope.REGION:
        region = user.office if user.office.parent_id is None else user.office.parent
        assert region is not None
        return replace(filters, offices=offices_in(region))
    return replace(filters, offices=offices_in(user.office))


def dashboard_level(filters: Filters) -> str:
    if filters.inspector_id:
        return "own"
    return "ministry" if filters.offices is None else "office"


# -- numbers from the summary ---------------------------------------------------------------


def _facts(
    metric: str, f: Filters, *, stock: bool = False, dims: tuple[str, ...] = ()
) -> QuerySet[Fact]:
    qs = Fact.objects.filter(metric=metric)
    qs = (
        qs.filter(month=STOCK_MONTH)
        if stock
        else qs.filter(month__gte=f.start, month__lt=f.end_exclusive)
    )
    if f.offices is not None:
        qs = qs.filter(office_id__in=f.offices)
    if f.office_id:
        qs = qs.filter(office_id=f.office_id)
    if f.region_id:
        qs = qs.filter(region_id=f.region_id)
    if f.sector:
        qs = qs.filter(sector=f.sector)
    if f.inspector_id:
        qs = qs.filter(inspector_id=f.inspector_id)
    if dims:
        qs = qs.filter(dim__in=dims)
    return qs


def _is_stock(metric: str) -> bool:
    return metric not in YEARLY_METRICS and METRIC_SOURCE[metric].stock


def _sum(qs: QuerySet[Fact]) -> Decimal:
    return qs.aggregate(v=Sum("value"))["v"] or Decimal(0)


def median_of(histogram: dict[int, Decimal]) -> Decimal | None:
    """The median of a {days: count} histogram (lower median for an even count)."""
    total = sum(histogram.values())
    if not total:
        return None
    seen = Decimal(0)
    for days in sorted(histogram):
        seen += histogram[days]
        if seen * 2 >= total:
            return Decimal(days)
    return None  # pragma: no cover - unreachable when total > 0


class Snapshot:
    """Every fact a page needs, fetched in ONE grouped query and then read in memory.

    The page shows sixteen indicators, their charts and the map; asking the database once per
    number cost ~10 ms each, so the page reads the summary once and computes the rest here.
    """

    def __init__(self, f: Filters, metrics: set[str]) -> None:
        period = Q(month__gte=f.start, month__lt=f.end_exclusive)
        stock = [m for m in metrics if _is_stock(m)]
        qs = Fact.objects.filter(metric__in=metrics).filter(
            (period & ~Q(metric__in=stock)) | Q(metric__in=stock, month=STOCK_MONTH)
        )
        if f.offices is not None:
            qs = qs.filter(office_id__in=f.offices)
        if f.office_id:
            qs = qs.filter(office_id=f.office_id)
        if f.region_id:
            qs = qs.filter(region_id=f.region_id)
        if f.sector:
            qs = qs.filter(sector=f.sector)
        self.own = bool(f.inspector_id)
        if f.inspector_id:
            own_metrics = {"inspections_by_inspector", "cases_open_by_assignee"}
            qs = qs.filter(Q(inspector_id=f.inspector_id) | ~Q(metric__in=own_metrics))
        self.rows: list[tuple[str, int, str, str, Decimal]] = list(
            qs.values("metric", "region_id", "sector", "dim")
            .annotate(v=Sum("value"))
            .values_list("metric", "region_id", "sector", "dim", "v")
        )

    def select(
        self, metric: str, dims: tuple[str, ...] = (), region_id: int | None = None
    ) -> list[tuple[str, int, str, str, Decimal]]:
        return [
            r
            for r in self.rows
            if r[0] == metric
            and (not dims or r[3] in dims)
            and (region_id is None or r[1] == region_id)
        ]


def _snapshot_for(indicators: list[Indicator], f: Filters) -> Snapshot:
    metrics = {i.numerator for i in indicators} | {
        i.denominator for i in indicators if i.denominator
    }
    return Snapshot(f, metrics)


def indicator_value(
    indicator: Indicator, f: Filters, snap: Snapshot | None = None, region_id: int | None = None
) -> Decimal | None:
    snap = snap or _snapshot_for([indicator], f)
    rows = snap.select(indicator.numerator, indicator.numerator_dims, region_id)
    if indicator.median:
        hist: dict[int, Decimal] = {}
        for r in rows:
            hist[int(r[3])] = hist.get(int(r[3]), Decimal(0)) + r[4]
        return median_of(hist)
    numerator = sum((r[4] for r in rows), Decimal(0))
    if indicator.denominator is None:
        return numerator
    # A stock denominator (the registry) ignores the period and the inspector.
    denominator = sum((r[4] for r in snap.select(indicator.denominator, (), region_id)), Decimal(0))
    if not denominator:
        return None
    return (numerator * indicator.scale / denominator).quantize(Decimal("0.01"))


def indicator_series(
    indicator: Indicator, f: Filters, snap: Snapshot | None = None
) -> list[tuple[str, str, Decimal]]:
    """(key, label, value) for the indicator's chart: by region, sector or dimension."""
    snap = snap or _snapshot_for([indicator], f)
    if indicator.median or indicator.denominator or indicator.breakdown == "region":
        values = region_totals(indicator, f, snap)
        names = _region_names()
        return [
            (str(k), names.get(k, str(k)), v)
            for k, v in sorted(values.items(), key=lambda kv: names.get(kv[0], ""))
            if v is not None
        ]
    position = {"sector": 2, "dim": 3}[indicator.breakdown]
    totals: dict[str, Decimal] = {}
    for r in snap.select(indicator.numerator, indicator.numerator_dims):
        key = str(r[position])
        totals[key] = totals.get(key, Decimal(0)) + r[4]
    ordered = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
    labels = dim_labels()
    return [(k, str(labels.get(k, k)) or "—", v) for k, v in ordered if v]


def dim_labels() -> dict[str, Any]:
    """Display names for the coded dimension values (origin, channel, sex, sector)."""
    from labourhub.complaints.models import Complaint
    from labourhub.inspections.models import Inspection
    from labourhub.registry.isic import isic_section_choices

    return {
        **dict(Inspection.Origin.choices),
        **dict(Complaint.Channel.choices),
        **dict(isic_section_choices()),
        "female": _("Women"),
        "male": _("Men"),
    }


def _region_names() -> dict[int, str]:
    return dict(Office.objects.filter(level=Office.Level.REGION).values_list("pk", "name"))


def region_totals(
    indicator: Indicator, f: Filters, snap: Snapshot | None = None
) -> dict[int, Decimal | None]:
    """Value of the indicator in each region (for the map and charts), computed the same way."""
    snap = snap or _snapshot_for([indicator], f)
    regions = {r[1] for r in snap.rows}
    return {region: indicator_value(indicator, f, snap, region) for region in regions}


def dashboard_snapshot(indicators: list[Indicator], f: Filters) -> Snapshot:
    return _snapshot_for(indicators, f)


# -- the list behind a number -------------------------------------------------------------


def drill_rows(
    *, metric: str, f: Filters, dim: str | None = None, region_id: int | None = None
) -> QuerySet[Any]:
    """Source rows counted by ``metric`` under ``f`` (the same filter the refresh used)."""
    source = METRIC_SOURCE[metric]
    qs = source.rows().filter(metric_where(metric))
    if not source.stock:
        qs = qs.filter(months_q(f.months()))
    offices = f.offices
    for narrow in (f.office_id, region_id or f.region_id):
        if narrow:
            office = Office.objects.filter(pk=narrow).first()
            ids = offices_in(office) if office is not None else frozenset()
            offices = ids if offices is None else offices & ids
    if offices is not None:
        qs = qs.filter(a_office__in=offices)
    if f.sector:
        qs = qs.annotate(a_div=Left("a_isic", 2)).filter(a_div__in=isic_divisions_of(f.sector))
    if f.inspector_id:
        qs = qs.filter(a_inspector=f.inspector_id)
    expression = metric_dim(metric)
    if dim is not None and expression is not None:
        qs = qs.annotate(a_dim=expression).filter(a_dim=dim)
    related = [
        attr
        for _label, attr in source.columns
        if attr in {f.name for f in qs.model._meta.get_fields() if f.is_relation and f.many_to_one}
    ]
    if related:
        qs = qs.select_related(*related)
    # Newest first by primary key, not by date: PostgreSQL walks the primary-key index
    # backwards and stops after one page, instead of sorting every matching row.
    return qs.order_by("-pk")


# -- settings and performance ------------------------------------------------------------------


def analytics_settings_get() -> AnalyticsSettings:
    found = AnalyticsSettings.objects.filter(pk=1).first()
    return found if found is not None else AnalyticsSettings(pk=1)


def supervises(*, viewer: User, inspector: User) -> bool:
    """True for a supervisor or office head of the inspector's office (or its region)."""
    if inspector.office is None or viewer.pk == inspector.pk:
        return False
    return user_can(user=viewer, action=Action.PERFORMANCE_VIEW, office=inspector.office)


def performance_allowed(*, viewer: User, inspector: User) -> bool:
    if viewer.pk == inspector.pk:
        return user_can(user=viewer, action=Action.PERFORMANCE_VIEW)
    return supervises(viewer=viewer, inspector=inspector)


def performance_get(*, inspector: User, f: Filters) -> dict[str, Any]:
    own = replace(f, inspector_id=inspector.pk, offices=None, office_id=None, region_id=None)
    by_origin = list(
        _facts("inspections_by_inspector", own)
        .values("dim")
        .annotate(v=Sum("value"))
        .values_list("dim", "v")
        .order_by("dim")
    )
    open_cases = list(
        _facts("cases_open_by_assignee", own, stock=True)
        .values("dim")
        .annotate(v=Sum("value"))
        .values_list("dim", "v")
        .order_by("dim")
    )
    return {
        "inspections": sum((v for _d, v in by_origin), Decimal(0)),
        "by_origin": by_origin,
        "open_cases": sum((v for _d, v in open_cases), Decimal(0)),
        "open_by_age": open_cases,
    }


def office_ranking(*, office: Office, f: Filters) -> list[tuple[User, Decimal]]:
    """Inspectors of ``office`` by completed inspections in the period (only when enabled)."""
    inspectors = User.objects.filter(
        office=office, role_grants__role=Role.INSPECTOR, is_active=True
    ).distinct()
    totals = dict(
        Fact.objects.filter(
            metric="inspections_by_inspector",
            month__gte=f.start,
            month__lt=f.end_exclusive,
            inspector_id__in=inspectors,
        )
        .values("inspector_id")
        .annotate(v=Sum("value"))
        .values_list("inspector_id", "v")
    )
    rows = [(u, totals.get(u.pk, Decimal(0))) for u in inspectors]
    return sorted(rows, key=lambda r: (-r[1], r[0].username))


def inspector_count(*, offices: frozenset[int] | None = None) -> int:
    qs = RoleGrant.objects.filter(role=Role.INSPECTOR, user__is_active=True)
    if offices is not None:
        qs = qs.filter(user__office_id__in=offices)
    return qs.values("user_id").distinct().count()


def freshness() -> dt.datetime | None:
    """When the summaries were last brought up to date (shown on every dashboard)."""
    from labourhub.analytics.models import RefreshState

    return (
        RefreshState.objects.exclude(refreshed_at=None)
        .order_by("-refreshed_at")
        .values_list("refreshed_at", flat=True)
        .first()
    )


def min_wage_patterns() -> list[str]:
    found = AnalyticsSettings.objects.filter(pk=1).values_list("min_wage_patterns", flat=True)
    patterns = list(found.first() or [])
    return patterns or list(DEFAULT_MIN_WAGE_PATTERNS)


def division_map_active() -> DivisionMap | None:
    """The ministry's own uploaded outlines in force, if any."""
    return DivisionMap.objects.filter(withdrawn_at__isnull=True).order_by("-id").first()


_UPLOADED: dict[tuple[str, int], list[MapDivision]] = {}


def _uploaded_divisions(upload: "DivisionMap") -> list[MapDivision]:
    # Checked when uploaded; parsed again once per process, not on every dashboard view.
    key = (current_schema(), upload.pk)
    if key not in _UPLOADED:
        if len(_UPLOADED) > 64:
            _UPLOADED.clear()
        _UPLOADED[key] = divisions_parse(json.dumps(upload.geojson).encode())
    return _UPLOADED[key]


def map_divisions_declared(*, tenant: Any) -> list[MapDivision]:
    """The divisions the country packs active for ``tenant`` declare, first of each code."""
    from labourhub.extensions import flatten, hooks_for

    seen: dict[str, MapDivision] = {}
    for division in flatten(hooks_for(tenant).register_map_divisions(tenant=tenant)):
        seen.setdefault(division.code.upper(), division)
    return list(seen.values())


def map_divisions_current(*, tenant: Any) -> tuple[list[MapDivision], DivisionMap | None]:
    """The divisions ``tenant``'s map is drawn in: its own upload if any, else its packs'."""
    upload = division_map_active()
    if upload is not None:
        return _uploaded_divisions(upload), upload
    return map_divisions_declared(tenant=tenant), None
