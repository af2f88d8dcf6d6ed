"""Writing a checked batch into the registry, and the error report afterwards."""

from collections.abc import Iterator

from django.db import connection, reset_queries, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.registry.imports.batches import _fail, _set_status
from labourhub.registry.imports.cleaning import RowResult, _chunks, _csv_safe, _key, _resolve
from labourhub.registry.imports.fields import import_fields
from labourhub.registry.imports.messages import NOTHING_VALID, UNEXPECTED
from labourhub.registry.imports.reading import _local_copy
from labourhub.registry.models import (
    Employer,
    Establishment,
    HistoricalInspection,
    ImportBatch,
    ImportKind,
    ImportRowError,
    RiskLevel,
)
from labourhub.registry.services import size_band_for


def _employers_for(batch: ImportBatch, rows: list[RowResult]) -> dict[tuple[str, str], int]:
    """Find or create the employer of every row: by tax id when given, else by legal name."""
    wanted = {(r.values.get("employer_tax_id", ""), r.values["employer_name"]) for r in rows}
    tax_ids = {t for t, _n in wanted if t}
    names = {n for t, n in wanted if not t}

    def lookup() -> dict[tuple[str, str], int]:
        found: dict[tuple[str, str], int] = {}
        by_tax = dict(Employer.objects.filter(tax_id__in=tax_ids).values_list("tax_id", "pk"))
        by_name: dict[str, int] = {}
        for name, pk in (
            Employer.objects.filter(tax_id="", legal_name__in=names)
            .order_by("pk")
            .values_list("legal_name", "pk")
        ):
            by_name.setdefault(name, pk)
        for t, n in wanted:
            match = by_tax.get(t) if t else by_name.get(n)
            if match is not None:
                found[(t, n)] = match
        return found

    found = lookup()
    missing = {(t, n) for t, n in wanted if (t, n) not in found}
    if missing:
        new: dict[str, Employer] = {}
        for t, n in sorted(missing):
            new.setdefault(t or f"name:{n}", Employer(legal_name=n, tax_id=t, import_batch=batch))
        Employer.objects.bulk_create(new.values(), ignore_conflicts=True)
        found = lookup()
    return found


