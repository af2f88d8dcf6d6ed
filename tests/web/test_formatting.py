"""Amounts and dates in the ministry's locale: the country's symbol, decimals and grouping."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from labourhub.common import formatting


class _Ministry:
    schema_name = "ministry"

    def __init__(self, country: str, currency: str) -> None:
        self.country = country
        self.currency = currency


@pytest.fixture
def ministry(monkeypatch):
    def use(country: str, currency: str) -> None:
        monkeypatch.setattr(formatting, "_tenant", lambda: _Ministry(country, currency))

    return use


@pytest.mark.parametrize(
    ("language", "country", "currency", "amount", "shown"),
    [
        ("vi", "VN", "VND", "2200000.00", "2.200.000\xa0₫"),  # the đồng has no decimals
        ("es", "HN", "HNL", "1234.5", "L1,234.50"),
        ("si", "LK", "LKR", "1234.5", "රු.1,234.50"),
        ("ta", "LK", "LKR", "1234.5", "Rs.1,234.50"),
        ("en", "LK", "LKR", "1234.5", "Rs.1,234.50"),  # CLDR has no en_LK
        ("en", "PH", "PHP", "1234.5", "₱1,234.50"),
        ("en", "LC", "XCD", "1234.5", "EC$1,234.50"),
        ("es", "PY", "PYG", "2200000", "Gs.\xa02.200.000"),
    ],
)
def test_money_in_the_ministry_locale(ministry, language, country, currency, amount, shown):
    ministry(country, currency)
    with translation.override(language):
        assert formatting.format_money(Decimal(amount)) == shown
        assert formatting.format_money(amount, currency) == shown


def test_never_the_raw_decimal_and_code(ministry):
    ministry("VN", "VND")
    with translation.override("vi"):
        text = Template("{% load formatting %}{{ a|money:c }}").render(
            Context({"a": Decimal("2200.00"), "c": "VND"})
        )
    assert "2200,00" not in text and "VND" not in text
    assert text == "2.200\xa0₫"


def test_dates_in_the_locale(ministry):
    ministry("VN", "VND")
    day = dt.date(2026, 12, 3)
    with translation.override("vi"):
        assert formatting.format_day(day) == "3 thg 12, 2026"
    ministry("HN", "HNL")
    with translation.override("es"):
        assert formatting.format_day(day) == "3 dic 2026"


@pytest.mark.parametrize("hostile", [None, "", "abc", "1e999999", object()])
def test_unreadable_amounts_never_raise(ministry, hostile):
    ministry("HN", "HNL")
    with translation.override("es"):
        shown = formatting.format_money(hostile)
    assert isinstance(shown, str)


def test_unknown_country_falls_back_to_the_language(ministry):
    ministry("ZZ", "USD")
    with translation.override("fr"):
        assert formatting.format_money(Decimal("1234.5")) == "1\u202f234,50\xa0$US"


def test_sinhala_dates_are_year_first_never_the_us_order():
    from django.utils.formats import date_format

    day = dt.datetime(2026, 11, 30, 10, 5, tzinfo=dt.UTC)
    with translation.override("si"):
        assert date_format(day, "SHORT_DATE_FORMAT") == "2026-11-30"
        assert date_format(day, "DATE_FORMAT") == "2026-11-30"
        assert date_format(day, "SHORT_DATETIME_FORMAT") == "2026-11-30 10:05"
    with translation.override("en"):
        assert date_format(day, "SHORT_DATE_FORMAT") == "11/30/2026"
