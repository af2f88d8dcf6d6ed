"""Generated ministry histories with a known planted signal (or none), built as rows.

Rows are bulk-created like the registry's own generator: thousands of establishments and
years of archived inspection results are data, not business events.
"""

import datetime as dt
import random

import pytest
from django.db import transaction

from labourhub.accounts.models import Office
from labourhub.accounts.services import office_create
from labourhub.registry.models import Employer, Establishment, HistoricalInspection
from labourhub.targeting.models import RiskModelVersion
from labourhub.targeting.services import risk_model_activate, risk_model_train
from tests.case_fixtures import api_client_for, client_for, staff  # noqa: F401

SECTORS = ["1410", "4711", "5610", "4100", "0111"]  # C, G, I, F, A
SIZES = ["micro", "small", "medium", "large"]
YEARS = range(2021, 2026)  # the last year (2025) is the held-out one


def _office(code, name, level, parent=None):
    return Office.objects.filter(code=code).first() or office_create(
        code=code, name=name, level=level, parent=parent, actor=None
    )


@pytest.fixture
def regions(in_ministry):
    north = _office("TG-N", "North region", "region")
    south = _office("TG-S", "South region", "region")
    return {
        "north": (north, _office("TG-N1", "North district", "district", north)),
        "south": (south, _office("TG-S1", "South district", "district", south)),
    }


def generate(regions, *, n=2000, signal=True, seed=7, prefix="G"):
    """``n`` establishments and five years of inspections.

    With ``signal``, 30% of establishments are persistent offenders (a breach at 90% of their
    inspections, against 8% for the others), and construction is worse than other sectors.
    Without it, every inspection finds a breach with the same 30% chance.
    """
    rng = random.Random(seed)
    employer = Employer.objects.create(legal_name=f"{prefix} Generated employer")
    districts = [d for _r, d in regions.values()]
    rows = []
    for i in range(n):
        workers = rng.choice([4, 20, 120, 400])
        rows.append(
            Establishment(
                employer=employer,
                registration_number=f"{prefix}-{i:06d}",
                name=f"{prefix} Workplace {i}",
                office=districts[i % len(districts)],
                isic_code=rng.choice(SECTORS),
                size_band=SIZES[[4, 20, 120, 400].index(workers)],
                workers_female=workers // 2,
                workers_male=workers - workers // 2,
                opened_on=dt.date(2000 + rng.randrange(20), 1, 1),
            )
        )
    ests = Establishment.objects.bulk_create(rows, batch_size=2000)
    offender = {e.pk: rng.random() < 0.3 for e in ests}
    visits = []
    for year in YEARS:
        for e in ests:
            if rng.random() >= 0.35:
                continue
            if signal:
                p = 0.9 if offender[e.pk] else (0.2 if e.isic_code == "4100" else 0.08)
            else:
                p = 0.3
            breach = rng.random() < p
            visits.append(
                HistoricalInspection(
                    establishment=e,
                    inspected_on=dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(360)),
                    outcome=rng.choice(["order", "sanction"]) if breach else "compliant",
                    source_reference=f"{prefix}-{year}-{e.pk}",
                )
            )
    HistoricalInspection.objects.bulk_create(visits, batch_size=5000)
    return ests


def train(kind="learned"):
    with transaction.atomic():
        version = RiskModelVersion.objects.create(kind=kind)
    return risk_model_train(version_id=version.pk)


def train_and_activate(kind="learned"):
    version = train(kind)
    return risk_model_activate(version_id=version.pk, actor=None)
