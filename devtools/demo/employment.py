"""Saint Lucia's demo public employment service: job seekers, vacancies, referrals, a placement.

Runs only where the employment-services plugin is installed and active, once (a ministry that
already has job seekers is left alone). Everything goes through the plugin's own services, so
the demo records are audited like real ones. Names and employers are invented.
"""

import datetime as dt
import importlib
from decimal import Decimal
from typing import Any

from django.db import connection, transaction

from labourhub.accounts.models import Office
from labourhub.extensions import plugin_is_active
from labourhub.workflow.services import ministry_today

SLUG = "employment-services"

# first, last, sex, birth year, region code, community, education, occupations, skills,
# consents to sharing, work history [(title, employer, occupation, years)]
SEEKERS: list[tuple[Any, ...]] = [
    ("Keisha", "Joseph", "F", 1996, "N", "Gros Islet", 4, ["51", "94"],
     "cooking, food safety, customer service", True, [("Cook", "Reduit Beach Grill", "51", 3)]),
    ("Marvin", "St. Hill", "M", 1988, "N", "Castries", 3, ["83"],
     "driving, heavy equipment, forklift", True, [("Truck driver", "Cul de Sac Quarry", "83", 7)]),
    ("Shanice", "Alexander", "F", 2001, "S", "Vieux Fort", 5, ["42", "41"],
     "customer service, data entry, french", True, []),
    ("Jerome", "Charles", "M", 1993, "N", "Dennery", 4, ["71", "93"],
     "masonry, carpentry, painting", True, [("Mason", "Island Builders Ltd", "71", 5)]),
    ("Tricia", "Augustin", "F", 1990, "S", "Soufrière", 6, ["14", "42"],
     "tour guiding, french, customer service", True, [("Tour guide", "Pitons Eco Tours", "42", 4)]),
    ("Kervin", "Louis", "M", 1999, "S", "Micoud", 3, ["74"],
     "electrical wiring, air conditioning", True, [("Apprentice electrician", "", "74", 2)]),
    ("Alicia", "Mathurin", "F", 1985, "N", "Babonneau", 5, ["53", "32"],
     "elderly care, first aid, child care", True, [("Care assistant", "Castries Home", "53", 9)]),
    ("Dwayne", "Emmanuel", "M", 2003, "S", "Laborie", 2, ["92", "61"],
     "banana cultivation, gardening", True, []),
    ("Nadia", "Felix", "F", 1997, "N", "Castries", 6, ["33", "43"],
     "bookkeeping, microsoft excel, data entry", True, [("Accounts clerk", "", "43", 3)]),
    ("Ricky", "Jn Baptiste", "M", 1994, "N", "Anse La Raye", 3, ["62"],
     "fishing, boat handling", False, [("Fisherman", "", "62", 10)]),
    ("Sasha", "Edmund", "F", 2000, "S", "Choiseul", 4, ["51", "75"],
     "cooking, food safety, cash handling", True, []),
    ("Curtis", "Polius", "M", 1991, "S", "Vieux Fort", 4, ["72", "83"],
     "auto mechanics, driving", True, [("Mechanic", "South Side Motors", "72", 6)]),
]  # fmt: skip

# title, employer, occupation, sector, region code, community, wages, posts, skills,
# min education, min years, publish?
VACANCIES: list[tuple[Any, ...]] = [
    ("Line cook", "Rodney Bay Beach Resort", "51", "I", "N", "Gros Islet", (1800, 2400), 3,
     "cooking, food safety", 3, 1, True),
    ("Heavy truck driver", "Island Aggregates Ltd", "83", "F", "N", "Castries", (2200, 2900), 2,
     "driving, heavy equipment", 3, 3, True),
    ("Front desk agent", "Hewanorra Airport Hotel", "42", "I", "S", "Vieux Fort", (1900, 2300),
     2, "customer service, french", 4, 0, True),
    ("Mason", "Island Builders Ltd", "71", "F", "N", "Dennery", (2000, 2800), 4,
     "masonry", 2, 2, True),
    ("Care assistant", "Babonneau Senior Living", "53", "Q", "N", "Babonneau", (1700, 2100), 2,
     "elderly care, first aid", 3, 1, False),
]  # fmt: skip


