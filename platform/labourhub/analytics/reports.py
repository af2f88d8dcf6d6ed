"""Preformatted reports, built from the same summaries and indicators as the dashboards.

A ministry asked for these by name ("I would like a preformatted report"): the ILO C81 annual
statistics, a monthly office report, minimum-wage violations and case ageing. Each renders to
screen, PDF, Excel and CSV; plugins add theirs with ``register_report_definitions``.
"""

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, Sum
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from labourhub.accounts.models import Office
from labourhub.analytics.exports import csv_lines, xlsx_bytes
from labourhub.analytics.indicators import CORE_INDICATORS
from labourhub.analytics.selectors import (
    Filters,
    _facts,
    dashboard_snapshot,
    indicator_value,
    inspector_count,
    min_wage_patterns,
    offices_in,
)
from labourhub.analytics.sources import AGE_BUCKETS


@dataclass
class Report:
    code: str
    title: str
    subtitle: str
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReportSpec:
    code: str
    label: str | Promise
    period: str  # "year" | "month" | "none"
    build: Callable[[Filters, str], Report]


def parse_period(period: str, kind: str) -> tuple[dt.date, dt.date]:
    """'2026' -> Jan..Dec 2026; '2026-03' -> March 2026. Raises ValidationError otherwise."""
    if kind == "year" and re.fullmatch(r"(19|20)\d\d", period or ""):
        year = int(period)
        return dt.date(year, 1, 1), dt.date(year, 12, 1)
    if kind == "month" and re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", period or ""):
        first = dt.date(int(period[:4]), int(period[5:]), 1)
        return first, first
    if kind == "none":
        today = timezone.localdate().replace(day=1)
        return today, today
    raise ValidationError(
        {"period": _("Give the period as YYYY for a year or YYYY-MM for a month.")}
    )


def _total(metric: str, f: Filters, *, stock: bool = False, dims: tuple[str, ...] = ()) -> Decimal:
    return _facts(metric, f, stock=stock, dims=dims).aggregate(v=Sum("value"))["v"] or Decimal(0)


def _n(value: Decimal | None) -> Any:
    if value is None:
        return ""
    return int(value) if value == value.to_integral_value() else value


def ilo_c81(f: Filters, scope_label: str) -> Report:
    from labourhub.inspections.models import Inspection

    origins = dict(Inspection.Origin.choices)
    by_origin = dict(
        _facts("inspections_done", f).values("dim").annotate(v=Sum("value")).values_list("dim", "v")
    )
    women = _total("workers_registered", f, stock=True, dims=("female",))
    men = _total("workers_registered", f, stock=True, dims=("male",))
    rows: list[list[Any]] = [
        [
            _("Workplaces liable to inspection (active establishments in the registry)"),
            _n(_total("establishments_registered", f, stock=True)),
        ],
        [_("Workers employed in those workplaces: women"), _n(women)],
        [_("Workers employed in those workplaces: men"), _n(men)],
        [_("Workers employed in those workplaces: total"), _n(women + men)],
        [
            _("Labour inspectors (active accounts with the inspector role)"),
            inspector_count(offices=f.offices),
        ],
        [_("Inspection visits completed"), _n(sum(by_origin.values(), Decimal(0)))],
    ]
    for code, label in origins.items():
        rows.append([f"  {label}", _n(by_origin.get(code, Decimal(0)))])
    rows += [
        [_("Violations detected"), _n(_total("violations", f))],
        [_("Penalties imposed (fines)"), _n(_total("fines_imposed_count", f))],
        [_("Amount of fines imposed"), _n(_total("fines_imposed_amount", f))],
        [_("Amount of fines collected"), _n(_total("fines_collected_amount", f))],
        [_("Industrial accidents notified"), _n(_total("accidents_notified", f))],
        [_("Fatal occupational injuries (deaths)"), _n(_total("accidents_fatal", f))],
        [
            _("Non-fatal occupational injuries (people injured)"),
            _n(_total("accidents_nonfatal", f)),
        ],
        [_("Cases of occupational disease notified"), _n(_total("diseases_notified", f))],
    ]
    return Report(
        "ilo_c81",
        _("Annual labour inspection report (ILO Convention 81, art. 21)"),
        f"{f.start.year} · {scope_label}",
        [_("Item"), _("Value")],
        rows,
        [
            _(
                "Art. 21 of Convention No. 81 lists the statistics the annual report must give. "
                "The registry figures describe the registry on the day the report is produced."
            )
        ],
    )


def monthly_office(f: Filters, scope_label: str) -> Report:
    snap = dashboard_snapshot(list(CORE_INDICATORS), f)
    rows = [[str(i.label), _n(indicator_value(i, f, snap))] for i in CORE_INDICATORS]
    return Report(
        "monthly_office",
        _("Monthly office report"),
        f"{f.start:%Y-%m} · {scope_label}",
        [_("Indicator"), _("Value")],
        rows,
    )


