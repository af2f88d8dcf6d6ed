"""The demo LMI indicators: what each one measures and how its series is shaped."""

import random
from dataclasses import dataclass
from decimal import Decimal

from cms.models import (
    TOTAL,
    Indicator,
)
from cms.parsing import ParsedRow

YEARS = [str(y) for y in range(2018, 2025)]
DIMENSIONS = {
    "sex": ("Sex", [("F", "Women"), ("M", "Men"), (TOTAL, "Total")]),
    "age": (
        "Age group",
        [("Y15-24", "15-24"), ("Y25-54", "25-54"), ("Y55-64", "55-64"), (TOTAL, "Total")],
    ),
    "sector": (
        "Economic sector",
        [("AGR", "Agriculture"), ("IND", "Industry"), ("SER", "Services"), (TOTAL, "Total")],
    ),
}
AGENCIES = [
    ("CSO", "Central Statistics Office"),
    ("NIS", "National Insurance Scheme"),
    ("DOL", "Department of Labour"),
]


@dataclass(frozen=True)
class Spec:
    code: str
    name: str
    definition: str
    ilo: str
    sdg: str
    unit: str
    agency: str
    source: str
    dims: tuple[str, ...]
    base: float  # level of the total series
    headline: bool = False
    shared: bool = False
    analytics: str = ""


S, A, C = Indicator.Source.SURVEY, Indicator.Source.ADMIN, Indicator.Source.CASE_SYSTEM
PCT, THO, CNT, RAT = (
    Indicator.Unit.PERCENT,
    Indicator.Unit.THOUSANDS,
    Indicator.Unit.COUNT,
    Indicator.Unit.RATIO,
)
SPECS = [
    Spec(
        "unemployment-rate",
        "Unemployment rate",
        "Persons of working age without work, available and seeking work, as a percentage of "
        "the labour force (ILO, 19th ICLS).",
        "UNE_DEAP_SEX_AGE_RT",
        "8.5.2",
        PCT,
        "CSO",
        S,
        ("sex", "age"),
        8.0,
        headline=True,
        shared=True,
    ),
    Spec(
        "labour-force-participation-rate",
        "Labour force participation rate",
        "The labour force as a percentage of the working-age population (ILO).",
        "EAP_DWAP_SEX_AGE_RT",
        "",
        PCT,
        "CSO",
        S,
        ("sex",),
        62.0,
        headline=True,
        shared=True,
    ),
    Spec(
        "employment-to-population-ratio",
        "Employment-to-population ratio",
        "Employed persons as a percentage of the working-age population (ILO).",
        "EMP_DWAP_SEX_AGE_RT",
        "",
        PCT,
        "CSO",
        S,
        ("sex",),
        56.0,
        shared=True,
    ),
    Spec(
        "employment-by-sector",
        "Employment by economic sector",
        "Employed persons by ISIC Rev.4 aggregate sector, thousands (ILO).",
        "EMP_TEMP_SEX_ECO_NB",
        "",
        THO,
        "CSO",
        S,
        ("sector",),
        80.0,
    ),
    Spec(
        "informal-employment-rate",
        "Informal employment rate",
        "Informal employment as a percentage of total employment (ILO, 17th ICLS).",
        "EMP_NIFL_SEX_RT",
        "8.3.1",
        PCT,
        "CSO",
        S,
        ("sex",),
        45.0,
        headline=True,
        shared=True,
    ),
    Spec(
        "youth-neet-rate",
        "Youth not in employment, education or training",
        "Share of persons aged 15-24 not in employment, education or training (ILO).",
        "EIP_NEET_SEX_RT",
        "8.6.1",
        PCT,
        "CSO",
        S,
        ("sex",),
        20.0,
    ),
    Spec(
        "fatal-injury-rate",
        "Fatal occupational injuries per 100,000 workers",
        "Fatal occupational injuries per 100,000 workers (ILO).",
        "INJ_FATL_ECO_RT",
        "8.8.1",
        RAT,
        "NIS",
        A,
        (),
        4.0,
        shared=True,
    ),
    Spec(
        "insured-workers",
        "Workers contributing to national insurance",
        "Persons with at least one contribution in the year, thousands.",
        "",
        "",
        THO,
        "NIS",
        A,
        ("sex",),
        45.0,
    ),
    Spec(
        "occupational-accidents",
        "Occupational accidents notified",
        "Accidents at work notified to the national insurance scheme.",
        "",
        "",
        CNT,
        "NIS",
        A,
        ("sector",),
        400.0,
    ),
    Spec(
        "labour-inspections",
        "Labour inspections conducted",
        "Inspection visits completed by the labour inspectorate.",
        "",
        "",
        CNT,
        "DOL",
        C,
        ("sector",),
        600.0,
        analytics="inspections.completed",
    ),
    Spec(
        "violations-found",
        "Violations found by sector",
        "Violations of labour law recorded during inspections.",
        "",
        "",
        CNT,
        "DOL",
        C,
        ("sector",),
        300.0,
        analytics="findings.violations",
    ),
    Spec(
        "complaints-resolved",
        "Complaints resolved",
        "Workers' complaints closed with a resolution.",
        "",
        "",
        CNT,
        "DOL",
        C,
        (),
        250.0,
        analytics="complaints.resolved",
    ),
    Spec(
        "mean-monthly-earnings",
        "Mean monthly earnings of employees",
        "Mean nominal monthly earnings of employees, local currency (ILO).",
        "EAR_XEES_SEX_ECO_NB",
        "8.5.1",
        Indicator.Unit.CURRENCY,
        "CSO",
        S,
        ("sex",),
        1800.0,
    ),
]
FACTORS = {
    "F": 1.1,
    "M": 0.92,
    "Y15-24": 2.1,
    "Y25-54": 0.85,
    "Y55-64": 0.7,
    "AGR": 0.2,
    "IND": 0.25,
    "SER": 0.55,
}


def _series(spec: Spec, rng: random.Random, scale: float) -> list[ParsedRow]:
    rows: list[ParsedRow] = []
    combos: list[dict[str, str]] = [{}]
    for dim in spec.dims:
        combos = [{**c, dim: code} for c in combos for code, _l in DIMENSIONS[dim][1]]
    level = spec.base * scale
    for year in YEARS:
        level *= 1 + rng.uniform(-0.06, 0.06)
        for combo in combos:
            factor = 1.0
            for code in combo.values():
                factor *= FACTORS.get(code, 1.0)
            value = level * factor * (1 + rng.uniform(-0.02, 0.02))
            digits = 0 if spec.unit == CNT else 1
            if spec.unit == CNT and len(combo) and rng.random() < 0.05:
                value = rng.randint(1, 4)  # a few small cells, which publication suppresses
            flag = "P" if year == YEARS[-1] else "A"
            rows.append(ParsedRow(0, year, combo, Decimal(str(round(value, digits))), flag))
    return rows