def _module(name: str) -> Any:
    return importlib.import_module(f"labourhub_employment_services.{name}")


def employment_demo_seed() -> int:
    """Seed the active ministry's employment service once; returns the job seekers created."""
    tenant = getattr(connection, "tenant", None)
    if tenant is None or not plugin_is_active(tenant, SLUG):
        return 0
    models = _module("models")
    if models.JobSeeker.objects.exists():
        return 0
    services = _module("services")
    regions = {o.code: o for o in Office.objects.filter(level=Office.Level.REGION)}
    with transaction.atomic():
        seekers: dict[str, Any] = {}
        for first, last, sex, year, reg, place, edu, occs, skills, sharing, jobs in SEEKERS:
            seeker = services.jobseeker_register(
                first_name=first,
                last_name=last,
                sex=sex,
                birth_year=year,
                region=regions.get(reg),
                community=place,
                education=edu,
                occupations=occs,
                skills=skills,
                consent_processing=True,
                consent_sharing=sharing,
                phone=f"758 555 {1000 + len(seekers):04d}",
                actor=None,
            )
            for title, employer, occupation, years in jobs:
                services.jobseeker_experience_add(
                    seeker=seeker,
                    job_title=title,
                    employer_name=employer,
                    occupation=occupation,
                    years=years,
                    actor=None,
                )
            seekers[first] = seeker
        vacancies: dict[str, Any] = {}
        today = ministry_today()
        for n, row in enumerate(VACANCIES):
            title, employer, occ, sector, reg, place, wages, posts, skills, edu, years, pub = row
            vacancy = services.vacancy_register(
                title=title,
                employer_name=employer,
                occupation=occ,
                sector=sector,
                region=regions.get(reg),
                community=place,
                wage_min=Decimal(wages[0]),
                wage_max=Decimal(wages[1]),
                posts=posts,
                closing_date=today + dt.timedelta(days=21 + 7 * n),
                skills=skills,
                min_education=edu,
                min_experience_years=years,
                actor=None,
            )
            if pub:
                vacancy = services.vacancy_publish(vacancy=vacancy, actor=None)
            vacancies[title] = vacancy
        referral = services.referral_make(
            seeker=seekers["Keisha"], vacancy=vacancies["Line cook"], actor=None
        )
        referral = services.referral_record(referral=referral, status="interviewed", actor=None)
        services.referral_record(referral=referral, status="placed", actor=None)
        services.referral_make(
            seeker=seekers["Marvin"], vacancy=vacancies["Heavy truck driver"], actor=None
        )
        services.referral_make(seeker=seekers["Sasha"], vacancy=vacancies["Line cook"], actor=None)
        employment_lmi_indicators_ensure()
    return len(seekers)


# LMI indicators computed from the service's records (no invented history: the LMI editor
# computes, vets and publishes the first period from /lmi/contribute/).
LMI_INDICATORS = [
    ("pes-jobseekers", "Registered job seekers (employment service)", "pes_jobseekers_registered",
     "Job seekers registered with the public employment service, with their consent."),
    ("pes-placements", "Placements by the employment service", "pes_placements",
     "Job seekers placed in a notified vacancy after a referral by the employment service."),
]  # fmt: skip


def employment_lmi_indicators_ensure() -> int:
    """Create the LMI website's employment service indicators once; returns how many were new."""
    from cms.models import Agency, Dimension, Indicator

    agency = Agency.objects.filter(code="DOL").first()
    if agency is None:
        return 0
    dims = list(Dimension.objects.filter(code__in=["sex", "age"]))
    made = 0
    for code, name, definition_code, definition in LMI_INDICATORS:
        indicator, created = Indicator.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "definition": definition,
                "unit": Indicator.Unit.COUNT,
                "decimals": 0,
                "agency": agency,
                "source": Indicator.Source.CASE_SYSTEM,
                "analytics_definition": definition_code,
            },
        )
        if created:
            indicator.dimensions.set(dims)
            made += 1
    return made
