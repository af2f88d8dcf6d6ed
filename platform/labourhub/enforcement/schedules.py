"""Versioned fine schedules declared by country packs, and the fine they suggest per violation.

A pack declares a ``FineSchedule`` (``register_fine_schedules``): rules in the country's legal
unit (SMMLV, jornales mínimos, UIT), each with the date it takes effect and its legal basis, and
the dated value of each unit in the ministry's currency. The rule that applies to a violation is
the latest version in effect on the day of the violation, so a new schedule applies to new cases
while old cases keep theirs.

The arithmetic is the core's own (``enforcement.services.fine_compute`` on an unsaved
``FineRule``); ``fine_schedule_apply`` writes the versions in effect today into the ministry's
``FineRule`` table (as ``fine_schedule_seed`` does for the generic schedule), so the core's
sanction step fines in the country's amounts.
"""

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction

from labourhub.audit.services import AuditAction, audit_record
from labourhub.enforcement.models import FineRule
from labourhub.enforcement.services import fine_compute
from labourhub.extensions.country_types import (
    FineRuleVersion,
    FineSchedule,
    FineSuggestion,
    LegalUnitValue,
)
from labourhub.workflow.services import Actor, ministry_today

CENT = Decimal("0.01")


def fine_schedules_declared(*, tenant: Any) -> list[FineSchedule]:
    """The fine schedules of the plugins active for ``tenant``."""
    from labourhub.extensions import flatten, hooks_for

    return list(flatten(hooks_for(tenant).register_fine_schedules(tenant=tenant)))


def _plain(text: str) -> str:
    # Accents, case and spacing differ between a pack's citation and what an inspector's
    # checklist says ("Artículo 84" / "articulo  84"); the words and numbers must not.
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", bare).strip().casefold()


def _cites(cite: str, provision: str) -> bool:
    """``provision`` is ``cite``, or ``cite`` followed by more detail ("art. 84" never matches
    "art. 845")."""
    cite, provision = _plain(cite), _plain(provision)
    if not cite or not provision.startswith(cite):
        return False
    rest = provision[len(cite) :]
    return not rest or not rest[0].isalnum()


def rule_code_for(*, schedule: FineSchedule, provision: str) -> str | None:
    """The schedule's rule for a finding's legal ``provision``: its own code when the finding
    names it, else the rule citing the provision most precisely (longest citation)."""
    if any(r.provision == provision for r in schedule.rules):
        return provision
    best: tuple[int, str] | None = None
    for rule in schedule.rules:
        for cite in rule.cites:
            if _cites(cite, provision) and (best is None or len(cite) > best[0]):
                best = (len(cite), rule.provision)
    return best[1] if best else None


def rule_version_on(
    *, schedule: FineSchedule, provision: str, size_band: str, on: dt.date
) -> FineRuleVersion | None:
    """The version of ``provision`` in effect on ``on``: the exact size band first, else the
    band-less rule; among versions, the latest ``effective_from`` not after ``on``."""
    for band in (size_band, ""):
        versions = [
            r
            for r in schedule.rules
            if r.provision == provision and r.size_band == band and r.effective_from <= on
        ]
        if versions:
            return max(versions, key=lambda r: r.effective_from)
        if not size_band:
            break
    return None


def unit_value_on(*, schedule: FineSchedule, unit: str, on: dt.date) -> LegalUnitValue | None:
    """The value of one ``unit`` in effect on ``on`` (None when the pack has none)."""
    values = [v for v in schedule.unit_values if v.unit == unit and v.effective_from <= on]
    return max(values, key=lambda v: v.effective_from) if values else None


def _as_rule(version: FineRuleVersion) -> FineRule:
    # Unsaved: only carries the numbers fine_compute reads.
    return FineRule(
        provision=version.provision,
        size_band=version.size_band,
        base_amount=version.minimum,
        per_worker_amount=version.per_worker,
        repeat_aggravation_pct=version.repeat_aggravation_pct,
        maximum=version.maximum,
    )


