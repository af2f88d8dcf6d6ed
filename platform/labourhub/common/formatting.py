"""Amounts, numbers and dates in the ministry's locale: its language and its country's customs.

Django's own localisation knows the language only, so a Vietnamese amount came out as
"2200,00 VND": two decimals the đồng does not have and the code instead of the symbol. Babel
carries the CLDR data for each language *in a country* (vi_VN, es_HN, si_LK, en_LC), including
each currency's number of decimals and symbol.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, get_currency_symbol
from django.db import connection
from django.utils import translation

# Where the country's own symbol is a bare "$", officials and foreign employers read it as the
# US dollar: notices in Saint Lucia write the Eastern Caribbean dollar as EC$.
SYMBOL_OVERRIDES = {"XCD": "EC$"}
# CLDR has no English-in-Sri-Lanka data, so English falls back to the bare code "LKR"; Sri Lankan
# English writes the rupee as "Rs.".
LOCAL_SYMBOLS = {"LKR": "Rs."}


def _tenant() -> object | None:
    tenant = getattr(connection, "tenant", None)
    return None if getattr(tenant, "schema_name", "public") == "public" else tenant


def ministry_locale(language: str | None = None, country: str | None = None) -> Locale:
    """The CLDR locale of ``language`` (default: the active one) in ``country`` (default: the
    ministry's); the language alone when CLDR has no data for that pair, English at worst."""
    language = (language or translation.get_language() or "en").replace("-", "_").split("_")[0]
    if country is None:
        country = str(getattr(_tenant(), "country", "") or "")
    for tag in (f"{language}_{country.upper()}" if country else "", language, "en"):
        if not tag:
            continue
        try:
            return Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")


def _decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    # Babel cannot quantize an astronomically large or non-finite value; no real amount is one.
    return number if number.is_finite() and abs(number.adjusted()) <= 30 else None


def format_money(
    amount: object, currency: str | None = None, *, language: str | None = None
) -> str:
    """``amount`` in ``currency`` (default: the ministry's), e.g. "2.200.000 ₫", "L1,234.50"."""
    value = _decimal(amount)
    if value is None:
        return "" if amount is None else str(amount)
    code = (currency or str(getattr(_tenant(), "currency", "") or "")).upper()
    locale = ministry_locale(language)
    if not code:
        return format_decimal(value, locale=locale)
    symbol = SYMBOL_OVERRIDES.get(code)
    if symbol is None and not locale.territory:
        symbol = LOCAL_SYMBOLS.get(code)
    if symbol is None:
        return format_currency(value, code, locale=locale)
    pattern = locale.currency_formats["standard"].pattern.replace("¤", f"'{symbol}'")
    return format_currency(value, code, format=pattern, locale=locale)


def currency_symbol(currency: str | None = None, *, language: str | None = None) -> str:
    code = (currency or str(getattr(_tenant(), "currency", "") or "")).upper()
    if not code:
        return ""
    locale = ministry_locale(language)
    local = LOCAL_SYMBOLS.get(code) if not locale.territory else None
    return SYMBOL_OVERRIDES.get(code) or local or get_currency_symbol(code, locale=locale)


def format_number(value: object, *, language: str | None = None) -> str:
    number = _decimal(value)
    if number is None:
        return "" if value is None else str(value)
    return format_decimal(number, locale=ministry_locale(language))


def format_day(day: dt.date | None, *, language: str | None = None) -> str:
    """A calendar day in the locale's medium form: "3 thg 12, 2026", "3 dic 2026"."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = day.date()
    return format_date(day, "medium", locale=ministry_locale(language))
