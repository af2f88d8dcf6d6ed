"""Reasons in plain words, in the reader's language: never a feature name or a code."""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from labourhub.registry.isic import SECTIONS
from labourhub.registry.models import SizeBand

# Counted reasons, keyed by factor: lazily translated, with the count named "n".
COUNTED = {
    "complaints_12m": ngettext_lazy(
        "%(n)d complaint in the last 12 months", "%(n)d complaints in the last 12 months", "n"
    ),
    "years_since_inspection": ngettext_lazy(
        "no inspection for %(n)d year", "no inspection for %(n)d years", "n"
    ),
    "past_breaches": ngettext_lazy(
        "breaches found at %(n)d inspection in the last 5 years",
        "breaches found at %(n)d inspections in the last 5 years",
        "n",
    ),
    "past_visits": ngettext_lazy(
        "%(n)d inspection in the last 5 years", "%(n)d inspections in the last 5 years", "n"
    ),
    "findings_serious": ngettext_lazy(
        "%(n)d serious finding in the last 5 years",
        "%(n)d serious findings in the last 5 years",
        "n",
    ),
    "findings_minor": ngettext_lazy(
        "%(n)d minor finding in the last 5 years", "%(n)d minor findings in the last 5 years", "n"
    ),
    "accidents_36m": ngettext_lazy(
        "%(n)d workplace accident reported in the last 3 years",
        "%(n)d workplace accidents reported in the last 3 years",
        "n",
    ),
    "unmet_orders": ngettext_lazy(
        "%(n)d compliance order not complied with",
        "%(n)d compliance orders not complied with",
        "n",
    ),
    "unpaid_fines": ngettext_lazy("%(n)d fine unpaid", "%(n)d fines unpaid", "n"),
    "workers_log": ngettext_lazy("%(n)d worker", "%(n)d workers", "n"),
    "age_years": ngettext_lazy("open for %(n)d year", "open for %(n)d years", "n"),
}


def reason_text(factor: str, value: Any, *, region_names: Mapping[int, str]) -> str:
    """One reason as a sentence, e.g. "3 complaints in the last 12 months"."""
    if factor in ("years_since_inspection", "never_inspected"):
        if value is None or factor == "never_inspected":
            return _("never inspected")
        if float(value) < 1:
            return _("inspected less than a year ago")
    if factor in COUNTED:
        return str(COUNTED[factor] % {"n": int(float(value))})
    if factor == "employs_minors":
        return _("employs workers under 18")
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
