"""Demo content for a ministry's LMI site: agencies, 13 indicators, 7 years of data, pages.

The numbers are plausible, generated from a seed per ministry; they are not official statistics.
"""

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page

from cms.models import (
    TOTAL,
    Agency,
    ContactPage,
    DataCataloguePage,
    Dimension,
    DimensionValue,
    HomePage,
    Indicator,
    IndicatorPage,
    LmiSettings,
    NewsIndexPage,
    NewsPage,
    PublicationIndexPage,
    PublicationPage,
    ReleaseCalendarPage,
    StandardPage,
    TopicPage,
)
from cms.parsing import ParsedRow
from cms.services import lmi_editor_group_ensure, observations_apply
from labourhub.accounts.models import User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.audit.services import AuditAction, audit_record

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


def _pdf(title: str, lines: list[str]) -> bytes:
    """A small, valid one-page PDF (Helvetica text), enough for a demo report."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = ["BT /F1 18 Tf 56 780 Td (" + esc(title) + ") Tj ET"]
    for n, line in enumerate(lines):
        text.append(f"BT /F1 11 Tf 56 {750 - 16 * n} Td ({esc(line)}) Tj ET")
    stream = "\n".join(text).encode("latin-1", "replace")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def cms_demo_seed(*, slug: str, password: str) -> bool:
    """Seed the active ministry's LMI site; returns False when it was already seeded."""
    if Indicator.objects.exists():
        return False
    rng = random.Random(slug)  # noqa: S311 - plausible demo numbers, not secrets
    scale = rng.uniform(0.6, 1.5)
    LmiSettings.objects.get_or_create(pk=1, defaults={"suppression_threshold": 5})
    agencies = {code: Agency.objects.create(code=code, name=name) for code, name in AGENCIES}
    dims = {}
    for code, (name, values) in DIMENSIONS.items():
        dims[code] = Dimension.objects.create(code=code, name=name)
        DimensionValue.objects.bulk_create(
            DimensionValue(dimension=dims[code], code=v, label=label, order=n)
            for n, (v, label) in enumerate(values)
        )
    now = timezone.now()
    indicators = []
    for spec in SPECS:
        ind = Indicator.objects.create(
            code=spec.code,
            name=spec.name,
            definition=spec.definition,
            ilo_code=spec.ilo,
            sdg=spec.sdg,
            unit=spec.unit,
            agency=agencies[spec.agency],
            source=spec.source,
            headline=spec.headline,
            share_regionally=spec.shared,
            analytics_definition=spec.analytics,
            decimals=0 if spec.unit == CNT else 1,
        )
        ind.dimensions.set([dims[d] for d in spec.dims])
        observations_apply(indicator=ind, rows=_series(spec, rng, scale), dataset=None, now=now)
        indicators.append(ind)
    for username, agency in (("statsoffice", "CSO"), ("nisuser", "NIS")):
        user = User.objects.filter(username=username).first() or user_create(
            username=username,
            password=password,
            first_name=agencies[agency].name,
            last_name="Demo",
            roles=[Role.ANALYST],
            actor=None,
        )
        agencies[agency].members.add(user)
    _seed_pages(indicators, slug)
    editors = lmi_editor_group_ensure()
    for user in User.objects.filter(username__in=["admin", "director"]):
        user.groups.add(editors)
    audit_record(
        actor=None,
        action=AuditAction.LMI_DEMO_SEEDED,
        payload={"values": {"indicators": len(indicators)}},
    )
    return True


def _seed_pages(indicators: list[Indicator], slug: str) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    home.body = [
        (
            "chart",
            {"indicator": indicators[0], "breakdown": "sex", "title": "Unemployment rate by sex"},
        )
    ]
    home.save_revision().publish()
    topics = [
        ("Employment and unemployment", [i for i in indicators if i.agency.code == "CSO"]),
        ("Social insurance and safety at work", [i for i in indicators if i.agency.code == "NIS"]),
        ("Labour inspection", [i for i in indicators if i.agency.code == "DOL"]),
    ]
    for title, members in topics:
        topic = _publish(
            home,
            TopicPage(
                title=title,
                show_in_menus=True,
                intro=f"<p>{title}: definitions, series and downloads.</p>",
            ),
        )
        for ind in members:
            codes = list(ind.dimensions.values_list("code", flat=True))
            breakdown = "sex" if "sex" in codes else (codes[0] if codes else "")
            _publish(
                topic,
                IndicatorPage(title=ind.name, slug=ind.code, indicator=ind, breakdown=breakdown),
            )
    _publish(
        home,
        DataCataloguePage(
            title="Data catalogue",
            slug="data",
            show_in_menus=True,
            intro="<p>All indicators, with CSV, Excel and SDMX-JSON.</p>",
        ),
    )
    _publish(
        home, ReleaseCalendarPage(title="Release calendar", slug="releases", show_in_menus=True)
    )
    news = _publish(home, NewsIndexPage(title="News", show_in_menus=True))
    for n, (title, summary) in enumerate(
        [
            ("Labour force survey results published", "Annual results of the labour force survey."),
            ("Youth employment programme launched", "A new programme for young jobseekers."),
            (
                "Inspection campaign in agriculture",
                "The inspectorate visited farms in every region.",
            ),
        ]
    ):
        _publish(news, NewsPage(title=title, summary=summary, date=date(2025, 3 + 2 * n, 10)))
    pubs = _publish(home, PublicationIndexPage(title="Publications", show_in_menus=True))
    for year in (2023, 2024):
        title = f"Labour market bulletin {year}"
        doc = Document(title=title)
        doc.file.save(
            f"bulletin-{slug}-{year}.pdf",
            ContentFile(
                _pdf(
                    title,
                    [
                        "Main results of the labour force survey.",
                        "Indicators follow ILO/ILOSTAT definitions.",
                    ],
                )
            ),
            save=False,
        )
        doc.save()
        _publish(
            pubs,
            PublicationPage(
                title=title,
                date=date(year + 1, 2, 15),
                document=doc,
                summary="Annual bulletin of labour market indicators.",
            ),
        )
    _publish(
        home,
        StandardPage(
            title="About these statistics",
            slug="about",
            show_in_menus=True,
            body=[
                (
                    "paragraph",
                    "<p>Sources, methods and the revision policy. "
                    "Counts below the publication threshold are not shown.</p>",
                )
            ],
        ),
    )
    _publish(
        home,
        ContactPage(
            title="Contact",
            show_in_menus=True,
            intro="<p>Write to the labour market information unit.</p>",
        ),
    )
