"""Reasons in plain words, in the reader's language: never a feature name or a code."""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from labourhub.registry.isic import SECTIONS
from labourhub.registry.models import SizeBand


def _count(n: int, one: str, many: str) -> str:
    return ngettext(one, many, n) % {"n": n}


def reason_text(factor: str, value: Any, *, region_names: Mapping[int, str]) -> str:
    """One reason as a sentence, e.g. "3 complaints in the last 12 months"."""
    if factor == "complaints_12m":
        return _count(
            int(value),
            "%(n)d complaint in the last 12 months",
            "%(n)d complaints in the last 12 months",
        )
    if factor in ("years_since_inspection", "never_inspected"):
        if value is None or factor == "never_inspected":
            return _("never inspected")
        years = int(float(value))
        if years < 1:
            return _("inspected less than a year ago")
        return _count(years, "no inspection for %(n)d year", "no inspection for %(n)d years")
    if factor == "past_breaches":
        return _count(
            int(value),
            "breaches found at %(n)d inspection in the last 5 years",
            "breaches found at %(n)d inspections in the last 5 years",
        )
    if factor == "past_visits":
        return _count(
            int(value),
            "%(n)d inspection in the last 5 years",
            "%(n)d inspections in the last 5 years",
        )
    if factor == "findings_serious":
        return _count(
            int(value),
            "%(n)d serious finding in the last 5 years",
            "%(n)d serious findings in the last 5 years",
        )
    if factor == "findings_minor":
        return _count(
            int(value),
            "%(n)d minor finding in the last 5 years",
            "%(n)d minor findings in the last 5 years",
        )
    if factor == "accidents_36m":
        return _count(
            int(value),
            "%(n)d workplace accident reported in the last 3 years",
            "%(n)d workplace accidents reported in the last 3 years",
        )
    if factor == "unmet_orders":
        return _count(
            int(value),
            "%(n)d compliance order not complied with",
            "%(n)d compliance orders not complied with",
        )
    if factor == "unpaid_fines":
        return _count(int(value), "%(n)d fine unpaid", "%(n)d fines unpaid")
    if factor == "workers_log":
        return _count(int(value), "%(n)d worker", "%(n)d workers")
    if factor == "employs_minors":
        return _("employs workers under 18")
    if factor == "age_years":
        return _count(int(float(value)), "open for %(n)d year", "open for %(n)d years")
    if factor == "sector":
        title = SECTIONS[value][0] if value in SECTIONS else _("unknown sector")
        return _("sector with many breaches: %(sector)s") % {"sector": title}
    if factor == "size_band":
        label = SizeBand(value).label if value in SizeBand.values else _("unknown size")
        return _("size with many breaches: %(size)s") % {"size": label}
    if factor == "region":
        name = region_names.get(int(value), _("unknown region"))
        return _("region with many breaches: %(region)s") % {"region": name}
    return _("other recorded history")


def reasons_text(reasons: list[list[Any]], *, region_names: Mapping[int, str]) -> list[str]:
    return [reason_text(f, v, region_names=region_names) for f, v, _w in reasons]


def region_ids_in(rows: list[list[list[Any]]]) -> set[int]:
    return {int(v) for reasons in rows for f, v, _w in reasons if f == "region"}


def factor_labels() -> list[str]:
    """What the models look at, in words (for the model card)."""
    return [
        _("sector (ISIC section)"),
        _("size band and number of workers"),
        _("region"),
        _("years since the establishment opened"),
        _("time since the last inspection"),
        _("inspections and breaches found in the last 5 years, by severity"),
        _("complaints in the last 12 months"),
        _("workplace accidents in the last 3 years"),
        _("compliance orders not complied with"),
        _("fines not paid"),
        _("whether workers under 18 are employed"),
    ]
