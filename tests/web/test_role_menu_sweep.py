"""Every role of every demo ministry opens every page its own menu shows, in the ministry's words.

Each demo ministry is rebuilt inside the test ministry's rolled-back transaction: its country,
languages, plugins (as ``make run`` activates them), offices, one user per role and its demo
data (calendar, cases, country-pack cases, inspections, the portal's employer and worker). Then
each role, staff and portal alike, reads its home page's menu and follows every link, plus the
case pages and the API it can reach from them: nothing may answer a server error, and nothing
its own menu offers may be refused. Every page read in the ministry's language (no language
cookie, no preference: the ministry's default) must show no raw code and, in a Spanish-,
Vietnamese- or Sinhala-speaking ministry, no English string (see ``tests.language_checks``).
"""

import pytest
import time_machine
from django.utils import translation

from devtools.demo import plugins as plugin_services
from devtools.demo.chain import chain_demo_seed
from devtools.demo.country_packs import country_pack_demo_seed
from devtools.demo.inspections import inspections_demo_seed
from devtools.demo.portal import portal_demo_seed
from devtools.demo.registry import registry_demo_seed
from devtools.demo.staff import ROLE_USERNAMES, demo_staff_seed
from devtools.demo.workflow import enforcement_demo_seed
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
from tests.language_checks import PLUGIN_DIRS, english_leftovers, page_problems, raw_codes
from tests.web.menus import menu_links
from tests.workflow.helpers import at


def _seed(slug: str, ministry: Ministry, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    spec, offices = next((s, o) for s, o in DEMO if s.slug == slug)
    Ministry.objects.filter(pk=ministry.pk).update(
        country=spec.country,
        time_zone=spec.time_zone,
        currency=spec.currency,
        languages=spec.languages,
        default_language=spec.default_language,
    )
    ministry.refresh_from_db()
    slugs = plugin_services.DEMO_PLUGINS.get(slug, [])
    monkeypatch.setitem(plugin_services.DEMO_PLUGINS, str(ministry.schema_name), slugs)
    registered = []
    for plugin in slugs:
        if not plugin_is_registered(plugin):
            plugin_register_installed(plugin)
            registered.append(plugin)
    # Written as the demo writes it: by the ministry's staff, in the ministry's language.
    with ministry_context(ministry), translation.override(spec.default_language):
        demo_staff_seed(offices=offices)
        # The test ministry's administrator was provisioned speaking its Spanish; a demo
        # ministry's administrator speaks the demo ministry's language.
        User.objects.filter(username="admin").update(preferred_language=spec.default_language)
        registry_demo_seed(count=30)
        plugins_active = plugin_services.plugins_demo_activate(ministry=ministry)
        enforcement_demo_seed(slug=slug)
        country_pack_demo_seed(slug=slug, ministry=ministry)
        inspections_demo_seed(slug=slug, password=DEMO_PASSWORD)
        assert chain_demo_seed() == 2 and chain_demo_seed() == 0
        portal_demo_seed()
        assert set(plugins_active) <= set(slugs)
    return registered


@pytest.mark.slow
@pytest.mark.parametrize("slug", [spec.slug for spec, _offices in DEMO])
def test_every_role_opens_every_page_of_its_menu(slug, ministry, client_for, monkeypatch):
    spec = next(s for s, _o in DEMO if s.slug == slug)
    codes = raw_codes()
    # Every installed plugin, active or not: its name, description and audit event kinds are
    # shown to every ministry (the plugin list, the audit trail's filter).
    suspects = english_leftovers(spec.default_language, list(PLUGIN_DIRS))
    registered: list[str] = []
    try:
        with time_machine.travel(at("2026-12-03"), tick=False):
            registered = _seed(slug, ministry, monkeypatch)
            failures = []
            wrong: dict[str, list[str]] = {}
            swept = 0
            for role, username in ROLE_USERNAMES.items():
                staff = role in STAFF_ROLES
                with ministry_context(ministry):
                    user = User.objects.get(username=username)
                    visible = (
                        list(
                            case_list(user=user, today=ministry_today(), filters={"open": False})
                            .order_by("id")
                            .values_list("pk", flat=True)[:3]
                        )
                        if staff
                        else []
                    )
                    client = client_for(ministry)
                    client.force_login(user)
                home_url = "/app/" if staff else "/portal/"
                home = client.get(home_url)
                assert home.status_code == 200, (slug, username)
                assert f'<html lang="{spec.default_language}"' in home.content.decode(), username
                links = menu_links(home.content.decode())
                assert home_url in links, (slug, username, links)
                links += [f"/app/cases/{pk}/" for pk in visible]
                if any(link.startswith("/app/cases/") for link in links):
                    links += ["/api/v1/cases/", *[f"/api/v1/cases/{pk}/" for pk in visible]]
                for link in links:
                    response = client.get(link)
                    swept += 1
                    if response.status_code != 200:
                        failures.append((username, link, response.status_code))
                    elif "text/html" in response.get("Content-Type", ""):
                        found = page_problems(
                            response.content.decode(),
                            codes=codes,
                            suspects=suspects,
                            language=spec.default_language,
                        )
                        if found:
                            wrong[f"{username} {link}"] = found
            print(f"{slug}: {swept} pages swept")
            assert not failures, f"{slug}: {failures}"
            assert not wrong, f"{slug} ({spec.default_language}): " + "\n".join(
                f"{page}: {found}" for page, found in sorted(wrong.items())
            )
            with ministry_context(ministry):
                assert Case.objects.exists()
    finally:
        for plugin in registered:
            unregister_plugin(plugin)
