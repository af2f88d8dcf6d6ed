"""Where the numbers come from: one small query function per source model.

Each ``*_rows()`` function is the ONLY place that knows the field names of another app's model.
It annotates a fixed vocabulary of aliases (``a_date``, ``a_office``, ``a_isic``, ``a_changed``,
``a_inspector`` and source-specific ``a_*``); metrics, drill-downs and the refresh speak only
that vocabulary. When the inspections or enforcement engineers rename a field, the fix is one
line here, and ``tests/analytics`` fails loudly until it is made.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Left, TruncDate
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from labourhub.complaints.models import AccidentNotification, Complaint
from labourhub.enforcement.models import ComplianceOrder, Fine, Payment
from labourhub.inspections.models import Finding, Inspection
from labourhub.registry.models import Establishment
from labourhub.workflow.models import Case as WorkflowCase
from labourhub.workflow.models import Deadline


def _days_between(end: Any, start: Any) -> Func:
    """Whole days from ``start`` to ``end`` (PostgreSQL ``date - date`` is an integer)."""
    return Func(
        Cast(end, DateField()),
        Cast(start, DateField()),
        template="(%(expressions)s)",
        arg_joiner=" - ",
        output_field=IntegerField(),
    )


def _inspection_day(prefix: str = "") -> Coalesce:
    # An inspection counts in the month it was submitted; before that, when it was scheduled.
    return Coalesce(
        TruncDate(f"{prefix}submitted_at"),
        F(f"{prefix}scheduled_for"),
        TruncDate(f"{prefix}created_at"),
        output_field=DateField(),
    )


# -- one query function per source model -------------------------------------------------------


def inspection_rows() -> QuerySet[Any]:
    return Inspection.objects.annotate(
        a_date=_inspection_day(),
        a_office=F("office_id"),
        a_isic=F("establishment__isic_code"),
        a_inspector=Coalesce(F("inspector_id"), Value(0)),
        a_changed=F("updated_at"),
        a_done=Q(status=Inspection.Status.COMPLETED),
        a_origin=F("origin"),
        a_est=F("establishment_id"),
        a_est_office=F("establishment__office_id"),
        a_wf=F("establishment__workers_female"),
        a_wm=F("establishment__workers_male"),
    )


def finding_rows() -> QuerySet[Any]:
    return Finding.objects.annotate(
        a_date=_inspection_day("inspection__"),
        a_office=F("inspection__office_id"),
        a_isic=F("inspection__establishment__isic_code"),
        a_inspector=Coalesce(F("inspection__inspector_id"), Value(0)),
        a_changed=Greatest("updated_at", "inspection__updated_at"),
        a_live=Q(withdrawn_by__isnull=True, inspection__status=Inspection.Status.COMPLETED),
        a_provision=Left("provision", 120),
        a_child=F("child_labour"),
        a_inspection=F("inspection_id"),
    )


def order_rows() -> QuerySet[Any]:
    due = (
        Deadline.objects.filter(case_id=OuterRef("case_id"), code="order_compliance")
        .values("case_id")
        .annotate(d=Max("due_on"))
        .values("d")
    )
    return ComplianceOrder.objects.annotate(
        a_date=TruncDate("verified_at"),
        a_office=F("case__office_id"),
        a_isic=F("establishment__isic_code"),
        a_inspector=Value(0),
        # order_verify() uses QuerySet.update(), which leaves updated_at alone.
        a_changed=Greatest("updated_at", "verified_at"),
        a_verified=Q(verified_at__isnull=False) & ~Q(result=ComplianceOrder.Result.PENDING),
        a_complied=Q(result=ComplianceOrder.Result.COMPLIED),
        a_due=Subquery(due, output_field=DateField()),
    )


def fine_rows() -> QuerySet[Any]:
    first_finding = (
        ComplianceOrder.objects.filter(case_id=OuterRef("case_id"), finding__isnull=False)
        .values("case_id")
        .annotate(m=Min("finding__created_at"))
        .values("m")
    )
    return Fine.objects.annotate(
        a_date=TruncDate("created_at"),
        a_office=F("case__office_id"),
        a_isic=F("establishment__isic_code"),
        a_inspector=Value(0),
        a_changed=F("updated_at"),
        a_live=Q(annulled=False),
        a_amount=F("amount"),
        a_found=Subquery(first_finding),
    ).annotate(a_days=_days_between(F("created_at"), F("a_found")))


def payment_rows() -> QuerySet[Any]:
    return Payment.objects.annotate(
        a_date=F("paid_on"),
        a_office=F("fine__case__office_id"),
        a_isic=F("fine__establishment__isic_code"),
        a_inspector=Value(0),
        a_changed=F("updated_at"),
        a_amount=F("amount"),
    )


def complaint_rows() -> QuerySet[Any]:
    return Complaint.objects.annotate(
        a_date=TruncDate("created_at"),
        a_office=F("case__office_id"),
        a_isic=Coalesce(F("establishment__isic_code"), Value(""), output_field=CharField()),
        a_inspector=Value(0),
        a_changed=Greatest("updated_at", "case__updated_at"),
        a_channel=F("channel"),
        a_closed=F("case__closed_at"),
    )


def complaint_closed_rows() -> QuerySet[Any]:
    rows: QuerySet[Any] = complaint_rows().annotate(
        a_date=TruncDate("case__closed_at"),
        a_days=_days_between(F("case__closed_at"), F("created_at")),
    )
    return rows


def accident_rows() -> QuerySet[Any]:
    return AccidentNotification.objects.annotate(
        a_date=F("occurred_on"),
        a_office=F("case__office_id"),
        a_isic=F("establishment__isic_code"),
        a_inspector=Value(0),
        a_changed=F("updated_at"),
        a_accident=Q(kind=AccidentNotification.Kind.ACCIDENT),
        a_disease=Q(kind=AccidentNotification.Kind.DISEASE),
        a_fatal_kind=Q(severity=AccidentNotification.Severity.FATAL),
        a_deaths=F("fatalities"),
        a_vf=F("victims_female"),
        a_vm=F("victims_male"),
    )


def establishment_rows() -> QuerySet[Any]:
    return Establishment.objects.filter(status=Establishment.Status.ACTIVE).annotate(
        a_date=F("created_at"),
        a_office=F("office_id"),
        a_isic=F("isic_code"),
        a_inspector=Value(0),
        a_changed=F("updated_at"),
        a_wf=F("workers_female"),
        a_wm=F("workers_male"),
    )


AGE_BUCKETS = ((30, "0-30"), (90, "31-90"), (180, "91-180"), (365, "181-365"))


def open_case_rows() -> QuerySet[Any]:
    today = timezone.localdate()
    age = _days_between(Value(today), F("created_at"))
    bucket = Case(
        *[When(a_age__lte=limit, then=Value(label)) for limit, label in AGE_BUCKETS],
        default=Value(">365"),
        output_field=CharField(),
    )
    return (
        WorkflowCase.objects.filter(closed_at__isnull=True)
        .annotate(
            a_date=TruncDate("created_at"),
            a_office=F("office_id"),
            a_isic=Coalesce(F("establishment__isic_code"), Value(""), output_field=CharField()),
            a_inspector=Coalesce(F("assigned_to_id"), Value(0)),
            a_changed=F("updated_at"),
            a_age=age,
            a_procedure=F("procedure"),
        )
        .annotate(a_bucket=bucket)
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
