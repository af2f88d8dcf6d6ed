"""Staff pages under /app/analytics/: dashboards, drill-down lists, performance, reports."""

from labourhub.analytics.views.dashboard import (
    PAGE,
    SECTIONS,
    dashboard_view,
    drill_export_view,
    drill_view,
    export_view,
)
from labourhub.analytics.views.fairness import performance_view, settings_view, team_view
from labourhub.analytics.views.maps import division_map_view, division_map_withdraw_view
from labourhub.analytics.views.reports import (
    _report_scope,
    report_list_view,
    report_view,
    schedule_view,
)

__all__ = [
    "PAGE",
    "SECTIONS",
    "_report_scope",
    "dashboard_view",
    "division_map_view",
    "division_map_withdraw_view",
    "drill_export_view",
    "drill_view",
    "export_view",
    "performance_view",
    "report_list_view",
    "report_view",
    "schedule_view",
    "settings_view",
    "team_view",
]
