"""Back up one ministry (its schema's rows and its object-storage files) and restore it.

A backup reads every table of the ministry's schema in one REPEATABLE READ snapshot with
``COPY … TO STDOUT (FORMAT csv)``, so rows that reference each other are consistent, and copies
every file under the ministry's storage prefix. The manifest records each table's row count, each
file's SHA-256 and the migrations the schema had, so a restore can prove that nothing was lost.

A restore runs in one transaction: it empties the target schema's tables, loads the rows (foreign
keys are deferred until commit), resets the sequences and checks every count against the
manifest before committing. It restores either into the ministry's own place (the same slug,
replacing what is there) or into a new ministry (another slug, or a fresh platform), whose schema
is cloned from the template first. Both sides must be on the same release: the migrations must
match, so a backup is restored and then upgraded, never loaded into a different table shape.
"""

from __future__ import annotations

import json
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from psycopg import sql

from labourhub.audit.services import Actor, AuditAction, audit_actor_name, audit_record
from labourhub.common.exceptions import ApplicationError
from tenants.backup_archive import (
    archive_decrypt,
    archive_encrypt,
    backup_key,
    sha256_of,
    tar_extract_safely,
)
from tenants.context import ministry_context, public_context
from tenants.models import Domain, Ministry
from tenants.plugin_services import plugin_activations_export, plugin_activations_restore
from tenants.services import RESERVED_SLUGS, SLUG_RE, ministry_domain_for

FORMAT = 1


@dataclass(frozen=True)
class BackupResult:
    path: Path
    tables: int
    rows: int
    files: int


@dataclass(frozen=True)
class RestoreResult:
    ministry: Ministry
    rows: int
    files: int
    in_place: bool


def _tables(schema: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = %s AND table_type = 'BASE TABLE' ORDER BY table_name",
            [schema],
        )
        return [row[0] for row in cursor.fetchall()]


def _migrations() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app || '.' || name FROM django_migrations ORDER BY 1")
        return [row[0] for row in cursor.fetchall()]


def _row_count(schema: str, table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("SELECT count(*) FROM {}.{}").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
        )
        return int(cursor.fetchone()[0])


def _walk(storage: Storage, path: str = "") -> list[str]:
    dirs, files = storage.listdir(path)
    found = [f"{path}{name}" for name in files]
    for name in dirs:
        found += _walk(storage, f"{path}{name}/")
    return found


def _ministry_record(ministry: Ministry) -> dict[str, Any]:
    domain = Domain.objects.filter(tenant=ministry, is_primary=True).first()
    return {
        "slug": ministry.slug,
        "name": ministry.name,
        "country": str(ministry.country),
        "languages": list(ministry.languages),
        "default_language": ministry.default_language,
        "time_zone": ministry.time_zone,
        "currency": ministry.currency,
        "working_week": list(ministry.working_week),
        "domain": domain.domain if domain else "",
        # Which modules the ministry runs lives in the platform's schema, not the ministry's:
        # without it a ministry restored on a fresh platform would have its data but none of
        # its country pack or modules switched on.
        "plugins": plugin_activations_export(ministry=ministry),
    }


def _dump(*, schema: str, work: Path, manifest: dict[str, Any]) -> None:
    manifest["migrations"] = _migrations()
    for table in _tables(schema):
        query = sql.SQL("COPY {}.{} TO STDOUT (FORMAT csv, HEADER)").format(
            sql.Identifier(schema), sql.Identifier(table)
        )
        with (
            (work / "tables" / f"{table}.csv").open("wb") as out,
            connection.cursor() as cursor,
            cursor.copy(query) as copy,
        ):
            for data in copy:
                out.write(data)
        manifest["tables"][table] = {"rows": _row_count(schema, table)}
    for name in _walk(default_storage):
        local = work / "files" / name
        local.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, local.open("wb") as out:
            shutil.copyfileobj(source, out)
        manifest["files"][name] = {"sha256": sha256_of(local), "size": local.stat().st_size}


def ministry_backup(*, ministry: Ministry, out_dir: Path, actor: Actor) -> BackupResult:
    """Write ``<slug>-<UTC time>.lhbak`` into ``out_dir`` and audit it on the platform."""
    schema = ministry.slug
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    target = out_dir / f"{schema}-{stamp}.lhbak"
    with tempfile.TemporaryDirectory(prefix="lhbak-") as tmp:
        work = Path(tmp)
        (work / "tables").mkdir()
        (work / "files").mkdir()
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "ministry": _ministry_record(ministry),
            "tables": {},
            "files": {},
        }
        with ministry_context(ministry):
            outermost = not connection.in_atomic_block
            with transaction.atomic():
                if outermost:  # one snapshot for every table; inside a caller's, theirs holds
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                _dump(schema=schema, work=work, manifest=manifest)
        (work / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        plain = work.parent / f"{work.name}.tar.gz"
        with tarfile.open(plain, "w:gz") as tar:
            for entry in ("manifest.json", "tables", "files"):
                tar.add(work / entry, arcname=entry)
        archive_encrypt(plain=plain, target=target, key=backup_key())
        target.chmod(0o600)  # encrypted, but still nobody else's to read or replace
        plain.unlink()
    rows = sum(t["rows"] for t in manifest["tables"].values())
    with public_context(), transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.MINISTRY_BACKED_UP,
            subject=ministry,
            payload={
                "values": {
                    "file": target.name,
                    "tables": len(manifest["tables"]),
                    "rows": rows,
                    "files": len(manifest["files"]),
                }
            },
        )
    return BackupResult(target, len(manifest["tables"]), rows, len(manifest["files"]))