def _write(batch: ImportBatch, rows: list[RowResult]) -> int:
    if batch.kind == ImportKind.ESTABLISHMENTS:
        employers = _employers_for(batch, rows)
        objs = []
        for r in rows:
            v = r.values
            female, male = v.get("workers_female", 0), v.get("workers_male", 0)
            objs.append(
                Establishment(
                    employer_id=employers[(v.get("employer_tax_id", ""), v["employer_name"])],
                    registration_number=v["registration_number"],
                    name=v["name"],
                    address=v.get("address", ""),
                    locality=v.get("locality", ""),
                    office_id=v["office_id"],
                    isic_code=v["isic_code"],
                    size_band=v.get("size_band") or size_band_for(female + male),
                    workers_female=female,
                    workers_male=male,
                    workers_minors=v.get("workers_minors", 0),
                    status=v.get("status", Establishment.Status.ACTIVE),
                    risk_level=v.get("risk_level", RiskLevel.MEDIUM),
                    opened_on=v.get("opened_on"),
                    latitude=v.get("latitude"),
                    longitude=v.get("longitude"),
                    import_batch=batch,
                    extra={
                        k.removeprefix("extra:"): val
                        for k, val in v.items()
                        if k.startswith("extra:") and val is not None
                    },
                )
            )
        # ignore_conflicts: a concurrent writer may have added the same key since _resolve.
        return len(Establishment.objects.bulk_create(objs, ignore_conflicts=True))
    hist = [
        HistoricalInspection(
            establishment_id=r.values["establishment_id"],
            inspected_on=r.values["inspected_on"],
            inspector_name=r.values.get("inspector_name", ""),
            findings_summary=r.values.get("findings_summary", ""),
            outcome=r.values["outcome"],
            source_reference=r.values["source_reference"],
            import_batch=batch,
        )
        for r in rows
    ]
    HistoricalInspection.objects.bulk_create(hist, ignore_conflicts=True)
    est_ids = sorted({h.establishment_id for h in hist})
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE registry_establishment e SET last_inspected_on = s.d
            FROM (SELECT establishment_id, max(inspected_on) AS d
                  FROM registry_historicalinspection WHERE establishment_id = ANY(%s)
                  GROUP BY establishment_id) s
            WHERE e.id = s.establishment_id
              AND (e.last_inspected_on IS NULL OR e.last_inspected_on < s.d)
            """,
            [est_ids],
        )
    return len(hist)


def import_batch_run(*, batch_id: int, actor: Actor = None) -> ImportBatch:
    """Write the rows that pass validation, ``CHUNK`` at a time, each chunk in its own
    transaction with its audit event; progress is visible to the polling page as it goes."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status == ImportBatch.Status.CHECKED and batch.valid_rows == 0:
        raise ApplicationError(_(NOTHING_VALID))
    batch = _set_status(
        batch, (ImportBatch.Status.CHECKED,), ImportBatch.Status.IMPORTING, resume_stale=True
    )
    try:
        processed = existing_total = 0
        with translation.override(batch.language), _local_copy(batch) as fh:
            ImportBatch.objects.filter(pk=batch.pk).update(processed_rows=0)
            for chunk in _chunks(batch, fh, actor):
                reset_queries()
                with transaction.atomic():
                    valid, existing = _resolve(batch, chunk)
                    new = [r for r in valid if _key(batch, r) not in existing]
                    written = _write(batch, new) if new else 0
                    processed += sum(1 for r in chunk if r.number > 1)
                    existing_total += len(valid) - len(new)
                    # updated_at is the run's heartbeat: a batch whose heartbeat stops is
                    # taken over by the redelivered task (see _set_status).
                    ImportBatch.objects.filter(pk=batch.pk).update(
                        processed_rows=processed,
                        existing_rows=existing_total,
                        updated_at=timezone.now(),
                    )
                    if written:
                        audit_record(
                            actor=actor,
                            action=AuditAction.IMPORT_ROWS_WRITTEN,
                            subject=batch,
                            payload={
                                "values": {
                                    "rows": written,
                                    "first_row": chunk[0].number,
                                    "last_row": chunk[-1].number,
                                }
                            },
                        )
        model = Establishment if batch.kind == ImportKind.ESTABLISHMENTS else HistoricalInspection
        with transaction.atomic():
            created = model.objects.filter(import_batch=batch).count()
            ImportBatch.objects.filter(pk=batch.pk).update(
                status=ImportBatch.Status.DONE, created_rows=created, finished_at=timezone.now()
            )
            batch.refresh_from_db()
            audit_record(
                actor=actor,
                action=AuditAction.IMPORT_FINISHED,
                subject=batch,
                payload={
                    "values": {
                        "created": created,
                        "existing": existing_total,
                        "skipped_with_errors": batch.error_rows,
                    }
                },
            )
    except ApplicationError:
        raise
    except Exception:
        with translation.override(batch.language):
            _fail(batch, _(UNEXPECTED), actor)
        raise
    return batch


def import_error_report_rows(*, batch: ImportBatch) -> Iterator[list[str]]:
    """The downloadable report: one line per problem; values are neutralised for Excel."""
    with translation.override(batch.language):
        yield [_("Row"), _("Column"), _("Problem"), _("Value"), _("Code")]
    for err in (
        ImportRowError.objects.filter(batch=batch)
        .order_by("row_number", "id")
        .iterator(chunk_size=2000)
    ):
        yield [
            str(err.row_number),
            _csv_safe(err.column),
            _csv_safe(err.message),
            _csv_safe(err.value),
            err.code,
        ]


def import_template_header(*, kind: str) -> list[str]:
    return [f.key for f in import_fields(kind)]
