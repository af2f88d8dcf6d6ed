"""Reads: the formats on offer, sources and runs, declared rosters and the on-site comparison."""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from labourhub.connectors.models import (
    AGE_BAND_LABELS,
    CONTRACT_LABELS,
    ConnectorRowError,
    ConnectorRun,
    ConnectorSource,
    DeclaredWorker,
    ObservedWorker,
)
from labourhub.extensions import hooks_for
from labourhub.extensions.connector_types import ConnectorKind


def connector_kinds(*, tenant: Any = None) -> dict[str, ConnectorKind]:
    """Every format the ministry can use: the core's and its active plugins' (first code wins)."""
    tenant = tenant if tenant is not None else getattr(connection, "tenant", None)
    kinds: dict[str, ConnectorKind] = {}
    for batch in hooks_for(tenant).register_connector_kinds(tenant=tenant):
        for kind in batch or []:
            kinds.setdefault(kind.code, kind)
    return kinds


def connector_source_list() -> QuerySet[ConnectorSource]:
    return ConnectorSource.objects.all()


def connector_source_get(*, source_id: int) -> ConnectorSource | None:
    return ConnectorSource.objects.filter(pk=source_id).first()


def connector_run_list(*, source: ConnectorSource) -> QuerySet[ConnectorRun]:
    return source.runs.select_related("started_by")[:50]


def connector_run_get(*, run_id: int) -> ConnectorRun | None:
    return ConnectorRun.objects.select_related("source").filter(pk=run_id).first()


FIELD_LABELS = {
    "establishment": gettext_lazy("establishment"),
    "id_number": gettext_lazy("ID number"),
    "id_type": gettext_lazy("ID type"),
    "name": gettext_lazy("name"),
    "sex": gettext_lazy("sex"),
    "age_band": gettext_lazy("age band"),
    "birth_date": gettext_lazy("date of birth"),
    "contract_type": gettext_lazy("contract type"),
    "wage": gettext_lazy("wage"),
    "period": gettext_lazy("period"),
    "reference": gettext_lazy("reference"),
    "worker_id": gettext_lazy("worker's ID number"),
    "occurred_on": gettext_lazy("date of the accident"),
    "kind": gettext_lazy("kind"),
    "severity": gettext_lazy("severity"),
    "description": gettext_lazy("description"),
    "fatalities": gettext_lazy("deaths"),
    "workers": gettext_lazy("workers"),
}


def _label(name: str) -> str:
    return str(FIELD_LABELS.get(name, name))


def _render(message: str, params: dict[str, Any]) -> str:
    shown = {k: (_label(v) if k == "field" else v) for k, v in params.items()}
    try:
        return _(message) % shown if shown else _(message)
    except (KeyError, TypeError, ValueError):
        return _(message)


@dataclass(frozen=True)
class ShownError:
    line: int
    field: str
    text: str


def connector_run_errors(*, run: ConnectorRun, limit: int = 200) -> list[ShownError]:
    """Row errors in the reader's language (stored as msgids with their parameters)."""
    rows = ConnectorRowError.objects.filter(run=run)[:limit]
    return [
        ShownError(e.line, _label(e.field) if e.field else "", _render(e.message, e.params))
        for e in rows
    ]


def connector_run_message(*, run: ConnectorRun) -> str:
    return _render(run.message, run.message_params) if run.message else ""


def declared_workers(*, establishment: Any) -> QuerySet[DeclaredWorker]:
    return DeclaredWorker.objects.filter(establishment=establishment, active=True)


@dataclass(frozen=True)
class DeclaredSummary:
    total: int
    women: int
    men: int
    period: str
    by_contract: list[tuple[str, int]]
    by_age: list[tuple[str, int]]


def declared_summary(*, establishment: Any) -> DeclaredSummary | None:
    """Counts of the latest declared roster, or None when nothing was ever declared."""
    rows = list(
        declared_workers(establishment=establishment).values_list(
            "sex", "contract_type", "age_band", "period"
        )
    )
    if not rows:
        return None
    sexes = Counter(r[0] for r in rows)
    contracts = Counter(r[1] for r in rows)
    ages = Counter(r[2] for r in rows)
    return DeclaredSummary(
        total=len(rows),
        women=sexes["F"],
        men=sexes["M"],
        period=max(r[3] for r in rows),
        by_contract=[
            (str(CONTRACT_LABELS[c]), contracts[c]) for c in CONTRACT_LABELS if contracts[c]
        ],
        by_age=[(str(AGE_BAND_LABELS[a]), ages[a]) for a in AGE_BAND_LABELS if ages[a]],
    )


@dataclass(frozen=True)
class Comparison:
    declared: DeclaredSummary | None
    observed: int
    observed_declared: int
    # Found at work but on no declared roster: the usual sign of undeclared work.
    undeclared: list[ObservedWorker]


def inspection_worker_comparison(*, inspection: Any) -> Comparison:
    observed = list(ObservedWorker.objects.filter(inspection=inspection))
    declared_ids = set(
        declared_workers(establishment=inspection.establishment).values_list("id_number", flat=True)
    )
    undeclared = [o for o in observed if o.id_number not in declared_ids]
    return Comparison(
        declared=declared_summary(establishment=inspection.establishment),
        observed=len(observed),
        observed_declared=len(observed) - len(undeclared),
        undeclared=undeclared,
    )
