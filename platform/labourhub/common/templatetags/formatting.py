"""Template filters for amounts, numbers and dates in the ministry's locale.

``{{ fine.amount|money:fine.currency }}``, ``{{ total|money }}`` (the ministry's currency),
``{{ workers|number }}``, ``{{ day|day }}``. Plugin templates load them the same way.
"""

import datetime as dt

from django import template

from labourhub.common.formatting import format_day, format_money, format_number

register = template.Library()


@register.filter
def money(amount: object, currency: str | None = None) -> str:
    return format_money(amount, currency or None)


@register.filter
def number(value: object) -> str:
    return format_number(value)


@register.filter
def day(value: dt.date | None) -> str:
    return format_day(value)
