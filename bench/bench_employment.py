"""Public employment service matching (issue 19), in-process against the dev database.

Matching for one vacancy against 50,000 job seekers (target: p95 under 300 ms), and the other
way round (one job seeker against the open vacancies). The job seekers are generated once in
Saint Lucia's schema, marked ``bench`` in their notes, and reused by later runs; set
BENCH_PES_SEEKERS to change the size. The plugin must be installed; it need not be active.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from decimal import Decimal
from typing import Any

from bench.lib import BenchContext, Row, repeat

SEEKERS = int(os.environ.get("BENCH_PES_SEEKERS", "50000"))
RUNS = 30
COMMUNITIES = [
    "Castries", "Gros Islet", "Babonneau", "Dennery", "Micoud", "Vieux Fort", "Laborie",
    "Choiseul", "Soufrière", "Canaries", "Anse La Raye", "Bexon", "Monchy", "La Clery",
]  # fmt: skip
SKILLS = [
    "customer service", "food safety", "cooking", "bartending", "housekeeping", "driving",
    "heavy equipment", "welding", "plumbing", "carpentry", "masonry", "electrical wiring",
    "bookkeeping", "data entry", "microsoft excel", "sales", "cash handling", "security",
    "first aid", "child care", "elderly care", "gardening", "banana cultivation", "fishing",
    "boat handling", "tour guiding", "french", "spanish", "kweyol", "nursing", "teaching",
    "hair dressing", "tailoring", "auto mechanics", "air conditioning", "painting",
    "forklift", "warehouse", "call centre", "web design", "networking", "photography",
]  # fmt: skip


def seekers_populate(*, n: int, seed: int = 19) -> int:
    """Create ``n`` matchable-or-not job seekers (bulk, bench data only); returns how many exist."""
    from django.utils import timezone
    from labourhub_employment_services.isco import SUB_MAJOR_GROUPS, fold
    from labourhub_employment_services.models import JobSeeker

    existing = JobSeeker.objects.filter(notes="bench").count()
    if existing >= n:
        return existing
    regions = list(
        JobSeeker._meta.get_field("region").related_model._default_manager.filter(  # type: ignore[union-attr]
            level="region"
        )
    ) or [None]
    codes = list(SUB_MAJOR_GROUPS)
    rng = random.Random(seed + existing)
    now = timezone.now()
    batch = []
    for i in range(existing, n):
        occupations = rng.sample(codes, rng.randint(1, 3))
        experience = rng.sample(codes, rng.randint(0, 2))
        community = rng.choice(COMMUNITIES)
        sharing = rng.random() < 0.85
        batch.append(
            JobSeeker(
                first_name=f"Bench{i}",
                last_name="Seeker",
                name_key=f"bench{i} seeker",
                sex=rng.choice("FFMMX"),
                birth_year=rng.randint(1960, 2008),
                region=rng.choice(regions),
                community=community,
                community_key=fold(community),
                education=rng.randint(0, 7),
                occupations=occupations,
                occupation_majors=sorted({c[0] for c in occupations}),
                skills=rng.sample(SKILLS, rng.randint(1, 6)),
                experience_codes=experience,
                experience_years=rng.randint(0, 25) if experience else 0,
                consent_processing_at=now,
                consent_sharing_at=now if sharing else None,
                in_matching=sharing,
                notes="bench",
            )
        )
        if len(batch) == 5000:
            JobSeeker.objects.bulk_create(batch)
            batch = []
    JobSeeker.objects.bulk_create(batch)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {JobSeeker._meta.db_table}")
    return JobSeeker.objects.filter(notes="bench").count()


def bench_vacancy() -> Any:
    """A published vacancy for a common occupation (cooks, waiters: ISCO 51) with four skills."""
    from labourhub_employment_services.models import Vacancy
    from labourhub_employment_services.services import vacancy_publish, vacancy_register

    from labourhub.plugin_api import ministry_today

    found = Vacancy.objects.filter(employer_name="Bench Resort Ltd").first()
    if found is not None:
        return found
    vacancy = vacancy_register(
        title="Line cook",
        employer_name="Bench Resort Ltd",
        occupation="51",
        sector="I",
        wage_min=Decimal("1800"),
        wage_max=Decimal("2400"),
        posts=3,
        closing_date=ministry_today() + dt.timedelta(days=365),
        community="Gros Islet",
        skills=["cooking", "food safety", "customer service", "french"],
        min_education=3,
        min_experience_years=2,
        actor=None,
    )
    return vacancy_publish(vacancy=vacancy, actor=None)


def measure(*, n: int = SEEKERS, runs: int = RUNS) -> list[Row]:
    """Populate (once), then time both match lists; runs in the active ministry's schema."""
    from labourhub_employment_services.matching import seeker_matches, vacancy_matches
    from labourhub_employment_services.models import JobSeeker

    size = seekers_populate(n=n)
    vacancy = bench_vacancy()
    matchable = JobSeeker.objects.filter(in_matching=True).count()
    found = len(vacancy_matches(vacancy=vacancy, limit=50))
    p50, p95 = repeat(lambda: vacancy_matches(vacancy=vacancy, limit=50), runs)
    rows = [
        Row(
            "PES: match one vacancy -> top 50 job seekers",
            p50,
            p95,
            "ms",
            f"{size} job seekers ({matchable} consenting), {found} shown",
        )
    ]
    seeker = JobSeeker.objects.filter(in_matching=True, occupations__contains=["51"]).first()
    if seeker is not None:
        p50, p95 = repeat(lambda: seeker_matches(seeker=seeker, limit=50), runs)
        rows.append(Row("PES: match one job seeker -> vacancies", p50, p95, "ms", "open vacancies"))
    return rows


def run(ctx: BenchContext) -> list[Row]:
    from django.apps import apps

    if not apps.is_installed("labourhub_employment_services"):
        return []
    from tenants.context import ministry_context
    from tenants.selectors import ministry_get

    ministry = ministry_get(slug="saintlucia")
    if ministry is None:
        raise RuntimeError("Seed the demo first (make run).")
    with ministry_context(ministry):
        return measure()
