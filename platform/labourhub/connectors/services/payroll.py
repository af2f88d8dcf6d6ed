"""Loading declared workers: each establishment's roster replaced by the file's, with history.

The natural key is (establishment, worker ID): a worker declared again with the same values is
not written; one whose values changed is updated and the old values kept in the history; one
missing from the establishment's new roster is marked as no longer declared (never deleted).
The establishment's worker counts follow its declared roster.
"""

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext_noop

from labourhub.audit.services import audit_record
from labourhub.connectors import events
from labourhub.connectors.models import ConnectorRun, DeclaredWorker, DeclaredWorkerChange
from labourhub.extensions.connector_types import DeclaredWorkerRow, RowProblem
from labourhub.registry.models import Establishment
from labourhub.registry.services import establishment_update

UNKNOWN_ESTABLISHMENT = gettext_noop("No establishment has the registration number %(value)s.")
DUPLICATE = gettext_noop(
    "Worker %(value)s is declared twice for the same establishment (line %(first)s)."
)
OLDER_PERIOD = gettext_noop(
    "The roster of %(value)s for %(loaded)s is already loaded; this file declares an earlier period."
)
FIELDS = ("id_type", "full_name", "sex", "age_band", "contract_type", "wage", "period")
Change = DeclaredWorkerChange.Change


def _establishments(rows: list[DeclaredWorkerRow]) -> dict[str, Establishment]:
    numbers = {r.establishment for r in rows}
    return {
        e.registration_number: e
        for e in Establishment.objects.filter(registration_number__in=numbers)
    }


def payroll_rows_check(*, rows: list[DeclaredWorkerRow]) -> list[RowProblem]:
    """Problems only the registry can tell: unknown establishments, duplicates, older periods."""
    known = _establishments(rows)
    loaded = dict(
        DeclaredWorker.objects.filter(establishment__in=known.values(), active=True)
        .values_list("establishment__registration_number", "period")
        .order_by("establishment__registration_number", "period")
    )
    problems: list[RowProblem] = []
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        if row.establishment not in known:
            problems.append(
                RowProblem(
                    row.line, "establishment", UNKNOWN_ESTABLISHMENT, {"value": row.establishment}
                )
            )
            continue
        first = seen.setdefault((row.establishment, row.id_number), row.line)
        if first != row.line:
            problems.append(
                RowProblem(
                    row.line, "id_number", DUPLICATE, {"value": row.id_number, "first": first}
                )
            )
        if row.period < loaded.get(row.establishment, ""):
            problems.append(
                RowProblem(
                    row.line,
                    "period",
                    OLDER_PERIOD,
                    {"value": row.establishment, "loaded": loaded[row.establishment]},
                )
            )
    return problems


def _values(worker: DeclaredWorker | DeclaredWorkerRow) -> dict[str, Any]:
    return {f: getattr(worker, f) for f in FIELDS}


def _json(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (str(v) if v is not None and k == "wage" else v) for k, v in values.items()}


def _roster_apply(
    *,
    run: ConnectorRun,
    establishment: Establishment,
    rows: list[DeclaredWorkerRow],
    counts: dict[str, int],
) -> None:
    existing = {
        w.id_number: w
        for w in DeclaredWorker.objects.select_for_update().filter(establishment=establishment)
    }
    period = max(r.period for r in rows)
    new: list[DeclaredWorker] = []
    history: list[tuple[DeclaredWorker, str, dict[str, Any]]] = []
    for row in rows:
        worker = existing.pop(row.id_number, None)
        if worker is None:
            new.append(
                DeclaredWorker(
                    establishment=establishment,
                    id_number=row.id_number,
                    source=run.source,
                    last_run=run,
                    **_values(row),
                )
            )
            continue
        before = _values(worker)
        if worker.active and before == _values(row):
            counts["unchanged_count"] += 1
            continue
        change = Change.CHANGED if worker.active else Change.RETURNED
        for name, value in _values(row).items():
            setattr(worker, name, value)
        worker.active, worker.last_run, worker.source = True, run, run.source
        worker.save()
        history.append((worker, change, _json(before)))
        counts["updated_count"] += 1
    for worker in existing.values():
        if worker.active:
            worker.active, worker.last_run = False, run
            worker.save(update_fields=["active", "last_run", "updated_at"])
            history.append((worker, Change.REMOVED, {}))
            counts["removed_count"] += 1
    DeclaredWorker.objects.bulk_create(new)
    counts["created_count"] += len(new)
    history += [(w, Change.ADDED, {}) for w in new]
    DeclaredWorkerChange.objects.bulk_create(
        DeclaredWorkerChange(worker=w, run=run, change=c, period=period, before=b)
        for w, c, b in history
    )
    if history:
        _counts_follow(establishment=establishment, run=run, period=period)


def _counts_follow(*, establishment: Establishment, run: ConnectorRun, period: str) -> None:
    roster = DeclaredWorker.objects.filter(establishment=establishment, active=True)
    data = {
        "workers_female": roster.filter(sex="F").count(),
        "workers_male": roster.filter(sex="M").count(),
        "workers_minors": roster.filter(age_band="under_18").count(),
    }
    # The connector acts for the platform: the administrator who started it need not hold the
    # right to edit establishments for the declared counts to reach the registry.
    establishment_update(establishment=establishment, data=data, actor=None)
    audit_record(
        actor=run.started_by,
        action=events.ROSTER_LOADED,
        subject=establishment,
        payload={"values": {"period": period, "run": run.pk, **data}},
    )


def payroll_rows_apply(*, run: ConnectorRun, rows: list[DeclaredWorkerRow]) -> dict[str, int]:
    """Write every establishment's roster (the caller holds the transaction)."""
    counts = dict.fromkeys(
        ("created_count", "updated_count", "unchanged_count", "removed_count"), 0
    )
    by_establishment: dict[str, list[DeclaredWorkerRow]] = defaultdict(list)
    for row in rows:
        by_establishment[row.establishment].append(row)
    known = _establishments(rows)
    for number in sorted(by_establishment):
        _roster_apply(
            run=run, establishment=known[number], rows=by_establishment[number], counts=counts
        )
    return counts
