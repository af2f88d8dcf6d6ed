"""The Honduran demo ministry runs trade unions and the country pack; the Peruvian one its pack."""

import datetime as dt

import pytest
import time_machine

from devtools.demo import plugins as plugin_services
from devtools.demo.workflow import enforcement_demo_seed
from labourhub.extensions.manager import unregister_plugin
from labourhub.extensions.registry import plugin_register_installed
from labourhub.plugin_api import Role, calendar_current
from labourhub.workflow.models import CalendarDay, Deadline
from tenants.context import ministry_context
from tenants.models import Ministry


@pytest.mark.parametrize(
    ("country", "slug", "expected", "holiday"),
    [
        (
            "HN",
            "honduras",
            ["trade-unions", "hn-pack", "medical-visits"],
            ("2026-09-15", "Día de la Independencia"),
        ),
        ("PE", "peru", ["pe-pack"], ("2026-12-09", "Batalla de Ayacucho")),
    ],
)
def test_the_demo_activates_the_pack_and_seeded_deadlines_fall_on_working_days(
    ministry, monkeypatch, user_with_role, country, slug, expected, holiday
):
    from tests.workflow.helpers import at, make_establishment

    assert plugin_services.DEMO_PLUGINS[slug] == expected
    Ministry.objects.filter(pk=ministry.pk).update(country=country)
    ministry.refresh_from_db()
    monkeypatch.setitem(plugin_services.DEMO_PLUGINS, "test", expected)
    for plugin in expected:
        plugin_register_installed(plugin)
    try:
        with time_machine.travel(at("2026-12-03"), tick=False), ministry_context(ministry):
            user_with_role(Role.INSPECTOR, username="inspector")
            user_with_role(Role.SUPERVISOR, username="supervisor")
            for name in ("Textiles del Norte", "Café de Altura", "Agroindustrias del Sur"):
                make_establishment(name=name)
            assert plugin_services.plugins_demo_activate(ministry=ministry) == expected
            enforcement_demo_seed(slug=slug)
            day, name = holiday
            assert CalendarDay.objects.get(date=dt.date.fromisoformat(day)).name == name
            years = {d.year for d in CalendarDay.objects.values_list("date", flat=True)}
            assert {2026, 2027, 2028} <= years
            cal = calendar_current()
            due = list(Deadline.objects.values_list("due_on", flat=True))
            assert due and all(cal.is_working(d) for d in due)
    finally:
        for plugin in expected:
            unregister_plugin(plugin)
