"""Every role of every demo ministry can open every page its own menu shows.

Each demo ministry is rebuilt inside the test ministry's rolled-back transaction: its country,
its plugins (as ``make run`` activates them), its offices, one user per role and its demo data
(calendar, cases, country-pack cases, inspections). Then each role signs in and follows every
link of its menu, plus the case pages and the API it can reach from them: nothing may answer a
server error, and nothing its own menu offers may be refused.
"""

import re

import pytest
import time_machine

from devtools.demo import plugins as plugin_services
from devtools.demo.chain import chain_demo_seed
from devtools.demo.country_packs import country_pack_demo_seed
from devtools.demo.inspections import inspections_demo_seed
from devtools.demo.registry import registry_demo_seed
from devtools.demo.workflow import enforcement_demo_seed
from devtools.management.commands.seed_demo import ROLE_USERNAMES, Command
from devtools.ministries import DEMO, DEMO_PASSWORD
from labourhub.accounts.models import User
from labourhub.accounts.roles import STAFF_ROLES
from labourhub.extensions.manager import unregister_plugin
from labourhub.extensions.registry import plugin_is_registered, plugin_register_installed
from labourhub.workflow.models import Case
from labourhub.workflow.selectors import case_list
from labourhub.workflow.services import ministry_today
from tenants.context import ministry_context
from tenants.models import Ministry
from tests.workflow.helpers import at

NAV = re.compile(r'<nav aria-label="[^"]*">(.*?)</nav>', re.S)
HREF = re.compile(r'href="([^"#]*)')


def _menu_links(page: str) -> list[str]:
    found = NAV.search(page)
    assert found, "the staff page has no main menu"
    return sorted({h for h in HREF.findall(found.group(1)) if h.startswith("/")})


def _seed(slug: str, ministry: Ministry, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    spec, offices = next((s, o) for s, o in DEMO if s.slug == slug)
    Ministry.objects.filter(pk=ministry.pk).update(
        country=spec.country, time_zone=spec.time_zone, currency=spec.currency
    )
    ministry.refresh_from_db()
    slugs = plugin_services.DEMO_PLUGINS.get(slug, [])
    monkeypatch.setitem(plugin_services.DEMO_PLUGINS, str(ministry.schema_name), slugs)
    registered = []
    for plugin in slugs:
        if not plugin_is_registered(plugin):
            plugin_register_installed(plugin)
            registered.append(plugin)
    with ministry_context(ministry):
        command = Command()
        command._seed_offices(offices)
        command._seed_users(spec.default_language)
        registry_demo_seed(count=30)
        plugins_active = plugin_services.plugins_demo_activate(ministry=ministry)
        enforcement_demo_seed(slug=slug)
        country_pack_demo_seed(slug=slug, ministry=ministry)
        inspections_demo_seed(slug=slug, password=DEMO_PASSWORD)
        assert chain_demo_seed() == 2 and chain_demo_seed() == 0
        assert set(plugins_active) <= set(slugs)
    return registered


@pytest.mark.slow
@pytest.mark.parametrize("slug", [spec.slug for spec, _offices in DEMO])
def test_every_role_opens_every_page_of_its_menu(slug, ministry, client_for, monkeypatch):
    registered: list[str] = []
    try:
        with time_machine.travel(at("2026-12-03"), tick=False):
            registered = _seed(slug, ministry, monkeypatch)
            failures = []
            for role, username in ROLE_USERNAMES.items():
                if role not in STAFF_ROLES:
                    continue
                with ministry_context(ministry):
                    user = User.objects.get(username=username)
                    visible = list(
                        case_list(user=user, today=ministry_today(), filters={"open": False})
                        .order_by("id")
                        .values_list("pk", flat=True)[:3]
                    )
                    client = client_for(ministry)
                    client.force_login(user)
                home = client.get("/app/")
                assert home.status_code == 200, (slug, username)
                links = _menu_links(home.content.decode())
                links += [f"/app/cases/{pk}/" for pk in visible]
                if any(link.startswith("/app/cases/") for link in links):
                    links += ["/api/v1/cases/", *[f"/api/v1/cases/{pk}/" for pk in visible]]
                for link in links:
                    response = client.get(link)
                    if response.status_code != 200:
                        failures.append((username, link, response.status_code))
            assert not failures, f"{slug}: {failures}"
            with ministry_context(ministry):
                assert Case.objects.exists()
    finally:
        for plugin in registered:
            unregister_plugin(plugin)
