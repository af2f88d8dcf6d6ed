"""Generated registries for demo ministries and for benchmarks at Philippines scale."""

import datetime as dt
import random
from typing import Any

from django.db import connection, transaction

from labourhub.accounts.models import Office
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.registry.models import (
    Employer,
    Establishment,
    HistoricalInspection,
    RiskLevel,
)
from labourhub.registry.services import size_band_for

FAKER_LOCALES = {
    "CO": "es_CO",
    "HN": "es_MX",
    "PY": "es_AR",
    "PE": "es_ES",
    "PH": "en_PH",
    "LK": "en_IN",
    "VN": "vi_VN",
    "LC": "en_GB",
}
# Weighted ISIC Rev.4 classes: a labour registry is mostly small retail, food, construction and
# light manufacturing, with a tail of agriculture, transport, health and services.
SECTOR_WEIGHTS = [
    ("4711", 14),
    ("4719", 6),
    ("4721", 5),
    ("5610", 9),
    ("4520", 5),
    ("4100", 5),
    ("4390", 3),
    ("1071", 4),
    ("1410", 5),
    ("2511", 2),
    ("1010", 2),
    ("0111", 3),
    ("0113", 2),
    ("0122", 2),
    ("0127", 1),
    ("0311", 2),
    ("4923", 3),
    ("5210", 2),
    ("5510", 3),
    ("8610", 2),
    ("8510", 2),
    ("9602", 3),
    ("8121", 2),
    ("6201", 1),
    ("6419", 1),
    ("2220", 1),
    ("1520", 1),
    ("3100", 1),
    ("0810", 1),
    ("4661", 1),
    ("7810", 1),
    ("8010", 2),
    ("9700", 1),
]
SIZE_WEIGHTS = [((1, 9), 70), ((10, 49), 21), ((50, 249), 7), ((250, 2500), 2)]
LEGAL_FORMS = [
    (Employer.LegalForm.SOLE_TRADER, 45),
    (Employer.LegalForm.COMPANY, 40),
    (Employer.LegalForm.PARTNERSHIP, 8),
    (Employer.LegalForm.COOPERATIVE, 4),
    (Employer.LegalForm.NGO, 3),
]
FINDINGS = [
    "No findings.",
    "Missing fire extinguishers.",
    "Overtime records incomplete.",
    "Minor found working at night.",
    "Wages below minimum in two payslips.",
    "No OSH committee.",
]


def _pick(rng: random.Random, weighted: list[tuple[Any, int]]) -> Any:
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights=weights, k=1)[0]


def _pools(locale: str, rng: random.Random) -> dict[str, list[str]]:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(rng.randrange(1 << 30))
    return {
        "company": [fake.company() for _ in range(400)],
        "street": [fake.street_address() for _ in range(600)],
        "city": [fake.city() for _ in range(120)],
        "person": [fake.name() for _ in range(150)],
    }


@transaction.atomic
def registry_generate(
    *, count: int, seed: int = 4, with_history: bool = True, actor: Actor = None
) -> int:
    """Bulk-generate ``count`` more establishments (and their employers) in the current ministry.

    Idempotent by registration number: numbers continue after the ones already generated, so
    calling it twice adds ``count`` twice, never duplicates. Returns how many were added.
    """
    tenant = getattr(connection, "tenant", None)
    country = getattr(tenant, "country", "") or "PH"
    # Seeded on purpose: demo data must be reproducible; nothing here is a secret.
    rng = random.Random(f"{connection.schema_name}:{seed}")  # type: ignore[attr-defined]  # noqa: S311
    pools = _pools(FAKER_LOCALES.get(str(country), "en_US"), rng)
    offices = list(
        Office.objects.filter(level=Office.Level.DISTRICT).values_list("pk", flat=True)
    ) or list(Office.objects.values_list("pk", flat=True))
    if not offices or count <= 0:
        return 0
    prefix = f"{country}-GEN-"
    start = Establishment.objects.filter(registration_number__startswith=prefix).count()
    today = dt.date.today()  # noqa: DTZ011 - generated calendar dates
    added = 0
    for base in range(start, start + count, 5000):
        n = min(5000, start + count - base)
        employers = []
        for i in range(base, base + n):
            name = rng.choice(pools["company"])
            employers.append(
                Employer(
                    legal_name=f"{name} {i % 997}" if rng.random() < 0.7 else name,
                    tax_id=f"{country}{i:09d}",
                    legal_form=_pick(rng, LEGAL_FORMS),
                )
            )
        Employer.objects.bulk_create(employers, batch_size=2000)
        sites = []
        for j, employer in enumerate(employers):
            i = base + j
            low, high = _pick(rng, SIZE_WEIGHTS)
            workers = rng.randint(low, high)
            female = round(workers * rng.uniform(0.15, 0.75))
            minors = rng.choice([0] * 30 + [1, 2]) if workers > 3 else 0
            sites.append(
                Establishment(
                    employer=employer,
                    registration_number=f"{prefix}{i:07d}",
                    name=employer.legal_name
                    if rng.random() < 0.6
                    else (f"{employer.legal_name.split(' ')[0]} {rng.choice(pools['city'])}"),
                    address=rng.choice(pools["street"]),
                    locality=rng.choice(pools["city"]),
                    office_id=rng.choice(offices),
                    isic_code=_pick(rng, SECTOR_WEIGHTS),
                    size_band=size_band_for(workers),
                    workers_female=female,
                    workers_male=workers - female,
                    workers_minors=min(minors, workers),
                    hours_pattern=rng.choice(["day"] * 6 + ["shifts", "night", "seasonal"]),
                    status=rng.choice(["active"] * 18 + ["closed", "suspended"]),
                    risk_level=_pick(
                        rng, [(RiskLevel.LOW, 5), (RiskLevel.MEDIUM, 4), (RiskLevel.HIGH, 1)]
                    ),
                    opened_on=today - dt.timedelta(days=rng.randint(200, 12000)),
                )
            )
        Establishment.objects.bulk_create(sites, batch_size=2000)
        if with_history:
            history = []
            for site in sites:
                mine = [
                    HistoricalInspection(
                        establishment=site,
                        inspected_on=today - dt.timedelta(days=rng.randint(60, 4000)),
                        inspector_name=rng.choice(pools["person"]),
                        findings_summary=rng.choice(FINDINGS),
                        outcome=rng.choice(["compliant", "compliant", "order", "sanction"]),
                        source_reference=f"{site.registration_number}/A{k}",
                    )
                    for k in range(rng.choice([0, 0, 0, 1, 1, 2, 3]))
                ]
                if mine:
                    site.last_inspected_on = max(h.inspected_on for h in mine)
                    history += mine
            HistoricalInspection.objects.bulk_create(history, batch_size=5000)
            Establishment.objects.bulk_update(
                [s for s in sites if s.last_inspected_on], ["last_inspected_on"], batch_size=2000
            )
        added += n
    audit_record(
        actor=actor,
        action=AuditAction.REGISTRY_GENERATED,
        subject=None,
        payload={"values": {"count": added, "seed": seed}},
    )
    return added
