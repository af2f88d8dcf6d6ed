"""Incremental refresh of the ``Fact`` summary table.

Each run finds the months touched by rows changed since the source's watermark (any of the
row's dates, so a rescheduled inspection re-counts both months) and recomputes only those
months; stock sources (registry, open cases) are small GROUP BYs and are rebuilt every time.
A beat task runs this every minute per ministry, so a change shows on the dashboards within a
minute; ``full=True`` rebuilds everything (nightly, and after a deploy that changes a metric).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import DateField, F, Min, Q, QuerySet, Value
from django.db.models.functions import Cast, ExtractYear, Left, TruncMonth
from django.utils import timezone

from labourhub.accounts.models import Office
from labourhub.analytics.models import STOCK_MONTH, Fact, RefreshState
from labourhub.analytics.sources import (
    COVERAGE_METRIC,
    SOURCES,
    WORKERS_COVERED_METRIC,
    YEARLY_METRICS,
    Metric,
    Source,
)
from labourhub.common.db import current_schema
from labourhub.registry.isic import isic_section

# The watermark is the start of the last run. A row committed just after that run by a
# transaction that began before it carries an older updated_at; re-reading five minutes before
# the watermark catches it, costs little, and recomputing a month is idempotent.
OVERLAP = dt.timedelta(minutes=5)


@dataclass
class RefreshResult:
    months: dict[str, int] = field(default_factory=dict)
    rows_written: int = 0
    skipped: bool = False


def office_regions() -> dict[int, int]:
    return {
        pk: (pk if level == Office.Level.REGION else parent or pk)
        for pk, level, parent in Office.objects.values_list("pk", "level", "parent_id")
    }


def month_of(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.replace(day=1)


def next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def months_q(months: Iterable[dt.date], alias: str = "a_date") -> Q:
    """Rows dated in ``months``, with consecutive months merged into one range."""
    ranges: list[list[dt.date]] = []
    for m in sorted(set(months)):
        if ranges and ranges[-1][1] == m:
            ranges[-1][1] = next_month(m)
        else:
            ranges.append([m, next_month(m)])
    q = Q()
    for start, end in ranges:
        q |= Q(**{f"{alias}__gte": start, f"{alias}__lt": end})
    return q


def _dirty_months(source: Source, since: dt.datetime) -> set[dt.date]:
    changed = source.rows().filter(a_changed__gt=since)
    months: set[dt.date] = set()
    for alias in ("a_date", *source.dirty_dates):
        values = (
            changed.exclude(**{f"{alias}__isnull": True})
            .annotate(_m=TruncMonth(alias))
            .values_list("_m", flat=True)
            .distinct()
        )
        months.update(month_of(v) for v in values)
    return months


def _aggregate(
    source: Source, metric: Metric, months: set[dt.date] | None, regions: dict[int, int]
) -> dict[tuple[Any, ...], Decimal]:
    qs: QuerySet[Any] = source.rows().filter(metric.where)
    if months is not None:
        qs = qs.filter(months_q(months))
    keys: dict[str, Any] = {
        "o": F("a_office"),
        "div": Left("a_isic", 2),
        "d": metric.dim if metric.dim is not None else Value(""),
        "i": F("a_inspector") if metric.by_inspector else Value(0),
    }
    if not source.stock:
        keys["m"] = Cast(TruncMonth("a_date"), DateField())
    out: dict[tuple[Any, ...], Decimal] = defaultdict(Decimal)
    for row in qs.order_by().values(**keys).annotate(v=metric.value).values_list(*keys, "v"):
        values = dict(zip([*keys, "v"], row, strict=True))
        if values["v"] is None or values["o"] is None:
            continue
        key = (
            metric.code,
            values.get("m", STOCK_MONTH),
            int(values["o"]),
            isic_section(values["div"] or ""),
            str(values["d"] or "")[:120],
            int(values["i"]),
        )
        out[key] += Decimal(values["v"])
    return out


def _coverage(months: set[dt.date] | None) -> dict[tuple[Any, ...], Decimal]:
    """Establishments counted in the month of their first completed visit of the year."""
    from labourhub.analytics.sources import inspection_rows

    years = None if months is None else sorted({m.year for m in months})
    inner = inspection_rows().filter(a_done=True)
    if years is not None:
        inner = inner.filter(
            a_date__gte=dt.date(years[0], 1, 1), a_date__lt=dt.date(years[-1] + 1, 1, 1)
        )
    inner = (
        inner.order_by()
        .values("a_est", "a_est_office", "a_isic", "a_wf", "a_wm", y=ExtractYear("a_date"))
        .annotate(first=Min("a_date"))
    )
    sql, params = inner.query.sql_with_params()
    # Two-level aggregation (per establishment-year, then per month) in one statement: the
    # inner query is the ORM's, so field names stay in sources.py.
    columns = "date_trunc('month', t.first)::date, t.a_est_office, left(t.a_isic, 2)"
    sums = "count(*), sum(t.a_wf), sum(t.a_wm)"
    outer = f"SELECT {columns}, {sums} FROM ({sql}) t GROUP BY 1, 2, 3"  # noqa: S608
    out: dict[tuple[Any, ...], Decimal] = defaultdict(Decimal)
    with connection.cursor() as cursor:
        cursor.execute(outer, params)
        for month, office, div, n, women, men in cursor.fetchall():
            sector = isic_section(div or "")
            out[(COVERAGE_METRIC, month, int(office), sector, "", 0)] += n
            out[(WORKERS_COVERED_METRIC, month, int(office), sector, "female", 0)] += women or 0
            out[(WORKERS_COVERED_METRIC, month, int(office), sector, "male", 0)] += men or 0
    return out


def _write(rows: dict[tuple[Any, ...], Decimal], regions: dict[int, int]) -> int:
    facts = [
        Fact(
            metric=metric,
            month=month,
            office_id=office,
            region_id=regions.get(office, office),
            sector=sector,
            dim=dim,
            inspector_id=inspector,
            value=value,
        )
        for (metric, month, office, sector, dim, inspector), value in rows.items()
        if value
    ]
    Fact.objects.bulk_create(facts, batch_size=5000)
    return len(facts)


def refresh_run(*, full: bool = False) -> RefreshResult:
    """Bring ``Fact`` up to date. Must run inside a transaction (the service provides it)."""
    result = RefreshResult()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_try_advisory_xact_lock(hashtext(%s))",
            [f"analytics:{current_schema()}"],
        )
        if not cursor.fetchone()[0]:
            result.skipped = True  # another refresh of this ministry is running
            return result
    regions = office_regions()
    now = timezone.now()
    for source in SOURCES:
        state, _created = RefreshState.objects.get_or_create(source=source.code)
        codes = sorted({m.code for m in source.metrics})
        if source.code == "inspection":
            codes += YEARLY_METRICS
        months: set[dt.date] | None
        if source.stock or full or state.watermark is None:
            months = None
            Fact.objects.filter(metric__in=codes).delete()
        else:
            months = _dirty_months(source, state.watermark - OVERLAP)
            if not months:
                RefreshState.objects.filter(pk=state.pk).update(watermark=now, refreshed_at=now)
                continue
            Fact.objects.filter(metric__in=codes, month__in=months).exclude(
                metric__in=YEARLY_METRICS
            ).delete()
        rows: dict[tuple[Any, ...], Decimal] = {}
        for metric in source.metrics:
            for key, value in _aggregate(source, metric, months, regions).items():
                rows[key] = rows.get(key, Decimal(0)) + value
        if source.code == "inspection":
            if months is not None:
                years = {m.year for m in months}
                Fact.objects.filter(metric__in=YEARLY_METRICS, month__year__in=years).delete()
            rows.update(_coverage(months))
        written = _write(rows, regions)
        result.rows_written += written
        result.months[source.code] = -1 if months is None else len(months)
        RefreshState.objects.filter(pk=state.pk).update(
            watermark=now, refreshed_at=now, rows_written=written
        )
    return result
