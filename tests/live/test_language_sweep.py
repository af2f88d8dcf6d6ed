"""No English and no raw code reaches staff of a Spanish-, Vietnamese- or Sinhala-speaking ministry.

For each language a ministry is provisioned for this module (dropped afterwards) with the plugins
its demo counterpart runs, a supervisor and some data (an establishment, a complaint case). In
Chromium the supervisor and the ministry's administrator each open every menu link, the case
list, a case page, a checklist, the calendar and the audit trail. In the ministries like Honduras,
Viet Nam and Sri Lanka every demo login (one per role, as ``make run`` seeds them, the portal's
employer and worker too) also signs in and opens its home page and every link of its menu, and
each must answer 200. Every text node the page
ships (hidden ones too: a closed panel opens) whose nearest ``lang`` is the page's language is
compared with:

* the known raw codes of ``tests.language_checks`` (``order_issued``, ``inspection.assigned``...);
* the English msgids of two words or more of the core, portal and active plugins' catalogues
  that the language translates differently, or does not translate: a whole text node equal to
  one is an English string that skipped gettext, or a catalogue gap.

Whole-node equality (not substrings) keeps the check free of false alarms from names and data.
"""

import re

import pytest
from django.db import connection

from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tests.language_checks import (
    english_in,
    english_leftovers,
    english_sentences,
    raw_codes,
    raw_codes_in,
)

from .conftest import CHROMIUM, CHROMIUM_ARGS, temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

# (slug, language, country, time zone, currency, plugins): like the demo's Honduras, Paraguay,
# Colombia, Peru, Viet Nam, Sri Lanka, and the English-speaking Philippines and Saint Lucia (where
# only raw codes can leak: English is the source language).
MINISTRIES = [
    ("sweepes", "es", "HN", "America/Tegucigalpa", "HNL", ["hn-pack", "trade-unions", "medical-visits"]),
    ("sweeppy", "es", "PY", "America/Asuncion", "PYG", ["py-pack"]),
    ("sweepco", "es", "CO", "America/Bogota", "COP", ["co-pack"]),
    ("sweeppe", "es", "PE", "America/Lima", "PEN", ["pe-pack"]),
    ("sweepph", "en", "PH", "Asia/Manila", "PHP", ["ph-pack"]),
    ("sweeplc", "en", "LC", "America/St_Lucia", "XCD", ["lc-pack"]),
    ("sweepvi", "vi", "VN", "Asia/Ho_Chi_Minh", "VND", ["vn-pack"]),
    ("sweepsi", "si", "LK", "Asia/Colombo", "LKR", ["lk-pack"]),
]  # fmt: skip

TEXT_NODES = """(lang) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const shown = (el) => (el.closest('[lang]') || document.documentElement).getAttribute('lang');
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script,style,template,noscript') || shown(el) !== lang) continue;
    out.push(n.nodeValue);
  }
  for (const el of document.body.querySelectorAll('[title],[placeholder],[aria-label],[alt]')) {
    if (shown(el) !== lang) continue;
    for (const a of ['title', 'placeholder', 'aria-label', 'alt']) {
      const v = el.getAttribute(a);
      if (v) out.push(v);
    }
  }
  return out;
}"""

MENU = "nav[aria-label] a[href^='/app/']"
PORTAL_MENU = "nav[aria-label] a[href^='/portal/']"
# The ministries where every role signs in, not only the supervisor and the administrator.
EVERY_ROLE = {"sweepes", "sweepvi", "sweepsi"}


@pytest.fixture(scope="module")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _seed(ministry, plugins: list[str]) -> None:
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.complaints.services import complaint_register
    from labourhub.documents.services import document_templates_seed
    from labourhub.inspections.services import checklists_seed
    from labourhub.registry.services import employer_create, establishment_create
    from tenants.context import ministry_context, public_context
    from tenants.plugin_services import plugin_activate

    with public_context():
        for slug in plugins:
            plugin_activate(ministry=ministry, slug=slug, actor=None)
    with ministry_context(ministry):
        region = office_create(code="R", name="Region 1", level="region", actor=None)
        office = office_create(
            code="R-1", name="Office 1", level="district", parent=region, actor=None
        )
        sup = user_create(
            username="sweepsup",
            password=TEST_PASSWORD,
            office=office,
            roles=[Role.SUPERVISOR],
            first_name="Sup",
            actor=None,
        )
        document_templates_seed(actor=None)
        checklists_seed(actor=None)
        employer = employer_create(legal_name="Xyz Co", actor=None)
        est = establishment_create(
            employer=employer,
            name="Xyz 1",
            office=office,
            isic_code="1410",
            workers_female=4,
            workers_male=2,
            actor=None,
        )
        complaint_register(
            office=office,
            subject="Xyz",
            description="Xyz xyz xyz.",
            channel="staff",
            actor=sup,
            establishment=est,
            complainant_name="Xyz",
        )
    connection.set_schema_to_public()


