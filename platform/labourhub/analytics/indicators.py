"""The core indicators, as data: the same definitions, computed the same way, in every ministry.

An indicator names a numerator metric and optionally a denominator metric (both rows of the
``Fact`` summary, see ``sources.py``), a scale (100 for a percentage, 100,000 for SDG 8.8.1
rates), the dimension values it keeps, and the breakdowns a dashboard may chart. Plugins add
their own through the ``register_indicator_definitions`` hook (``labourhub.extensions.types.
IndicatorDefinition``); those are computed by the plugin and shown as extra tiles.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str | Promise
    description: str | Promise
    numerator: str
    denominator: str | None = None
    scale: int = 1
    unit: str = "count"  # count | percent | rate | money | days
    numerator_dims: tuple[str, ...] = ()  # keep only these dimension values ("" = all)
    median: bool = False  # numerator is a histogram of days (dim = number of days)
    breakdown: str = "region"  # what the chart shows: region | sector | dim | month
    group: str = "inspection"  # which dashboard section it belongs to


CORE_INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "inspections_done",
        _("Inspections done"),
        _(
            "Inspections completed in the period, by origin (planned, complaint, accident, "
            "follow-up...). Counted in the month the report was submitted."
        ),
        "inspections_done",
        breakdown="dim",
    ),
    Indicator(
        "coverage",
        # Never %-formatted: without the marker below, "% o" would count as a placeholder and
        # every translation would have to contain one.
        # xgettext:no-python-format
        _("Coverage (% of establishments inspected)"),
        _(
            "Distinct establishments with a completed inspection, counted in the month of "
            "their first visit of each calendar year, divided by the active establishments "
            "in the registry today."
        ),
        "establishments_inspected",
        "establishments_registered",
        scale=100,
        unit="percent",
    ),
    Indicator(
        "violations",
        _("Violations found"),
        _("Findings of completed inspections, not withdrawn, by legal provision."),
        "violations",
        breakdown="dim",
    ),
    Indicator(
        "violations_by_sector",
        _("Violations by sector"),
        _("The same findings, by ISIC Rev.4 section of the establishment."),
        "violations",
        breakdown="sector",
    ),
    Indicator(
        "compliance_at_follow_up",
        _("Compliance at follow-up (%)"),
        _(
            "Compliance orders verified as fully complied, divided by all orders verified "
            "in the period."
        ),
        "orders_complied",
        "orders_verified",
        scale=100,
        unit="percent",
        group="enforcement",
    ),
    Indicator(
        "orders_in_time",
        _("Orders complied within their deadline (%)"),
        _(
            "Orders verified as complied on or before their compliance deadline, divided "
            "by all orders verified in the period."
        ),
        "orders_complied_in_time",
        "orders_verified",
        scale=100,
        unit="percent",
        group="enforcement",
    ),
    Indicator(
        "days_to_sanction",
        _("Median days from finding to sanction"),
        _(
            "For fines imposed in the period: days from the first finding of the case to "
            "the fine; the median."
        ),
        "days_finding_to_sanction",
        median=True,
        unit="days",
        group="enforcement",
    ),
    Indicator(
        "fines_imposed",
        _("Fines imposed (amount)"),
        _("Sum of the amounts due of fines imposed in the period, annulled fines excluded."),
        "fines_imposed_amount",
        unit="money",
        group="enforcement",
    ),
    Indicator(
        "fines_collected",
        _("Fines collected (amount)"),
        _("Sum of the payments received in the period."),
        "fines_collected_amount",
        unit="money",
        group="enforcement",
    ),
    Indicator(
        "complaints_received",
        _("Complaints received"),
        _("Complaints registered in the period, by channel."),
        "complaints_received",
        breakdown="dim",
        group="complaints",
    ),
    Indicator(
        "complaints_resolved",
        _("Complaints resolved"),
        _("Complaints whose case was closed in the period."),
        "complaints_resolved",
        group="complaints",
    ),
    Indicator(
        "days_to_resolution",
        _("Median days to resolve a complaint"),
        _("For complaints resolved in the period: days from registration to closure; the median."),
        "days_to_resolution",
        median=True,
        unit="days",
        group="complaints",
    ),
    Indicator(
        "fatal_injury_rate",
        _("Fatal occupational injuries per 100,000 workers"),
        _(
            "SDG 8.8.1: deaths in occupational accidents that occurred in the period, per "
            "100,000 workers of the establishments in the registry."
        ),
        "accidents_fatal",
        "workers_registered",
        scale=100_000,
        unit="rate",
        group="safety",
    ),
    Indicator(
        "nonfatal_injury_rate",
        _("Non-fatal occupational injuries per 100,000 workers"),
        _(
            "SDG 8.8.1: people injured in non-fatal occupational accidents in the period, "
            "per 100,000 workers in the registry."
        ),
        "accidents_nonfatal",
        "workers_registered",
        scale=100_000,
        unit="rate",
        breakdown="dim",
        group="safety",
    ),
    Indicator(
        "child_labour_cases",
        _("Inspections finding child labour"),
        _("Completed inspections with at least one child-labour finding."),
        "child_labour_inspections",
        group="safety",
    ),
    Indicator(
        "workers_covered",
        _("Workers covered by inspections"),
        _(
            "Workers (women and men, from the registry) of the establishments where an "
            "inspection was completed, each establishment counted once a year."
        ),
        "workers_covered",
        breakdown="dim",
    ),
)

INDICATOR_BY_CODE = {i.code: i for i in CORE_INDICATORS}

# The inspector's own dashboard: only per-inspector metrics.
OWN_INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "own_inspections",
        _("My completed inspections"),
        _("Inspections you completed in the period, by origin."),
        "inspections_by_inspector",
        breakdown="dim",
    ),
    Indicator(
        "own_open_cases",
        _("My open cases by age (days)"),
        _("Cases assigned to you that are still open, by age."),
        "cases_open_by_assignee",
        breakdown="dim",
    ),
)
OWN_BY_CODE = {i.code: i for i in OWN_INDICATORS}
