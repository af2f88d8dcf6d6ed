"""Seeding a demo ministry's LMI site: indicators, releases, pages and downloads."""

import random
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page

from cms.models import (
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
from cms.services import lmi_editor_group_ensure, observations_apply
from devtools.demo.cms.specs import AGENCIES, CNT, DIMENSIONS, SPECS, _series
from devtools.demo.cms.translations import translations_seed
from labourhub.accounts.models import User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.audit.services import AuditAction, audit_record


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
    translations_seed()
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
    for title, slug_, text in (
        (
            "Accessibility statement",
            "accessibility",
            "This site aims to meet WCAG 2.1 level AA. Every chart has its data table. "
            "To report a problem, write to the labour market information unit.",
        ),
        (
            "Open data licence",
            "licence",
            "The data are published under the Creative Commons Attribution 4.0 licence "
            "(CC BY 4.0): reuse them freely, naming the source.",
        ),
    ):
        _publish(
            home,
            StandardPage(
                title=title, slug=slug_, in_footer=True, body=[("paragraph", f"<p>{text}</p>")]
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
