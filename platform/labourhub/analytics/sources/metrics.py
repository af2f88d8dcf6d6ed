"""The metrics counted from each source, and how to look one up."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    CharField,
    Count,
    F,
    Func,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Cast
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from labourhub.analytics.sources.rows import (
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

# -- metrics: what is counted from each source ------------------------------------------------


@dataclass(frozen=True)
class Metric:
    code: str
    where: Q
    value: Any  # an aggregate over the source's aliases
    dim: Any = None  # an expression giving the breakdown value, or None
    by_inspector: bool = False


@dataclass(frozen=True)
class Source:
    code: str
    label: str | Promise
    rows: Callable[[], QuerySet[Any]]
    metrics: tuple[Metric, ...]
    # Stock sources describe "now" (the registry, open cases) and are rebuilt on every refresh.
    stock: bool = False
    # Aliases whose month is marked dirty when a row changes (a_date is always included).
    dirty_dates: tuple[str, ...] = ()
    # Metrics whose value for a month depends on the whole year (first visit of the year).
    yearly: tuple[str, ...] = field(default_factory=tuple)
    # Columns of the drill-down list: (label, alias or attribute).
    columns: tuple[tuple[str | Promise, str], ...] = ()
    link: str = ""  # URL pattern of one row, "{pk}" substituted; "" when the row has no page


ONE = Count("pk")
DAYS = Cast("a_days", CharField())

SOURCES: tuple[Source, ...] = (
    Source(
        "inspection",
        _("Inspections"),
        inspection_rows,
        (
            Metric("inspections_done", Q(a_done=True), ONE, dim=F("a_origin")),
            Metric(
                "inspections_by_inspector",
                Q(a_done=True) & ~Q(a_inspector=0),
                ONE,
                dim=F("a_origin"),
                by_inspector=True,
            ),
        ),
        dirty_dates=("scheduled_for", "created_at"),
        columns=(
            (_("Reference"), "reference"),
            (_("Establishment"), "establishment"),
            (_("Origin"), "get_origin_display"),
            (_("Status"), "get_status_display"),
            (_("Date"), "a_date"),
        ),
    ),
    Source(
        "finding",
        _("Violations found"),
        finding_rows,
        (
            Metric("violations", Q(a_live=True), ONE, dim=F("a_provision")),
            Metric(
                "child_labour_inspections",
                Q(a_live=True, a_child=True),
                Count("a_inspection", distinct=True),
            ),
        ),
        columns=(
            (_("Inspection"), "inspection"),
            (_("Provision"), "provision"),
            (_("Severity"), "get_severity_display"),
            (_("Description"), "description"),
            (_("Date"), "a_date"),
        ),
    ),
    Source(
        "order",
        _("Compliance orders"),
        order_rows,
        (
            Metric("orders_verified", Q(a_verified=True), ONE),
            Metric("orders_complied", Q(a_verified=True, a_complied=True), ONE),
            Metric(
                "orders_complied_in_time",
                Q(a_verified=True, a_complied=True, a_date__lte=F("a_due")),
                ONE,
            ),
        ),
        columns=(
            (_("Case"), "case"),
            (_("Provision"), "provision"),
            (_("Result"), "get_result_display"),
            (_("Verified"), "a_date"),
        ),
    ),
    Source(
        "fine",
        _("Fines imposed"),
        fine_rows,
        (
            Metric("fines_imposed_count", Q(a_live=True), ONE),
            Metric("fines_imposed_amount", Q(a_live=True), Sum("a_amount")),
            Metric(
                "days_finding_to_sanction", Q(a_live=True, a_found__isnull=False), ONE, dim=DAYS
            ),
        ),
        columns=(
            (_("Case"), "case"),
            (_("Provision"), "provision"),
            (_("Amount"), "amount"),
            (_("Currency"), "currency"),
            (_("Imposed"), "a_date"),
        ),
    ),
    Source(
        "payment",
        _("Fine payments"),
        payment_rows,
        (Metric("fines_collected_amount", Q(), Sum("a_amount")),),
        columns=(
            (_("Fine"), "fine"),
            (_("Reference"), "reference"),
            (_("Amount"), "amount"),
            (_("Paid on"), "a_date"),
        ),
    ),
    Source(
        "complaint",
        _("Complaints received"),
        complaint_rows,
        (Metric("complaints_received", Q(), ONE, dim=F("a_channel")),),
        columns=(
            (_("Case"), "case"),
            (_("Subject"), "subject"),
            (_("Channel"), "get_channel_display"),
            (_("Received"), "a_date"),
        ),
    ),
    Source(
        "complaint_closed",
        _("Complaints resolved"),
        complaint_closed_rows,
        (
            Metric("complaints_resolved", Q(a_closed__isnull=False), ONE),
            Metric("days_to_resolution", Q(a_closed__isnull=False), ONE, dim=DAYS),
        ),
        columns=((_("Case"), "case"), (_("Subject"), "subject"), (_("Resolved"), "a_date")),
    ),
    Source(
        "accident",
        _("Accidents and diseases notified"),
        accident_rows,
        (
            Metric("accidents_fatal", Q(a_accident=True), Sum("a_deaths")),
            Metric(
                "accidents_nonfatal",
                Q(a_accident=True, a_fatal_kind=False),
                Sum("a_vf"),
                dim=Value("female"),
            ),
            Metric(
                "accidents_nonfatal",
                Q(a_accident=True, a_fatal_kind=False),
                Sum("a_vm"),
                dim=Value("male"),
            ),
            Metric("accidents_notified", Q(a_accident=True), ONE),
            Metric("diseases_notified", Q(a_disease=True), ONE),
        ),
        columns=(
            (_("Case"), "case"),
            (_("Establishment"), "establishment"),
            (_("Kind"), "get_kind_display"),
            (_("Severity"), "get_severity_display"),
            (_("Occurred"), "a_date"),
        ),
    ),
    Source(
        "establishment",
        _("Establishments registered"),
        establishment_rows,
        (
            Metric("establishments_registered", Q(), ONE),
            Metric("workers_registered", Q(), Sum("a_wf"), dim=Value("female")),
            Metric("workers_registered", Q(), Sum("a_wm"), dim=Value("male")),
        ),
        stock=True,
        columns=(
            (_("Registration"), "registration_number"),
            (_("Name"), "name"),
            (_("ISIC"), "isic_code"),
            (_("Workers"), "workers_total"),
        ),
        link="/app/establishments/{pk}/",
    ),
    Source(
        "open_case",
        _("Open cases"),
        open_case_rows,
        (
            Metric(
                "cases_open",
                Q(),
                ONE,
                dim=Func(
                    F("a_procedure"),
                    Value("|"),
                    F("a_bucket"),
                    function="CONCAT",
                    output_field=CharField(),
                ),
            ),
            Metric(
                "cases_open_by_assignee",
                ~Q(a_inspector=0),
                ONE,
                dim=F("a_bucket"),
                by_inspector=True,
            ),
        ),
        stock=True,
        columns=(
            (_("Reference"), "reference"),
            (_("Title"), "title"),
            (_("State"), "state"),
            (_("Age (days)"), "a_age"),
        ),
    ),
)

# Coverage and workers covered need "distinct establishments visited in the year"; refresh.py
# builds them from the inspection source (first completed visit of each establishment in each
# calendar year), so an establishment visited twice counts once.
COVERAGE_METRIC = "establishments_inspected"
WORKERS_COVERED_METRIC = "workers_covered"
YEARLY_METRICS = (COVERAGE_METRIC, WORKERS_COVERED_METRIC)

SOURCE_BY_CODE = {s.code: s for s in SOURCES}
METRIC_SOURCE: dict[str, Source] = {m.code: s for s in SOURCES for m in s.metrics}
for _code in YEARLY_METRICS:
    METRIC_SOURCE[_code] = SOURCE_BY_CODE["inspection"]


def metric_where(metric: str) -> Q:
    """The row filter of ``metric`` (its specs share one filter, whatever their dimension)."""
    if metric in YEARLY_METRICS:
        return Q(a_done=True)
    source = METRIC_SOURCE[metric]
    return next(m.where for m in source.metrics if m.code == metric)


def metric_dim(metric: str) -> Any:
    if metric in YEARLY_METRICS:
        return None
    source = METRIC_SOURCE[metric]
    return next(m.dim for m in source.metrics if m.code == metric)
