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

    from devtools.demo.country_packs import country_pack_demo_seed
    from devtools.demo.workflow import enforcement_demo_seed
    from labourhub.accounts.roles import Role
    from labourhub.workflow.calendar import calendar_current
    from labourhub.workflow.models import CalendarDay, Case, Deadline
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
            assert country_pack_demo_seed(slug="test", ministry=ministry) == 0
            assert country_pack_demo_seed(slug="colombia", ministry=ministry) == 3
            assert country_pack_demo_seed(slug="colombia", ministry=ministry) == 0
            states = sorted(
                Case.objects.filter(procedure="co_sancionatorio").values_list("state", flat=True)
            )
            assert states == ["alegatos", "averiguacion_preliminar", "formulacion_cargos"]
            years = {d.year for d in CalendarDay.objects.values_list("date", flat=True)}
            assert {2026, 2027, 2028} <= years
            assert CalendarDay.objects.get(date=dt.date(2027, 1, 11)).name.startswith("Día de")
            cal = calendar_current()
            due = list(Deadline.objects.values_list("due_on", flat=True))
            assert due and all(cal.is_working(day) for day in due)
    finally:
        unregister_plugin("co-pack")


def test_the_paraguayan_demo_cases_are_authorised_by_the_minister(
    ministry, monkeypatch, user_with_role
):
    import time_machine

    from devtools.demo.country_packs import country_pack_demo_seed
    from labourhub.accounts.roles import Role
    from labourhub.audit.models import AuditEvent
    from labourhub.workflow.models import CalendarDay, Case
    from tenants.models import Ministry
    from tests.workflow.helpers import at, make_establishment

    Ministry.objects.filter(pk=ministry.pk).update(country="PY")
    ministry.refresh_from_db()
    monkeypatch.setitem(plugin_services.DEMO_PLUGINS, "test", ["py-pack"])
    plugin_register_installed("py-pack")
    try:
        with time_machine.travel(at("2026-12-03"), tick=False), ministry_context(ministry):
            user_with_role(Role.INSPECTOR, username="inspector")
            minister = user_with_role(Role.AUTHORISING_OFFICIAL, username="minister")
            for name in ("Distribuidora Guaraní", "Yerbatera del Sur", "Frigorífico Chaco"):
                make_establishment(name=name)
            assert plugin_services.plugins_demo_activate(ministry=ministry) == ["py-pack"]
            assert CalendarDay.objects.get(date="2026-12-08").name == "Día de la Virgen de Caacupé"
            assert not CalendarDay.objects.filter(name__in=["New Year", "Christmas"]).exists()
            assert country_pack_demo_seed(slug="paraguay", ministry=ministry) == 3
            states = sorted(
                Case.objects.filter(procedure="py_inspeccion").values_list("state", flat=True)
            )
            assert states == ["autorizada", "solicitud", "visita"]
            assert (
                AuditEvent.objects.filter(action="case.transitioned", actor_id=minister.pk).count()
                == 2
            )
    finally:
        unregister_plugin("py-pack")
