"""The demo ministry's offices and its people: one login per role, named as the country names people.

Used by `seed_demo` and by the tests that need a ministry staffed like the demo (the role
sweeps, the accessibility checks), so they all sign in as the same people.
"""

import random

from django.db import connection

from devtools.data.countries import COUNTRIES, Country
from devtools.demo.offices import home_district
from devtools.ministries import DEMO_PASSWORD, Offices
from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create, user_create

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


def demo_staff_seed(*, offices: Offices | None = None) -> None:
    """In the current ministry: its regional and district offices (when given), then one user
    per role with the demo password (idempotent: existing offices and users are kept)."""
    if offices is not None:
        _offices_seed(offices)
    _users_seed()


def demo_country() -> Country:
    """The naming conventions of the current ministry's country."""
    tenant = getattr(connection, "tenant", None)
    return COUNTRIES.get(str(getattr(tenant, "country", "")), COUNTRIES["PH"])


def demo_person(country: Country, username: str, *, female: bool) -> tuple[str, str]:
    """A given name and a family name of ``country``, the same for ``username`` on every run."""
    rnd = random.Random(f"{country.code}-{username}")  # noqa: S311 (demo data)
    given = rnd.choice(country.given_female if female else country.given_male)
    surnames = rnd.sample(list(country.surnames), 2 if country.two_surnames else 1)
    return given, " ".join(surnames)


def _offices_seed(offices: Offices) -> None:
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


def _users_seed() -> None:
    # People of the country (names as its registry writes them): the home page shows each
    # one's role, in the ministry's language.
    country = demo_country()
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