def _load_tables(schema: str, folder: Path, tables: list[str]) -> None:
    with connection.cursor() as cursor:
        # Foreign-key checks still pending in this transaction (the schema was just cloned)
        # would block TRUNCATE; run them now, then defer the load's own until commit.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(
                sql.SQL(", ").join(
                    sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(t))
                    for t in tables
                )
            )
        )
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in tables:
            query = sql.SQL("COPY {}.{} FROM STDIN (FORMAT csv, HEADER)").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
            with (folder / f"{table}.csv").open("rb") as source, cursor.copy(query) as copy:
                for block in iter(lambda: source.read(1024 * 1024), b""):
                    copy.write(block)
        cursor.execute(
            """SELECT c.relname, a.attname,
                      pg_get_serial_sequence(format('%%I.%%I', n.nspname, c.relname), a.attname)
                 FROM pg_attribute a
                 JOIN pg_class c ON c.oid = a.attrelid
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = %s AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
                  AND pg_get_serial_sequence(format('%%I.%%I', n.nspname, c.relname), a.attname)
                      IS NOT NULL""",
            [schema],
        )
        for table, column, sequence in cursor.fetchall():
            cursor.execute(
                sql.SQL(
                    "SELECT setval(%s, COALESCE((SELECT max({}) FROM {}.{}), 0) + 1, false)"
                ).format(sql.Identifier(column), sql.Identifier(schema), sql.Identifier(table)),
                [sequence],
            )


def _target_ministry(record: dict[str, Any], slug: str) -> tuple[Ministry, bool]:
    existing = Ministry.objects.filter(schema_name=slug).first()
    if existing is not None and slug == record["slug"]:
        return existing, True
    if existing is not None or not SLUG_RE.match(slug) or slug in RESERVED_SLUGS:
        # Never pour one ministry's backup over another ministry.
        raise ApplicationError(
            _("“%(slug)s” cannot receive this backup: choose a new, valid ministry slug.")
            % {"slug": slug[:63]}
        )
    ministry = Ministry(
        schema_name=slug,
        name=record["name"],
        country=record["country"],
        languages=record["languages"],
        default_language=record["default_language"],
        time_zone=record["time_zone"],
        currency=record["currency"],
        working_week=record["working_week"],
    )
    ministry.save()
    Domain.objects.create(domain=ministry_domain_for(slug=slug), tenant=ministry, is_primary=True)
    ministry.create_schema(check_if_exists=False, verbosity=0)
    return ministry, False


def _restore_files(folder: Path, files: dict[str, dict[str, Any]]) -> None:
    for name in _walk(default_storage):
        if name not in files:
            default_storage.delete(name)
    for name, meta in files.items():
        local = folder / name
        if sha256_of(local) != meta["sha256"]:
            raise ApplicationError(_("A file in the backup is damaged: %(name)s") % {"name": name})
        with local.open("rb") as handle:
            default_storage.save(name, File(handle))


def ministry_restore(*, archive: Path, slug: str = "", actor: Actor) -> RestoreResult:
    """Restore ``archive`` into ministry ``slug`` (default: the one it was taken from)."""
    with tempfile.TemporaryDirectory(prefix="lhrestore-") as tmp:
        work = Path(tmp)
        plain = work / "backup.tar.gz"
        archive_decrypt(archive=archive, target=plain, key=backup_key())
        tar_extract_safely(tar_path=plain, into=work / "x")
        manifest = json.loads((work / "x" / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise ApplicationError(_("This backup's format is not supported by this release."))
        record = manifest["ministry"]
        slug = slug or record["slug"]
        tables = sorted(manifest["tables"])
        with transaction.atomic():
            with public_context():
                ministry, in_place = _target_ministry(record, slug)
                plugins = plugin_activations_restore(
                    ministry=ministry,
                    activations=record.get("plugins", []),
                    changed_by=audit_actor_name(actor),
                )
            with ministry_context(ministry):
                if _migrations() != manifest["migrations"]:
                    raise ApplicationError(
                        _(
                            "The backup was taken on another release (its migrations differ). "
                            "Restore it on the release it came from, then upgrade."
                        )
                    )
                if _tables(slug) != tables:
                    raise ApplicationError(_("The backup's tables do not match this release."))
                _load_tables(slug, work / "x" / "tables", tables)
                counts = {t: _row_count(slug, t) for t in tables}
                lost = {t for t in tables if counts[t] != manifest["tables"][t]["rows"]}
                if lost:
                    raise ApplicationError(
                        _("Rows were lost while restoring: %(tables)s")
                        % {"tables": ", ".join(sorted(lost))}
                    )
                if not in_place and record["domain"]:
                    from wagtail.models import Site

                    Site.objects.filter(hostname=record["domain"]).update(
                        hostname=ministry_domain_for(slug=slug)
                    )
                _restore_files(work / "x" / "files", manifest["files"])
                payload = {
                    "values": {
                        "file": archive.name,
                        "taken_at": manifest["created_at"],
                        "from": record["slug"],
                        "in_place": in_place,
                        "plugins": plugins,
                    }
                }
                audit_record(
                    actor=None,
                    action=AuditAction.MINISTRY_RESTORED,
                    payload=payload,  # type: ignore[arg-type]
                    actor_name=audit_actor_name(actor),
                )
            with public_context():
                audit_record(
                    actor=actor,
                    action=AuditAction.MINISTRY_RESTORED,
                    subject=ministry,
                    payload=payload,  # type: ignore[arg-type]
                )
        if not in_place and settings.DOCUMENT_SIGNING_DEMO_CA:
            from labourhub.documents.pades import demo_ca_ensure

            demo_ca_ensure(schema=slug, ministry_name=ministry.name, country=str(ministry.country))
    rows = sum(t["rows"] for t in manifest["tables"].values())
    return RestoreResult(ministry, rows, len(manifest["files"]), in_place)
