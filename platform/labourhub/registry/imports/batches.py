"""Import batches: upload, column mapping, the dry run, and queueing the work."""

import datetime as dt
import hashlib
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, reset_queries, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.common.background import task_enqueue_on_commit
from labourhub.common.exceptions import ApplicationError
from labourhub.registry.imports.cleaning import _chunks, _key, _resolve
from labourhub.registry.imports.fields import suggest_columns
from labourhub.registry.imports.messages import (
    _ENCODINGS,
    BAD_ENCODING,
    COLUMN_NOT_IN_FILE,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    FILE_TYPE,
    FILE_UNREADABLE,
    NOTHING_VALID,
    UNEXPECTED,
    WRONG_STATUS,
    max_import_bytes,
)
from labourhub.registry.imports.reading import (
    FileUnreadableError,
    _count_rows,
    _local_copy,
    _read_header,
)
from labourhub.registry.models import (
    ImportBatch,
    ImportMapping,
    ImportRowError,
)


@transaction.atomic
def import_batch_create(
    *,
    kind: str,
    upload: UploadedFile,  # type: ignore[type-arg]
    encoding: str = "utf-8",
    mapping: ImportMapping | None = None,
    actor: Actor,
    language: str = "",
) -> ImportBatch:
    """Keep the original file in object storage and read its header. Nothing is validated or
    written to the registry yet. Refuses oversized and non-CSV/Excel files before storing."""
    size = upload.size or 0
    limit = max_import_bytes()
    if size > limit:
        raise ApplicationError(
            _(FILE_TOO_LARGE)
            % {"size": f"{size / 1048576:,.0f}", "limit": f"{limit / 1048576:,.0f}"},
            extra={
                "fields": {
                    "file": [
                        _(FILE_TOO_LARGE)
                        % {"size": f"{size / 1048576:,.0f}", "limit": f"{limit / 1048576:,.0f}"}
                    ]
                }
            },
        )
    name = PurePath(upload.name or "upload").name[:200]
    suffix = PurePath(name).suffix.lower()
    formats = {
        ".csv": ImportBatch.Format.CSV,
        ".txt": ImportBatch.Format.CSV,
        ".xlsx": ImportBatch.Format.XLSX,
    }
    if suffix not in formats:
        raise ApplicationError(_(FILE_TYPE), extra={"fields": {"file": [_(FILE_TYPE)]}})
    if encoding not in _ENCODINGS:
        raise ApplicationError(_(BAD_ENCODING), extra={"fields": {"encoding": [_(BAD_ENCODING)]}})
    file_format = formats[suffix]
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    try:
        header = _read_header(upload.file, file_format, encoding)  # type: ignore[arg-type]
    except FileUnreadableError:
        message = _(FILE_UNREADABLE) % {"format": file_format.upper()}
        raise ApplicationError(message, extra={"fields": {"file": [message]}}) from None
    if not any(header):
        raise ApplicationError(_(FILE_EMPTY), extra={"fields": {"file": [_(FILE_EMPTY)]}})
    upload.seek(0)
    # The key is derived from a random id, never from the user's file name (R36); the storage
    # adds the tenants/<schema>/ prefix.
    stored = default_storage.save(f"registry/imports/{uuid.uuid4().hex}{suffix}", upload)
    columns = dict(mapping.columns) if mapping else suggest_columns(kind=kind, headers=header)
    batch = ImportBatch.objects.create(
        kind=kind,
        file_format=file_format,
        encoding=encoding,
        original_name=name,
        file=stored,
        file_size=size,
        sha256=digest.hexdigest(),
        columns={"headers": header, "map": {k: v for k, v in columns.items() if v in header}},
        mapping=mapping,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        created_by=actor if isinstance(actor, User) and actor.is_authenticated else None,
    )
    schema = connection.schema_name  # type: ignore[attr-defined]
    audit_record(
        actor=actor,
        action=AuditAction.IMPORT_UPLOADED,
        subject=batch,
        payload={
            "values": {
                "kind": kind,
                "file": name,
                "size": size,
                "sha256": batch.sha256,
                "storage_key": stored,
                "schema": schema,
            }
        },
    )
    return batch


