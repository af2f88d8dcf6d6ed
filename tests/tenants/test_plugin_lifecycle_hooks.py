"""plugin_enabled seeds per-ministry data inside the ministry; plugin_disabled keeps it."""

import datetime as dt

import pytest
from django.db import connection

from labourhub.extensions import hookimpl
from labourhub.workflow.models import CalendarDay
from labourhub.workflow.services import calendar_day_add
from tenants.context import ministry_context
from tenants.plugin_services import plugin_activate, plugin_deactivate
from tests.extensions.effects import effect_of

pytestmark = pytest.mark.multi_tenant
DAY = dt.date(2026, 2, 22)


class Seeder:
    """Stands in for the installed trade-unions plugin's hooks module."""

    def __init__(self):
        self.calls = []

    @hookimpl
    def plugin_enabled(self, tenant, config):
        self.calls.append(("enabled", connection.schema_name, config.get("min_members")))
        calendar_day_add(date=DAY, name="Independence Day", actor=None)

    @hookimpl
    def plugin_disabled(self, tenant):
        self.calls.append(("disabled", connection.schema_name))


@effect_of("plugin_enabled")
@effect_of("plugin_disabled")
def test_lifecycle_hooks_run_inside_the_ministry(
    ministry, second_ministry, register_temporary_plugin
):
    seeder = register_temporary_plugin(Seeder(), slug="trade-unions")
    plugin_activate(ministry=ministry, slug="trade-unions", config={"min_members": 25}, actor=None)
    with ministry_context(ministry):
        assert CalendarDay.objects.filter(date=DAY).exists()
    with ministry_context(second_ministry):
        assert not CalendarDay.objects.filter(date=DAY).exists()
    plugin_deactivate(ministry=ministry, slug="trade-unions", actor=None)
    with ministry_context(ministry):
        assert CalendarDay.objects.filter(date=DAY).exists()  # nothing deleted
    assert seeder.calls == [("enabled", "test", 25), ("disabled", "test")]
