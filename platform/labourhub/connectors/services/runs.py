"""Running a connector: fetch, hash, parse and check every record, then write all or nothing.

A file already loaded into the source (same SHA-256) ends as "unchanged" without a write; the
database refuses a second "done" run of one file even when two runs race. Records are checked
in full before anything is written, so a file with one bad record is refused whole, and the
write is one transaction, so a crash in the middle leaves nothing half-saved.
"""

import logging
import time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from labourhub.audit.services import audit_record
from labourhub.connectors import events
from labourhub.connectors.fetching import ConnectorFileError, run_file_read
from labourhub.connectors.models import ConnectorRowError, ConnectorRun
from labourhub.connectors.selectors import connector_kinds
from labourhub.connectors.services.accidents import accident_rows_apply, accident_rows_check
from labourhub.connectors.services.payroll import payroll_rows_apply, payroll_rows_check
from labourhub.extensions.connector_types import AccidentRow, DeclaredWorkerRow, RowProblem

logger = logging.getLogger(__name__)

KIND_GONE = gettext_noop("The format %(kind)s is no longer available in this ministry.")
UNREADABLE = gettext_noop("The file could not be read in the format %(kind)s.")
NOTHING = gettext_noop("The file holds no records.")
ROWS_REFUSED = gettext_noop("%(count)s records have errors; fix them and run the file again.")
WRONG_TARGET = gettext_noop("This record does not belong to this kind of connector.")
WRITE_FAILED = gettext_noop("Writing failed and was undone; nothing was saved. Try again later.")
MAX_STORED_ERRORS = 1000
PROGRESS_EVERY = 200

S = ConnectorRun.Status


def _save(run: ConnectorRun, **values: Any) -> None:
    for name, value in values.items():
        setattr(run, name, value)
    ConnectorRun.objects.filter(pk=run.pk).update(**values, updated_at=timezone.now())


def _finish(run: ConnectorRun, status: str, started: float, **values: Any) -> ConnectorRun:
    values.update(
        status=status,
        finished_at=timezone.now(),
        duration_ms=int((time.monotonic() - started) * 1000),
    )
    with transaction.atomic():
        _save(run, **values)
        audit_record(
            actor=run.started_by,
            action=events.RUN_FINISHED,
            subject=run,
            payload={"values": {"status": status, "errors": run.error_count}},
        )
    return run


def _reject(run: ConnectorRun, started: float, problems: list[RowProblem]) -> ConnectorRun:
    ConnectorRowError.objects.bulk_create(
        ConnectorRowError(
            run=run, line=p.line, field=p.field[:64], message=p.message, params=p.params
        )
        for p in problems[:MAX_STORED_ERRORS]
    )
    return _finish(
        run,
        S.REJECTED,
        started,
        error_count=len(problems),
        message=ROWS_REFUSED,
        message_params={"count": len(problems)},
    )


def _parse(run: ConnectorRun, text: str, kind: Any) -> tuple[list[Any], list[RowProblem]]:
    wanted = DeclaredWorkerRow if kind.target == "payroll" else AccidentRow
    rows: list[Any] = []
    problems: list[RowProblem] = []
    _save(run, total_rows=max(text.count("\n"), 1))
    for index, item in enumerate(kind.parse(text, run.file_name), start=1):
        if isinstance(item, RowProblem):
            problems.append(item)
        elif isinstance(item, wanted):
            rows.append(item)
        else:
            problems.append(RowProblem(index, "", WRONG_TARGET))
        if index % PROGRESS_EVERY == 0:
            _save(run, processed_rows=index)
    _save(run, total_rows=len(rows) + len(problems), processed_rows=len(rows) + len(problems))
    return rows, problems


def connector_run_execute(*, run_id: int) -> ConnectorRun:
    """Carry out one queued run (the task's only call); running it again is harmless."""
    run = ConnectorRun.objects.select_related("source", "started_by").get(pk=run_id)
    if run.finished:
        return run
    started = time.monotonic()
    _save(run, status=S.CHECKING)
    try:
        text, digest = run_file_read(run=run)
    except ConnectorFileError as problem:
        return _finish(
            run, S.REJECTED, started, message=problem.message, message_params=problem.params
        )
    _save(run, content_hash=digest, size_bytes=len(text.encode()))
    done = ConnectorRun.objects.filter(source=run.source, content_hash=digest, status=S.DONE)
    if done.exists():
        return _finish(run, S.UNCHANGED, started)
    kind = connector_kinds().get(run.source.kind)
    if kind is None:
        return _finish(
            run, S.REJECTED, started, message=KIND_GONE, message_params={"kind": run.source.kind}
        )
    try:
        rows, problems = _parse(run, text, kind)
    except Exception:
        # A plugin's parser failing on a hostile file must not leave the run hanging.
        logger.exception("connector parser %s failed on run %s", kind.code, run.pk)
        return _finish(
            run, S.REJECTED, started, message=UNREADABLE, message_params={"kind": str(kind.label)}
        )
    check = payroll_rows_check if kind.target == "payroll" else accident_rows_check
    problems += check(rows=rows)
    if problems:
        return _reject(run, started, sorted(problems, key=lambda p: p.line))
    if not rows:
        return _finish(run, S.REJECTED, started, message=NOTHING)
    _save(run, status=S.WRITING)
    apply = payroll_rows_apply if kind.target == "payroll" else accident_rows_apply
    try:
        with transaction.atomic():
            counts = apply(run=run, rows=rows)
            return _finish(run, S.DONE, started, **counts)
    except IntegrityError:
        # Another run loaded the same file first: ours changed nothing.
        return _finish(run, S.UNCHANGED, started)
    except ValidationError as exc:
        problems = [RowProblem(0, "", m) for m in exc.messages]
        return _reject(run, started, problems)
    except Exception:
        # The transaction rolled back; the run must still end, visibly, rather than hang.
        logger.exception("connector run %s failed while writing", run.pk)
        return _finish(run, S.FAILED, started, message=WRITE_FAILED)
