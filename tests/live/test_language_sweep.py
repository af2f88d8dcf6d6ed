"""No English and no raw code reaches staff of a Spanish-, Vietnamese- or Sinhala-speaking ministry.

For each language a ministry is provisioned for this module (dropped afterwards) with the plugins
its demo counterpart runs, a supervisor and some data (an establishment, a complaint case). In
Chromium the supervisor and the ministry's administrator each open every menu link, the case
list, a case page, a checklist, the calendar and the audit trail. Every text node the page
ships (hidden ones too: a closed panel opens) whose nearest ``lang`` is the page's language is
compared with:

* the known raw codes of the raw-code sweep (``order_issued``, ``inspection.assigned``...);
* the English msgids of two words or more of the core and active plugins' catalogues that the
  language translates differently, or does not translate: a whole text node equal to one is an
  English string that skipped gettext, or a catalogue gap.

Whole-node equality (not substrings) keeps the check free of false alarms from names and data.
"""

import re

import pytest
from django.db import connection

from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tests.test_catalogues import ROOT, parse_po
from tests.web.test_no_raw_codes import raw_codes

from .conftest import CHROMIUM, CHROMIUM_ARGS, temporary_ministry

pytestmark = [pytest.mark.live, pytest.mark.django_db]

PLUGIN_DIRS = {
    "hn-pack": "labourhub-plugin-hn/src/labourhub_hn",
    "trade-unions": "labourhub-plugin-trade-unions/src/labourhub_trade_unions",
    "medical-visits": "labourhub-plugin-medical-visits/src/labourhub_medical_visits",
    "vn-pack": "labourhub-plugin-vn/src/labourhub_vn",
    "lk-pack": "labourhub-plugin-lk/src/labourhub_lk",
    "py-pack": "labourhub-plugin-py/src/labourhub_py",
    "co-pack": "labourhub-plugin-co/src/labourhub_co",
    "pe-pack": "labourhub-plugin-pe/src/labourhub_pe",
    "ph-pack": "labourhub-plugin-ph/src/labourhub_ph",
    "lc-pack": "labourhub-plugin-lc/src/labourhub_lc",
}

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
EDGES = " \t\n:·\u2014\u2013-*()"


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(EDGES)


def english_leftovers(language: str, plugins: list[str]) -> dict[str, str]:
    """English msgids (2+ words) that ``language`` translates differently or not at all."""
    if language == "en":
        return {}
    catalogues = [ROOT / "platform" / "labourhub" / "locale"]
    catalogues += [ROOT / "plugins" / PLUGIN_DIRS[p] / "locale" for p in plugins]
    suspects: dict[str, str] = {}
    for locale in catalogues:
        path = locale / language / "LC_MESSAGES" / "django.po"
        translated = {
            e.msgid: e.msgstr.get(0, "") for e in (parse_po(path) if path.exists() else [])
        }
        for entry in parse_po(locale / "es" / "LC_MESSAGES" / "django.po"):
            msgid = _normal(entry.msgid)
            if len(msgid.split()) < 2 or "%" in msgid or "{" in msgid:
                continue
            shown = translated.get(entry.msgid, "")
            if not shown:
                suspects[msgid] = f"no {language} translation in {path.relative_to(ROOT)}"
            elif _normal(shown) != msgid:
                suspects[msgid] = "shown in English: a missing gettext call"
    return suspects


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
            yield slug, language, plugins
        finally:
            for plugin in registered_here:
                unregister_plugin(plugin)


def test_no_english_and_no_raw_code(sweep_ministry, live_server_url, browser):
    slug, language, plugins = sweep_ministry
    base = live_server_url.replace("//test.", f"//{slug}.")
    codes = raw_codes()
    suspects = english_leftovers(language, plugins)
    problems: set[str] = set()
    for username in ("sweepsup", "admin"):
        page = browser.new_context().new_page()
        page.goto(f"{base}/app/login/")
        assert page.get_attribute("html", "lang") == language
        page.fill("#id_username", username)
        page.fill("#id_password", TEST_PASSWORD)
        page.click("button.primary")
        page.wait_for_url(f"{base}/app/")
        page.goto(f"{base}/app/")
        menu = set(page.eval_on_selector_all(MENU, "a => a.map(x => x.getAttribute('href'))"))
        for url in _pages(page, base):
            response = page.goto(f"{base}{url}")
            if response is not None and response.status == 403 and url not in menu:
                continue  # a page this role may not open (the audit trail for a supervisor)
            if response is None or response.status != 200:
                problems.add(f"{username} {url}: HTTP {response.status if response else '?'}")
                continue
            nodes = page.evaluate(TEXT_NODES, language)
            text = " ".join(nodes)
            for code in codes:
                if re.search(rf"(?<![\w./-]){re.escape(code)}(?![\w/-])", text):
                    problems.add(f"{url}: raw code {code!r}")
            for node in nodes:
                shown = _normal(node)
                if shown in suspects:
                    problems.add(f"{url}: {shown!r} ({suspects[shown]})")
        page.context.close()
    assert not problems, f"{language}: {len(problems)} problems\n" + "\n".join(sorted(problems))
