"""Where the numbers come from: one small query function per source model.

Each ``*_rows()`` function is the ONLY place that knows the field names of another app's model.
It annotates a fixed vocabulary of aliases (``a_date``, ``a_office``, ``a_isic``, ``a_changed``,
``a_inspector`` and source-specific ``a_*``); metrics, drill-downs and the refresh speak only
that vocabulary. When the inspections or enforcement engineers rename a field, the fix is one
line here, and ``tests/analytics`` fails loudly until it is made."""

from labourhub.analytics.sources.metrics import (
    COVERAGE_METRIC,
    DAYS,
    METRIC_SOURCE,
    ONE,
    SOURCE_BY_CODE,
    SOURCES,
    WORKERS_COVERED_METRIC,
    YEARLY_METRICS,
    Metric,
    Source,
    metric_dim,
    metric_where,
)
from labourhub.analytics.sources.rows import (
    AGE_BUCKETS,
    accident_rows,
    complaint_closed_rows,
    complaint_rows,
    establishment_rows,
    finding_rows,
    fine_rows,
    inspection_rows,
    open_case_rows,
    order_rows,
    payment_rows,
)

__all__ = [
    "AGE_BUCKETS",
    "COVERAGE_METRIC",
    "DAYS",
    "METRIC_SOURCE",
    "ONE",
    "SOURCES",
    "SOURCE_BY_CODE",
    "WORKERS_COVERED_METRIC",
    "YEARLY_METRICS",
    "Metric",
    "Source",
    "accident_rows",
    "complaint_closed_rows",
    "complaint_rows",
    "establishment_rows",
    "finding_rows",
    "fine_rows",
    "inspection_rows",
    "metric_dim",
    "metric_where",
    "open_case_rows",
    "order_rows",
    "payment_rows",
]
