"""The Establishment Reports System (DOLE): what employers report about their workforce.

Department Order 237-22 / Labor Advisory 17-20 ask for flexible work arrangements and temporary
closures; Article 298-299 of the Labor Code and its rules ask for retrenchment and closure
notices. The kinds are declared here; the core portal stores, routes to the regional office,
and counts them.
"""

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import (
    EstablishmentReportKind,
    IndicatorDefinition,
    establishment_report_totals,
    ministry_today,
)

FLEXIBLE = "ph_flexible_work"
TEMPORARY_CLOSURE = "ph_temporary_closure"
RETRENCHMENT = "ph_retrenchment"
PERMANENT_CLOSURE = "ph_permanent_closure"

KINDS = (
    EstablishmentReportKind(
        FLEXIBLE,
        _("Flexible work arrangement"),
        _("reduced workdays or hours, rotation, forced leave"),
        has_end=True,
    ),
    EstablishmentReportKind(
        TEMPORARY_CLOSURE,
        _("Temporary closure"),
        _("suspension of operations of up to six months"),
        has_end=True,
    ),
    EstablishmentReportKind(
        RETRENCHMENT,
        _("Retrenchment"),
        _("termination to prevent losses, notified 30 days before it takes effect"),
    ),
    EstablishmentReportKind(
        PERMANENT_CLOSURE,
        _("Permanent closure"),
        _("cessation of operations, notified 30 days before it takes effect"),
    ),
)


def _this_year() -> int:
    today: datetime.date = ministry_today()
    return today.year


def _workers(kind: str) -> Any:
    def compute(**_kw: Any) -> int:
        return establishment_report_totals(kind=kind, year=_this_year())["workers"]

    return compute


INDICATORS = (
    IndicatorDefinition(
        "ph_workers_retrenched",
        _("Workers affected by retrenchment reported this year"),
        "workers",
        compute=_workers(RETRENCHMENT),
        tags=("ers",),
    ),
    IndicatorDefinition(
        "ph_workers_closures",
        _("Workers affected by permanent closures reported this year"),
        "workers",
        compute=_workers(PERMANENT_CLOSURE),
        tags=("ers",),
    ),
)