def _seed_roles(ministry) -> list[tuple[str, str, bool]]:
    """One demo login per role, as the demo seeds them; (username, password, staff) each."""
    from devtools.demo.portal import portal_demo_seed
    from devtools.demo.staff import ROLE_USERNAMES, demo_staff_seed
    from devtools.ministries import DEMO_PASSWORD
    from labourhub.accounts.roles import STAFF_ROLES
    from tenants.context import ministry_context

    with ministry_context(ministry):
        demo_staff_seed()
        portal_demo_seed()
    connection.set_schema_to_public()
    return [
        (username, TEST_PASSWORD if username == "admin" else DEMO_PASSWORD, role in STAFF_ROLES)
        for role, username in ROLE_USERNAMES.items()
    ]


def _pages(page, base: str) -> list[str]:
    page.goto(f"{base}/app/")
    urls = page.eval_on_selector_all(
        "nav[aria-label] a[href^='/app/']", "a => a.map(x => x.getAttribute('href'))"
    )
    urls += ["/app/cases/", "/app/cases/calendar/", "/app/audit/", "/app/inspections/checklists/"]
    page.goto(f"{base}/app/cases/")
    case = page.locator("a[href^='/app/cases/']").filter(has_text=re.compile(r"\d")).first
    if case.count():
        urls.append(case.get_attribute("href"))
    page.goto(f"{base}/app/inspections/checklists/")
    for href in page.eval_on_selector_all(
        "a[href*='/checklists/']", "a => a.map(x => x.getAttribute('href'))"
    ):
        if re.search(r"/checklists/\d+/$", href or ""):
            urls.append(href)
            break
    return list(dict.fromkeys(u.split("#")[0] for u in urls if u))


@pytest.fixture(scope="module", params=MINISTRIES, ids=[f"{m[1]}-{m[2]}" for m in MINISTRIES])
def sweep_ministry(request, django_db_setup, django_db_blocker):
    from labourhub.extensions.manager import unregister_plugin
    from labourhub.extensions.registry import plugin_is_registered, plugin_register_installed

    slug, language, country, zone, currency, plugins = request.param
    with temporary_ministry(
        django_db_blocker,
        slug=slug,
        name=f"Ministry {slug}",
        country=country,
        languages=[language, "en"],
        default_language=language,
        time_zone=zone,
        currency=currency,
    ) as ministry:
        # The web server registers every installed plugin; this process only those it needs.
        registered_here = [p for p in plugins if not plugin_is_registered(p)]
        for plugin in registered_here:
            plugin_register_installed(plugin)
        try:
            with django_db_blocker.unblock():
                _seed(ministry, plugins)
                logins = _seed_roles(ministry) if slug in EVERY_ROLE else []
            yield slug, language, plugins, logins
        finally:
            for plugin in registered_here:
                unregister_plugin(plugin)


def _sign_in(browser, base: str, username: str, password: str, staff: bool, language: str):
    home = f"{base}/app/" if staff else f"{base}/portal/"
    page = browser.new_context().new_page()
    page.goto(f"{home}login/")
    assert page.get_attribute("html", "lang") == language
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button.primary")
    page.wait_for_url(home)
    return page


def _check(page, url: str, language: str, codes: set[str], suspects: dict[str, str]) -> set[str]:
    nodes = page.evaluate(TEXT_NODES, language)
    found = {f"{url}: raw code {c!r}" for c in raw_codes_in(" ".join(nodes), codes)}
    found |= {f"{url}: {english}" for english in english_sentences(nodes, language)}
    return found | {f"{url}: {english}" for english in english_in(nodes, suspects)}


def test_no_english_and_no_raw_code(sweep_ministry, live_server_url, browser):
    slug, language, plugins, logins = sweep_ministry
    base = live_server_url.replace("//test.", f"//{slug}.")
    codes = raw_codes()
    suspects = english_leftovers(language, plugins)
    problems: set[str] = set()
    for username in ("sweepsup", "admin"):
        page = _sign_in(browser, base, username, TEST_PASSWORD, True, language)
        page.goto(f"{base}/app/")
        menu = set(page.eval_on_selector_all(MENU, "a => a.map(x => x.getAttribute('href'))"))
        for url in _pages(page, base):
            response = page.goto(f"{base}{url}")
            if response is not None and response.status == 403 and url not in menu:
                continue  # a page this role may not open (the audit trail for a supervisor)
            if response is None or response.status != 200:
                problems.add(f"{username} {url}: HTTP {response.status if response else '?'}")
                continue
            problems |= _check(page, url, language, codes, suspects)
        page.context.close()
    # Every demo login (EVERY_ROLE ministries): its home page and each link of its menu.
    swept = 0
    for username, password, staff in logins:
        page = _sign_in(browser, base, username, password, staff, language)
        home = "/app/" if staff else "/portal/"
        page.goto(f"{base}{home}")
        links = page.eval_on_selector_all(
            MENU if staff else PORTAL_MENU, "a => a.map(x => x.getAttribute('href'))"
        )
        assert home in links, (username, links)
        for url in dict.fromkeys(u.split("#")[0] for u in links if u):
            response = page.goto(f"{base}{url}")
            swept += 1
            if response is None or response.status != 200:
                problems.add(f"{username} {url}: HTTP {response.status if response else '?'}")
                continue
            problems |= {f"{username} {p}" for p in _check(page, url, language, codes, suspects)}
        page.context.close()
    if logins:
        print(f"{slug}: {len(logins)} logins, {swept} menu pages in Chromium")
        assert swept > 3 * len(logins)
    assert not problems, f"{language}: {len(problems)} problems\n" + "\n".join(sorted(problems))
