"""Plugins add indicators and reports through hooks, only where the ministry enabled them."""

from typing import Any

from labourhub.accounts.roles import Role
from labourhub.extensions import hookimpl
from labourhub.extensions.types import IndicatorDefinition, ReportDefinition
from tests.extensions.effects import effect_of


class Extra:
    @hookimpl
    def register_indicator_definitions(self, tenant: Any) -> list[IndicatorDefinition]:
        return [
            IndicatorDefinition(
                "xx_unions", "Registered unions (plugin)", "unions", compute=lambda **_kw: 7
            )
        ]

    @hookimpl
    def register_report_definitions(self, tenant: Any) -> list[ReportDefinition]:
        return [
            ReportDefinition(
                "xx_unions_report",
                "Unions by status (plugin)",
                ("status", "count"),
                rows=lambda **_kw: [{"status": "=1+1", "count": 3}],
            )
        ]


@effect_of("register_report_definitions")
@effect_of("register_indicator_definitions")
def test_plugin_indicator_and_report_appear_only_where_enabled(
    refreshed, client_for, ministry, second_ministry, register_temporary_plugin, user_with_role
):
    register_temporary_plugin(Extra(), slug="xx-analytics", active_for=(ministry,))
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    page = client.get("/app/analytics/")
    assert [(str(label), v) for label, v in page.context["plugin_indicators"]] == [
        ("Registered unions (plugin)", 7)
    ]
    assert ("xx_unions_report", "Unions by status (plugin)") in client.get(
        "/app/analytics/reports/"
    ).context["reports"]
    csv_body = client.get("/app/analytics/reports/xx_unions_report/?format=csv").content
    assert b"'=1+1" in csv_body  # plugin data are neutralised too

    from labourhub.accounts.services import user_create
    from tenants.context import ministry_context

    with ministry_context(second_ministry):
        director = user_create(
            username="dir2p",
            password="Test-password-2026",
            office=None,
            roles=[Role.DIRECTOR],
            actor=None,
        )
        other = client_for(second_ministry)
        other.force_login(director)
        assert other.get("/app/analytics/").context["plugin_indicators"] == []
        assert other.get("/app/analytics/reports/xx_unions_report/").status_code == 404