@transaction.atomic
def import_batch_set_columns(
    *, batch: ImportBatch, columns: dict[str, str], actor: Actor
) -> ImportBatch:
    headers: list[str] = batch.columns.get("headers", [])
    if batch.status not in (ImportBatch.Status.UPLOADED, ImportBatch.Status.CHECKED):
        raise ApplicationError(_(WRONG_STATUS) % {"status": batch.get_status_display()})
    errors = {
        k: [_(COLUMN_NOT_IN_FILE) % {"column": v}]
        for k, v in columns.items()
        if v and v not in headers
    }
    if errors:
        raise ValidationError(errors)
    clean = {k: v for k, v in columns.items() if v}
    batch.columns = {"headers": headers, "map": clean}
    batch.status = ImportBatch.Status.UPLOADED
    batch.save(update_fields=["columns", "status", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.IMPORT_MAPPED,
        subject=batch,
        payload={"values": {"map": clean}},
    )
    return batch


@transaction.atomic
def import_mapping_save(
    *, kind: str, name: str, columns: dict[str, str], actor: Actor
) -> ImportMapping:
    mapping, created = ImportMapping.objects.update_or_create(
        kind=kind, name=name.strip()[:120], defaults={"columns": columns}
    )
    audit_record(
        actor=actor,
        action=AuditAction.IMPORT_MAPPING_SAVED,
        subject=mapping,
        payload={"values": {"columns": columns, "created": created}},
    )
    return mapping


def _set_status(
    batch: ImportBatch, allowed: tuple[str, ...], new: str, *, resume_stale: bool = False
) -> ImportBatch:
    """Move ``batch`` to ``new`` if its status is ``allowed``, atomically.

    A conditional UPDATE, so two workers can never run the same batch at once. With
    ``resume_stale``, a batch already in ``new`` whose worker stopped reporting progress (it
    died: killed, out of memory, node lost) may be taken over; the broker redelivers the task
    of a dead worker, and the writes are idempotent, so the new run finishes the work.
    """
    now = timezone.now()
    allowed_now = Q(status__in=allowed)
    if resume_stale:
        stale_before = now - dt.timedelta(seconds=settings.IMPORT_STALE_AFTER_SECONDS)
        allowed_now |= Q(status=new, updated_at__lt=stale_before)
    with transaction.atomic():
        moved = ImportBatch.objects.filter(allowed_now, pk=batch.pk).update(
            status=new, updated_at=now
        )
    batch.refresh_from_db()
    if not moved:
        raise ApplicationError(_(WRONG_STATUS) % {"status": batch.get_status_display()})
    return batch


def _fail(batch: ImportBatch, message: str, actor: Actor) -> ImportBatch:
    with transaction.atomic():
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.FAILED, failure=message, finished_at=timezone.now()
        )
        batch.refresh_from_db()
        audit_record(
            actor=actor,
            action=AuditAction.IMPORT_FAILED,
            subject=batch,
            payload={"values": {"failure": message}},
        )
    return batch


def import_batch_check(*, batch_id: int, actor: Actor = None) -> ImportBatch:
    """Dry run: validate every row, store each problem in the uploader's language, write no
    registry data. Runs chunk by chunk (each chunk commits its progress) when called outside a
    transaction, as the Celery task does."""
    batch = ImportBatch.objects.get(pk=batch_id)
    batch = _set_status(
        batch,
        (ImportBatch.Status.UPLOADED, ImportBatch.Status.CHECKED),
        ImportBatch.Status.CHECKING,
    )
    try:
        with translation.override(batch.language), _local_copy(batch) as fh:
            total = _count_rows(fh, batch.file_format, batch.encoding)
            with transaction.atomic():
                ImportRowError.objects.filter(batch=batch).delete()
                ImportBatch.objects.filter(pk=batch.pk).update(
                    total_rows=total,
                    processed_rows=0,
                    valid_rows=0,
                    error_rows=0,
                    existing_rows=0,
                    created_rows=0,
                    failure="",
                )
            processed = valid_count = error_count = existing_count = 0
            for chunk in _chunks(batch, fh, actor):
                # With DEBUG on, Django keeps every SQL string; in a long task that alone grows
                # with the file (requests reset it, tasks do not).
                reset_queries()
                valid, existing = _resolve(batch, chunk)
                errors = [
                    ImportRowError(
                        batch=batch,
                        row_number=r.number,
                        column=c[:120],
                        code=code,
                        message=msg[:500],
                        value=val,
                    )
                    for r in chunk
                    for (c, code, msg, val) in r.errors
                ]
                processed += sum(1 for r in chunk if r.number > 1)
                error_count += sum(1 for r in chunk if r.errors)
                valid_count += len(valid)
                existing_count += sum(1 for r in valid if _key(batch, r) in existing)
                with transaction.atomic():
                    ImportRowError.objects.bulk_create(errors, batch_size=2000)
                    ImportBatch.objects.filter(pk=batch.pk).update(
                        processed_rows=processed,
                        valid_rows=valid_count,
                        error_rows=error_count,
                        existing_rows=existing_count,
                    )
        with transaction.atomic():
            ImportBatch.objects.filter(pk=batch.pk).update(
                status=ImportBatch.Status.CHECKED,
                checked_at=timezone.now(),
                total_rows=max(total, processed),
            )
            batch.refresh_from_db()
            audit_record(
                actor=actor,
                action=AuditAction.IMPORT_CHECKED,
                subject=batch,
                payload={
                    "values": {
                        "total": batch.total_rows,
                        "valid": valid_count,
                        "errors": error_count,
                        "existing": existing_count,
                    }
                },
            )
    except Exception:
        with translation.override(batch.language):
            _fail(batch, _(UNEXPECTED), actor)
        raise
    return batch


def _actor_id(actor: Actor) -> int | None:
    return actor.pk if actor is not None and actor.is_authenticated else None


def import_batch_check_start(*, batch: ImportBatch, actor: Actor) -> None:
    """Queue the dry run once the caller's transaction commits (R8)."""
    task_enqueue_on_commit(
        "labourhub.registry.tasks.import_batch_check_task",
        batch_id=batch.pk,
        actor_id=_actor_id(actor),
    )


def import_batch_run_start(*, batch: ImportBatch, actor: Actor) -> None:
    if batch.status != ImportBatch.Status.CHECKED:
        raise ApplicationError(_(WRONG_STATUS) % {"status": batch.get_status_display()})
    if batch.valid_rows == 0:
        raise ApplicationError(_(NOTHING_VALID))
    task_enqueue_on_commit(
        "labourhub.registry.tasks.import_batch_run_task",
        batch_id=batch.pk,
        actor_id=_actor_id(actor),
    )
