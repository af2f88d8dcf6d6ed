"""Loading a social insurer's accident notifications into the accident register and case chain.

Each record either matches a notification the ministry already has (same establishment, day
and worker ID) or is notified through the core's ``accident_notify``, which opens its case (and,
for a fatal one, the investigation at once). The insurer's reference is the natural key, so a
record seen in an earlier file is skipped.
"""

from django.utils.translation import gettext_noop

from labourhub.complaints.models import AccidentNotification
from labourhub.complaints.services import accident_notify
from labourhub.connectors.models import AccidentImport, ConnectorRun
from labourhub.extensions.connector_types import AccidentRow, RowProblem
from labourhub.registry.models import Establishment

UNKNOWN_ESTABLISHMENT = gettext_noop("No establishment has the registration number %(value)s.")
DUPLICATE = gettext_noop("Reference %(value)s appears twice in the file (line %(first)s).")
FATAL_WITHOUT_DEATH = gettext_noop("A fatal accident records at least one death.")


def _establishments(rows: list[AccidentRow]) -> dict[str, Establishment]:
    numbers = {r.establishment for r in rows}
    return {
        e.registration_number: e
        for e in Establishment.objects.select_related("office").filter(
            registration_number__in=numbers
        )
    }


def accident_rows_check(*, rows: list[AccidentRow]) -> list[RowProblem]:
    known = _establishments(rows)
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for row in rows:
        if row.establishment not in known:
            problems.append(
                RowProblem(
                    row.line, "establishment", UNKNOWN_ESTABLISHMENT, {"value": row.establishment}
                )
            )
        first = seen.setdefault(row.reference, row.line)
        if first != row.line:
            problems.append(
                RowProblem(
                    row.line, "reference", DUPLICATE, {"value": row.reference, "first": first}
                )
            )
        if row.severity == "fatal" and row.fatalities < 1:
            problems.append(RowProblem(row.line, "fatalities", FATAL_WITHOUT_DEATH))
    return problems


def accident_rows_apply(*, run: ConnectorRun, rows: list[AccidentRow]) -> dict[str, int]:
    """Notify or match every record (the caller holds the transaction)."""
    counts = {"created_count": 0, "matched_count": 0, "unchanged_count": 0}
    known = _establishments(rows)
    seen = set(
        AccidentImport.objects.filter(
            source=run.source, reference__in=[r.reference for r in rows]
        ).values_list("reference", flat=True)
    )
    for row in rows:
        if row.reference in seen:
            counts["unchanged_count"] += 1
            continue
        establishment = known[row.establishment]
        existing = AccidentNotification.objects.filter(
            establishment=establishment, occurred_on=row.occurred_on, worker_id=row.worker_id
        ).first()
        matched = existing is not None
        if existing is None:
            existing = accident_notify(
                establishment=establishment,
                office=establishment.office,
                kind=row.kind,
                severity=row.severity,
                occurred_on=row.occurred_on,
                description=row.description,
                actor=None,
                victims_female=1 if row.sex == "F" else 0,
                victims_male=1 if row.sex == "M" else 0,
                fatalities=row.fatalities,
                worker_id=row.worker_id,
            )
            counts["created_count"] += 1
        else:
            counts["matched_count"] += 1
        AccidentImport.objects.create(
            source=run.source,
            reference=row.reference,
            notification=existing,
            run=run,
            matched_existing=matched,
        )
    return counts
