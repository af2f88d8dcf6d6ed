import random
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import translation

from devtools.data.countries import COUNTRIES, Country
from devtools.demo.analytics import analytics_demo_seed
from devtools.demo.chain import chain_demo_seed
from devtools.demo.cms import cms_demo_seed
from devtools.demo.country_packs import PACK_PROCEDURES, country_pack_demo_seed
from devtools.demo.documents import documents_demo_seed
from devtools.demo.employment import employment_demo_seed
from devtools.demo.inspections import inspections_demo_seed
from devtools.demo.medical import medical_visits_demo_seed
from devtools.demo.offices import home_district
from devtools.demo.plugins import plugins_demo_activate
from devtools.demo.portal import portal_demo_seed
from devtools.demo.registry import registry_demo_seed
from devtools.demo.workflow import enforcement_demo_seed
from devtools.generators.history import demo_scale, history_generate
from devtools.ministries import DEMO, DEMO_PASSWORD
from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create, user_create
from tenants.context import ministry_context
from tenants.selectors import ministry_get, ministry_url
from tenants.services import ministry_provision, public_tenant_ensure, template_ensure

ROLE_USERNAMES = {
    Role.SYSTEM_ADMIN: "admin",
    Role.AUTHORISING_OFFICIAL: "minister",
    Role.DIRECTOR: "director",
    Role.OFFICE_HEAD: "officehead",
    Role.SUPERVISOR: "supervisor",
    Role.INSPECTOR: "inspector",
    Role.LEGAL_OFFICER: "legal",
    Role.OSH_ENGINEER: "osh",
    Role.OCCUPATIONAL_PHYSICIAN: "physician",
    Role.CLERK: "clerk",
    Role.ANALYST: "analyst",
    Role.PES_OFFICER: "pesofficer",
    Role.EMPLOYER: "employer",
    Role.WORKER: "worker",
}


def demo_person(country: Country, username: str, *, female: bool) -> tuple[str, str]:
    """A given name and a family name of ``country``, the same for ``username`` on every run."""
    rnd = random.Random(f"{country.code}-{username}")  # noqa: S311 (demo data)
    given = rnd.choice(country.given_female if female else country.given_male)
    surnames = rnd.sample(list(country.surnames), 2 if country.two_surnames else 1)
    return given, " ".join(surnames)


class Command(BaseCommand):
    help = "Create the demo ministries, their offices and one user per role (idempotent)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--only", nargs="*", help="slugs to seed (default: all)")
        parser.add_argument("--quiet", action="store_true")
        parser.add_argument(
            "--scale",
            type=float,
            default=None,
            help="demo volume: 1 = about 2,000 establishments and three years of inspections, "
            "complaints and cases per ministry (default: DEMO_SCALE or 1; 0 = showcase only)",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        public_tenant_ensure()
        t0 = time.monotonic()
        template_ensure()
        self._say(opts, f"template schema ready in {time.monotonic() - t0:.1f}s")
        scale = demo_scale() if opts.get("scale") is None else max(0.0, opts["scale"])
        for spec, offices in DEMO:
            if opts["only"] and spec.slug not in opts["only"]:
                continue
            ministry = ministry_get(slug=spec.slug)
            if ministry is None:
                t0 = time.monotonic()
                ministry = ministry_provision(
                    spec=spec, admin_username="admin", admin_password=DEMO_PASSWORD, actor=None
                )
                self._say(opts, f"provisioned {spec.slug} in {time.monotonic() - t0:.2f}s")
            t0 = time.monotonic()
            # Texts composed while writing (a timeline line, an audit note) are in the language
            # of whoever writes them: the demo's data are written by the ministry's own staff.
            with ministry_context(ministry), translation.override(spec.default_language):
                self._seed_offices(offices)
                self._seed_users(spec.default_language)
                cms_demo_seed(slug=spec.slug, password=DEMO_PASSWORD)
                registry_demo_seed(count=max(30, round(2000 * scale)))
                plugins_demo_activate(ministry=ministry)
                employment_demo_seed()
                documents_demo_seed()
                enforcement_demo_seed(slug=spec.slug)
                country_pack_demo_seed(slug=spec.slug, ministry=ministry)
                medical_visits_demo_seed()
                inspections_demo_seed(slug=spec.slug, password=DEMO_PASSWORD)
                chain_demo_seed()
                made = history_generate(scale=scale, procedure=PACK_PROCEDURES.get(spec.slug, ""))
                analytics_demo_seed()
                portal_demo_seed()
            self._say(
                opts,
                f"seeded {spec.slug} in {time.monotonic() - t0:.1f}s "
                f"(history: {made.inspections} inspections, {made.complaints} complaints, "
                f"{made.cases} cases in {made.seconds:.1f}s)",
            )
        if not opts["quiet"]:
            self._print_summary()

    def _seed_offices(self, offices: list[tuple[str, str, list[tuple[str, str]]]]) -> None:
        for code, name, districts in offices:
            region = Office.objects.filter(code=code).first() or office_create(
                code=code, name=name, level=Office.Level.REGION, actor=None
            )
            for dcode, dname in districts:
                if not Office.objects.filter(code=dcode).exists():
                    office_create(
                        code=dcode,
                        name=dname,
                        level=Office.Level.DISTRICT,
                        parent=region,
                        actor=None,
                    )

    def _seed_users(self, language: str) -> None:
        # People of the country (names as its registry writes them): the home page shows each
        # one's role, in the ministry's language.
        tenant = getattr(connection, "tenant", None)
        country = COUNTRIES.get(str(getattr(tenant, "country", "")), COUNTRIES["PH"])
        first_district = home_district()
        for i, (role, username) in enumerate(ROLE_USERNAMES.items()):
            if User.objects.filter(username=username).exists():
                continue
            staff = role not in (Role.EMPLOYER, Role.WORKER)
            first_name, last_name = demo_person(country, username, female=i % 2 == 0)
            user_create(
                username=username,
                password=DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
                office=first_district if staff else None,
                roles=[role],
                preferred_language="",
                actor=None,
            )

    def _say(self, opts: dict[str, Any], msg: str) -> None:
        if not opts["quiet"]:
            self.stdout.write(msg)

    def _print_summary(self) -> None:
        port = settings.PLATFORM_PORT
        w = self.stdout.write
        w("")
        w("=" * 72)
        w(
            f"LabourHub is starting on http://{settings.PLATFORM_DOMAIN}:{port}/ "
            "(coordination unit: all ministries)"
        )
        for spec, _offices in DEMO:
            ministry = ministry_get(slug=spec.slug)
            if ministry is None:
                continue
            url = ministry_url(ministry=ministry)
            w(f"  {spec.slug:<12} {url:<38} staff: {url}app/   CMS: {url}cms-admin/")
        w("")
        w(f"Demo logins in every ministry (password for all: {DEMO_PASSWORD}):")
        w("  " + ", ".join(f"{u} ({r.label})" for r, u in ROLE_USERNAMES.items()))
        w("API docs: <ministry URL>api/v1/docs/   Stop everything with Ctrl-C.")
        w("=" * 72)
