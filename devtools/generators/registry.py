"""Generated registries for demo ministries and for benchmarks at Philippines scale."""

import datetime as dt
import random
from typing import Any

from django.db import connection, transaction

from devtools.data.countries import COUNTRIES, address, company_name, person_name
from devtools.data.places import municipalities_for
from devtools.demo.offices import home_district
from labourhub.accounts.models import Office
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.registry.models import (
    Employer,
    Establishment,
    HistoricalInspection,
    RiskLevel,
)
from labourhub.registry.services import size_band_for

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


def _legal_form(form: str) -> str:
    """The core's legal-form category of a country's own form (S.A.S., (Pvt) Ltd, TNHH...)."""
    if form in ("E.I.R.L.", "E.U.", "Doanh nghiệp tư nhân"):
        return str(Employer.LegalForm.SOLE_TRADER)
    if form in ("& Co.", "S. en C."):
        return str(Employer.LegalForm.PARTNERSHIP)
    return str(Employer.LegalForm.COMPANY)


def _office_pool() -> tuple[list[int], dict[int, tuple[str, ...]]]:
    """District office ids weighted towards the first one (the capital, where the demo users
    sit), and each office's real municipalities (its name when the demo did not list any)."""
    rows = list(
        Office.objects.filter(level=Office.Level.DISTRICT)
        .order_by("code")
        .values_list("pk", "code", "name")
    ) or list(Office.objects.order_by("code").values_list("pk", "code", "name"))
    places = {pk: municipalities_for(code) or (name,) for pk, code, name in rows}
    pool = [pk for pk, _c, _n in rows]
    home = home_district()
    if len(pool) > 1 and home is not None and home.pk in places:
        pool += [home.pk] * max(1, len(pool) // 3)
    return pool, places


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
    conv = COUNTRIES.get(str(country), COUNTRIES["PH"])
    offices, places = _office_pool()
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
            name, form = company_name(conv, rng)
            employers.append(
                Employer(legal_name=name, tax_id=conv.tax_id(i, rng), legal_form=_legal_form(form))
            )
        Employer.objects.bulk_create(employers, batch_size=2000)
        sites = []
        for j, employer in enumerate(employers):
            i = base + j
            low, high = _pick(rng, SIZE_WEIGHTS)
            workers = rng.randint(low, high)
            female = round(workers * rng.uniform(0.15, 0.75))
            minors = rng.choice([0] * 30 + [1, 2]) if workers > 3 else 0
            office = rng.choice(offices)
            town = rng.choice(places[office])
            sites.append(
                Establishment(
                    employer=employer,
                    registration_number=f"{prefix}{i:07d}",
                    name=employer.legal_name if rng.random() < 0.7 else f"{employer} — {town}",
                    address=address(conv, rng),
                    locality=town,
                    office_id=office,
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
                        inspector_name=person_name(conv, rng),
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
