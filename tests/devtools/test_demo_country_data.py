"""A demo ministry looks like its country, at a tiny scale: real municipalities of the office's
division, the country's names, legal forms, tax IDs and currency, ISO 3166-2 office codes, its
pack's procedure at several steps, and no seeded deadline on a public holiday."""

import re

import pytest
import time_machine

from devtools.data.countries import COUNTRIES
from devtools.data.places import MUNICIPALITIES
from devtools.demo import plugins as plugin_services
from devtools.demo.chain import chain_demo_seed
from devtools.demo.country_packs import PACK_CASES, PACK_PROCEDURES, country_pack_demo_seed
from devtools.demo.inspections import inspections_demo_seed
from devtools.demo.registry import registry_demo_seed
from devtools.demo.staff import ROLE_USERNAMES, demo_staff_seed
from devtools.demo.workflow import enforcement_demo_seed
from devtools.generators.history import demo_scale, history_generate
from devtools.ministries import DEMO, DEMO_PASSWORD
from labourhub.accounts.models import Office, User
from labourhub.audit.selectors import audit_chain_verify
from labourhub.complaints.models import Complaint
from labourhub.enforcement.models import Fine
from labourhub.extensions.manager import unregister_plugin
from labourhub.extensions.registry import plugin_is_registered, plugin_register_installed
from labourhub.inspections.models import Finding, Inspection
from labourhub.registry.models import Employer, Establishment
from labourhub.workflow.calendar import calendar_current
from labourhub.workflow.models import Case, Deadline
from tenants.context import ministry_context
from tenants.models import Ministry
from tests.workflow.helpers import at

ENGLISH_FORMS = re.compile(r"\b(LLC|Inc\.?|Ltd|PLC|Group|Corporation|and Sons)\b")


def test_every_demo_region_office_carries_its_division_s_iso_code():
    for spec, offices in DEMO:
        assert 4 <= len(offices) <= 8, spec.slug
        for code, name, districts in offices:
            assert re.fullmatch(rf"{spec.country}-[A-Z0-9]{{1,3}}", code), (spec.slug, code)
            assert name and districts, code
            for dcode, dname in districts:
                assert dcode.startswith(f"{code}-") and dname, dcode
                assert MUNICIPALITIES[dcode], dcode
        assert spec.country in COUNTRIES
        assert spec.slug in PACK_PROCEDURES


def test_the_demo_scale_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_SCALE", "0.05")
    assert demo_scale() == 0.05
    monkeypatch.setenv("DEMO_SCALE", "lots")
    assert demo_scale() == 1.0
    monkeypatch.setenv("DEMO_SCALE", "-3")
    assert demo_scale() == 0.0


def _seed(slug, ministry, monkeypatch):
    spec, offices = next((s, o) for s, o in DEMO if s.slug == slug)
    Ministry.objects.filter(pk=ministry.pk).update(
        country=spec.country, time_zone=spec.time_zone, currency=spec.currency
    )
    ministry.refresh_from_db()
    slugs = plugin_services.DEMO_PLUGINS[slug]
    monkeypatch.setitem(plugin_services.DEMO_PLUGINS, str(ministry.schema_name), slugs)
    registered = [p for p in slugs if not plugin_is_registered(p)]
    for plugin in registered:
        plugin_register_installed(plugin)
    with ministry_context(ministry):
        demo_staff_seed(offices=offices)
        registry_demo_seed(count=60)
        plugin_services.plugins_demo_activate(ministry=ministry)
        enforcement_demo_seed(slug=slug)
        country_pack_demo_seed(slug=slug, ministry=ministry)
        inspections_demo_seed(slug=slug, password=DEMO_PASSWORD)
        chain_demo_seed()
        made = history_generate(scale=0.03, procedure=PACK_PROCEDURES[slug])
    return spec, registered, made


@pytest.mark.slow
@pytest.mark.parametrize(
    ("slug", "tax_id", "forms"),
    [
        ("peru", r"20\d{9}", ("S.A.C.", "S.R.L.", "E.I.R.L.", "S.A.")),
        ("vietnam", r"\d{10}", ("Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân")),
    ],
)
def test_a_tiny_demo_ministry_follows_its_country_s_conventions(
    slug, tax_id, forms, ministry, monkeypatch
):
    registered: list[str] = []
    try:
        with time_machine.travel(at("2026-12-03"), tick=False):
            spec, registered, made = _seed(slug, ministry, monkeypatch)
            with ministry_context(ministry):
                self_check(spec, tax_id, forms, made)
    finally:
        for plugin in registered:
            unregister_plugin(plugin)


def self_check(spec, tax_id, forms, made):
    # ISO 3166-2 codes on the region offices, as the map expects them.
    regions = list(Office.objects.filter(level="region").values_list("code", flat=True))
    assert regions and all(code.startswith(f"{spec.country}-") for code in regions)
    # Real municipalities of the office's own division; the country's legal forms and tax IDs.
    generated = Establishment.objects.filter(registration_number__contains="-GEN-")
    assert generated.count() == 60
    for site in generated.select_related("office", "employer"):
        assert site.locality in MUNICIPALITIES[site.office.code], (site.locality, site.office)
        assert site.employer.legal_name.startswith(forms) or site.employer.legal_name.endswith(
            forms
        ), site.employer.legal_name
        assert re.fullmatch(tax_id, site.employer.tax_id), site.employer.tax_id
    # The demo logins are people of the country (their role is on their home page).
    people = COUNTRIES[spec.country]
    extra = ["inspector2", "inspector3", "inspector4"]  # the pool random assignment draws from
    assert User.objects.filter(username__in=extra).count() == 3
    for user in User.objects.filter(username__in=[*ROLE_USERNAMES.values(), *extra]):
        assert user.username == "admin" or user.first_name in (
            people.given_male + people.given_female
        ), user.first_name
        assert user.username == "admin" or set(user.last_name.split(" ")) <= set(people.surnames), (
            user.last_name
        )
    if spec.default_language == "es":
        assert not any(
            ENGLISH_FORMS.search(n) for n in Employer.objects.values_list("legal_name", flat=True)
        )
    # Three years of history, bulk-written, in the ministry's currency.
    assert made.inspections and made.complaints and made.cases
    assert Inspection.objects.filter(reference__contains="-H").count() == made.inspections
    assert Finding.objects.count() >= made.findings
    assert Complaint.objects.filter(case__reference__contains="-H").count() == made.complaints
    assert set(Fine.objects.values_list("currency", flat=True)) <= {spec.currency}
    days = Inspection.objects.filter(reference__contains="-H").values_list(
        "scheduled_for", flat=True
    )
    assert (max(days) - min(days)).days > 700
    # The pack's own procedure, at several steps (the showcase cases went through services).
    pack_states = set(
        Case.objects.filter(procedure=PACK_PROCEDURES[spec.slug])
        .exclude(reference__contains="-H")
        .values_list("state", flat=True)
    )
    assert len(pack_states) >= 2, pack_states
    assert len(PACK_CASES[spec.slug][3]) >= 3
    # No open deadline, seeded or generated, falls on a public holiday or a weekend.
    cal = calendar_current()
    due = list(Deadline.objects.filter(status="open").values_list("due_on", flat=True))
    assert due and all(cal.is_working(day) for day in due)
    assert all(cal.is_working(c.next_due_on) for c in Case.objects.exclude(next_due_on=None))
    # The bulk history wrote its audit event without breaking the chain.
    assert audit_chain_verify().ok