def minimum_wage(f: Filters, scope_label: str) -> Report:
    patterns = min_wage_patterns()
    match = Q()
    for p in patterns:
        match |= Q(dim__icontains=p)
    qs = _facts("violations", f).filter(match) if patterns else _facts("violations", f).none()
    names = dict(Office.objects.values_list("pk", "name"))
    rows = [
        [names.get(region, str(region)), provision, _n(value)]
        for region, provision, value in qs.values("region_id", "dim")
        .annotate(v=Sum("value"))
        .values_list("region_id", "dim", "v")
        .order_by("region_id", "-v")
    ]
    total = sum((r[2] for r in rows), 0)
    rows.append([_("Total"), "", total])
    return Report(
        "minimum_wage",
        _("Minimum-wage violations"),
        f"{f.start:%Y-%m} to {f.end:%Y-%m} · {scope_label}",
        [_("Region"), _("Legal provision"), _("Violations")],
        rows,
        [
            _("Counted: findings whose provision contains one of: %(p)s.")
            % {"p": "; ".join(patterns)}
        ],
    )


def case_ageing(f: Filters, scope_label: str) -> Report:
    buckets = [label for _limit, label in AGE_BUCKETS] + [">365"]
    table: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for dim, value in (
        _facts("cases_open", f, stock=True)
        .values("dim")
        .annotate(v=Sum("value"))
        .values_list("dim", "v")
    ):
        procedure, _sep, bucket = dim.rpartition("|")
        table[procedure][bucket] += value
    rows = []
    for procedure in sorted(table):
        counts = [table[procedure].get(b, Decimal(0)) for b in buckets]
        rows.append([procedure, *[_n(c) for c in counts], _n(sum(counts, Decimal(0)))])
    totals = [sum((table[p].get(b, Decimal(0)) for p in table), Decimal(0)) for b in buckets]
    rows.append([_("Total"), *[_n(t) for t in totals], _n(sum(totals, Decimal(0)))])
    return Report(
        "case_ageing",
        _("Case ageing (open cases by age in days)"),
        scope_label,
        [_("Procedure"), *buckets, _("Total")],
        rows,
    )


REPORTS: dict[str, ReportSpec] = {
    "ilo_c81": ReportSpec(
        "ilo_c81", gettext_lazy("ILO C81 annual inspection statistics"), "year", ilo_c81
    ),
    "monthly_office": ReportSpec(
        "monthly_office", gettext_lazy("Monthly office report"), "month", monthly_office
    ),
    "minimum_wage": ReportSpec(
        "minimum_wage", gettext_lazy("Minimum-wage violations"), "year", minimum_wage
    ),
    "case_ageing": ReportSpec("case_ageing", gettext_lazy("Case ageing"), "none", case_ageing),
}


def plugin_reports() -> dict[str, Any]:
    from django.db import connection

    from labourhub.extensions import current_hooks, flatten

    defs = flatten(
        current_hooks().register_report_definitions(tenant=getattr(connection, "tenant", None))
    )
    return {d.code: d for d in defs}


def report_build(
    *, code: str, period: str, office: Office | None = None, offices: frozenset[int] | None = None
) -> Report:
    spec = REPORTS.get(code)
    if spec is None:
        plugin = plugin_reports().get(code)
        if plugin is None:
            raise ValidationError({"report": _("Unknown report.")})
        rows = plugin.rows()
        return Report(
            code,
            str(plugin.label),
            "",
            list(plugin.columns),
            [[r.get(c) for c in plugin.columns] for r in rows],
        )
    start, end = parse_period(period, spec.period)
    f = Filters(start=start, end=end, offices=offices)
    label = _("Whole ministry") if offices is None else _("Your offices")
    if office is not None:
        f = replace(
            f, offices=offices_in(office) if offices is None else offices & offices_in(office)
        )
        label = office.name
    return spec.build(f, label)


def report_render(*, report: Report, file_format: str) -> tuple[bytes, str, str]:
    """(content, mime type, extension) of ``report`` as pdf, xlsx or csv."""
    if file_format == "csv":
        return ("".join(csv_lines(report.columns, report.rows)).encode(), "text/csv", "csv")
    if file_format == "xlsx":
        return (
            xlsx_bytes(report.columns, report.rows, title=report.code),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        )
    if file_format == "pdf":
        from labourhub.documents.rendering import html_to_pdf

        html = render_to_string("analytics/report_pdf.html", {"report": report})
        return html_to_pdf(html, title=report.title), "application/pdf", "pdf"
    raise ValidationError({"format": _("Choose PDF, Excel or CSV.")})