def fine_suggest(
    *,
    tenant: Any,
    provision: str,
    on: dt.date,
    size_band: str = "",
    workers_affected: int = 0,
    repeat_offence: bool = False,
) -> FineSuggestion | None:
    """The fine the schedule in effect on ``on`` suggests for one violation of ``provision``.

    ``provision`` is a rule's code or the legal provision a finding cites (matched against the
    rules' ``cites``). ``on`` is the day of the violation (or the day the case was opened). None
    when no active
    schedule has a rule for it. The amount in money is None when the pack gives no value of the
    unit for that day.
    """
    for schedule in fine_schedules_declared(tenant=tenant):
        code = rule_code_for(schedule=schedule, provision=provision)
        if code is None:
            continue
        version = rule_version_on(schedule=schedule, provision=code, size_band=size_band, on=on)
        if version is None:
            continue
        units = fine_compute(
            rule=_as_rule(version),
            workers_affected=max(0, workers_affected),
            repeat_offence=repeat_offence,
        )
        units = max(units, version.minimum)
        value = unit_value_on(schedule=schedule, unit=version.unit, on=on)
        amount = None
        if value is not None:
            amount = (units * value.amount).quantize(CENT, rounding=ROUND_HALF_UP)
        return FineSuggestion(
            provision=version.provision,
            label=version.label,
            legal_basis=version.legal_basis,
            effective_from=version.effective_from,
            unit=version.unit,
            units=units,
            minimum=version.minimum,
            maximum=version.maximum,
            amount=amount,
            currency=schedule.currency,
            unit_value=None if value is None else value.amount,
            confirmed=version.confirmed and (value is None or value.confirmed),
        )
    return None


def fine_suggestions(
    *, tenant: Any, on: dt.date, size_band: str = "", workers_affected: int = 0
) -> list[FineSuggestion]:
    """One suggestion per provision of the active schedules, as of ``on`` (for a case page)."""
    found = []
    for schedule in fine_schedules_declared(tenant=tenant):
        for provision in dict.fromkeys(r.provision for r in schedule.rules):
            suggestion = fine_suggest(
                tenant=tenant,
                provision=provision,
                on=on,
                size_band=size_band,
                workers_affected=workers_affected,
            )
            if suggestion is not None:
                found.append(suggestion)
    return found


@transaction.atomic
def fine_schedule_apply(*, tenant: Any, actor: Actor = None, on: dt.date | None = None) -> int:
    """Write the rule versions in effect on ``on`` (today) into the ministry's ``FineRule``
    table, in money, keyed by the rule's label; returns how many rows were created or changed."""
    day = on or ministry_today()
    total = 0
    for schedule in fine_schedules_declared(tenant=tenant):
        changed = 0
        keys = {(r.provision, r.size_band) for r in schedule.rules}
        for provision, band in sorted(keys):
            version = rule_version_on(
                schedule=schedule, provision=provision, size_band=band, on=day
            )
            value = (
                None
                if version is None
                else unit_value_on(schedule=schedule, unit=version.unit, on=day)
            )
            if version is None or value is None or version.size_band != band:
                continue
            money = {
                "base_amount": (version.minimum * value.amount).quantize(CENT),
                "per_worker_amount": (version.per_worker * value.amount).quantize(CENT),
                "repeat_aggravation_pct": version.repeat_aggravation_pct,
                "maximum": (version.maximum * value.amount).quantize(CENT),
            }
            rule, created = FineRule.objects.get_or_create(
                provision=str(version.label)[:400], size_band=band, defaults=money
            )
            if not created:
                if all(getattr(rule, k) == v for k, v in money.items()):
                    continue
                FineRule.objects.filter(pk=rule.pk).update(**money)
            changed += 1
        if changed:
            audit_record(
                actor=actor,
                action=AuditAction.FINE_RULE_SEEDED,
                payload={"values": {"schedule": schedule.code, "on": day, "changed": changed}},
            )
        total += changed
    return total
