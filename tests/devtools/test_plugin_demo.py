from devtools.demo import plugins as plugin_services
from labourhub.accounts.models import User
from labourhub.extensions.manager import unregister_plugin
from labourhub.extensions.registry import plugin_register_installed
from tenants.context import ministry_context
from tenants.models import PluginActivation


def test_demo_activation_is_idempotent_and_runs_inside_a_ministry_context(ministry, monkeypatch):
    monkeypatch.setitem(plugin_services.DEMO_PLUGINS, "test", ["trade-unions"])
    plugin_register_installed("trade-unions")
    try:
        # seed_demo calls it with the ministry's schema active.
        with ministry_context(ministry):
            assert plugin_services.plugins_demo_activate(ministry=ministry) == ["trade-unions"]
            assert plugin_services.plugins_demo_activate(ministry=ministry) == []
        assert PluginActivation.objects.get(ministry=ministry).plugin_slug == "trade-unions"
        # the console's demo operator lives in the public schema only
        assert User.objects.filter(username=plugin_services.DEMO_OPERATOR).count() == 1
        with ministry_context(ministry):
            assert not User.objects.filter(username=plugin_services.DEMO_OPERATOR).exists()
    finally:
        unregister_plugin("trade-unions")


def test_demo_activation_skips_plugins_not_installed(second_ministry):
    assert plugin_services.plugins_demo_activate(ministry=second_ministry) == []


def test_the_colombian_demo_runs_its_pack_and_no_seeded_deadline_falls_on_a_holiday(
    ministry, monkeypatch, user_with_role
):
    import datetime as dt

    import time_machine

    from devtools.demo.workflow import enforcement_demo_seed
    from labourhub.accounts.roles import Role
    from labourhub.workflow.calendar import calendar_current
    from labourhub.workflow.models import CalendarDay, Deadline
    from tenants.models import Ministry
    from tests.workflow.helpers import at, make_establishment

    assert plugin_services.DEMO_PLUGINS["colombia"] == ["co-pack"]
    assert plugin_services.DEMO_PLUGINS["paraguay"] == ["py-pack"]
    Ministry.objects.filter(pk=ministry.pk).update(country="CO")
    ministry.refresh_from_db()
    monkeypatch.setitem(plugin_services.DEMO_PLUGINS, "test", ["co-pack"])
    plugin_register_installed("co-pack")
    try:
        with time_machine.travel(at("2026-12-03"), tick=False), ministry_context(ministry):
            user_with_role(Role.INSPECTOR, username="inspector")
            user_with_role(Role.SUPERVISOR, username="supervisor")
            for name in ("Textiles Andinos", "Café del Huila", "Flores de la Sabana"):
                make_establishment(name=name)
            assert plugin_services.plugins_demo_activate(ministry=ministry) == ["co-pack"]
            enforcement_demo_seed(slug="colombia")
            years = {d.year for d in CalendarDay.objects.values_list("date", flat=True)}
            assert {2026, 2027, 2028} <= years
            assert CalendarDay.objects.get(date=dt.date(2027, 1, 11)).name.startswith("Día de")
            cal = calendar_current()
            due = list(Deadline.objects.values_list("due_on", flat=True))
            assert due and all(cal.is_working(day) for day in due)
    finally:
        unregister_plugin("co-pack")
