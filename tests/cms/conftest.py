from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.models import TOTAL, Agency, Dimension, DimensionValue, Indicator, LmiSettings
from cms.parsing import ParsedRow
from labourhub.accounts.roles import Role


@pytest.fixture(autouse=True)
def _clear_cache():
    # The page cache outlives each test's rolled-back transaction.
    cache.clear()
    yield
    cache.clear()


def make_indicator(code, agency, dims=(), unit=Indicator.Unit.PERCENT, **kw):
    ind = Indicator.objects.create(
        code=code,
        name=kw.pop("name", code.replace("-", " ").title()),
        definition="Definition.",
        unit=unit,
        agency=agency,
        source=kw.pop("source", Indicator.Source.SURVEY),
        **kw,
    )
    ind.dimensions.set(Dimension.objects.filter(code__in=dims))
    return ind


def rows(*items):
    """(period, dims, value[, flag]) tuples -> ParsedRow list."""
    return [ParsedRow(0, p, d, Decimal(str(v)), f[0] if f else "A") for p, d, v, *f in items]


def upload(text, name="data.csv"):
    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.fixture
def lmi(in_ministry, user_with_role):
    """Two partner agencies, dimensions, three indicators, an agency user and the editor."""
    LmiSettings.objects.create(suppression_threshold=5)
    cso = Agency.objects.create(code="CSO", name="Central Statistics Office")
    nis = Agency.objects.create(code="NIS", name="National Insurance Scheme")
    dol = Agency.objects.create(code="DOL", name="Department of Labour")
    for code, values in (("sex", ["F", "M", TOTAL]), ("sector", ["AGR", "SER", TOTAL])):
        dim = Dimension.objects.create(code=code, name=code.title())
        for n, v in enumerate(values):
            DimensionValue.objects.create(dimension=dim, code=v, label=f"{code}:{v}", order=n)
    stats = user_with_role(Role.ANALYST, username="stats")
    cso.members.add(stats)
    editor = user_with_role(Role.DIRECTOR, username="editor")

    class Lmi:
        pass

    lmi = Lmi()
    lmi.cso, lmi.nis, lmi.dol, lmi.stats, lmi.editor = cso, nis, dol, stats, editor
    lmi.unemployment = make_indicator(
        "unemployment-rate",
        cso,
        ["sex"],
        ilo_code="UNE_DEAP_SEX_AGE_RT",
        headline=True,
        share_regionally=True,
        name="Unemployment rate",
    )
    lmi.fatal = make_indicator("fatal-injury-rate", nis, [], unit=Indicator.Unit.RATIO)
    lmi.inspections = make_indicator(
        "labour-inspections",
        dol,
        ["sector"],
        unit=Indicator.Unit.COUNT,
        decimals=0,
        source=Indicator.Source.CASE_SYSTEM,
    )
    return lmi


def english(client):
    """The test ministry speaks Spanish; assertions here read the English strings."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
