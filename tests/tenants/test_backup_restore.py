"""The restore drill: back a ministry up, restore it elsewhere and in place, lose nothing."""

import hashlib
import io
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from labourhub.accounts.models import User
from labourhub.audit.models import AuditEvent
from labourhub.audit.selectors import audit_chain_verify
from labourhub.common.exceptions import ApplicationError
from tenants.backup_archive import archive_encrypt, backup_key
from tenants.backup_services import _tables, _walk, ministry_backup, ministry_restore
from tenants.context import ministry_context, public_context
from tenants.models import Domain, Ministry

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _counts(ministry):
    with ministry_context(ministry), connection.cursor() as cursor:
        out = {}
        for table in _tables(ministry.slug):
            cursor.execute(f'SELECT count(*) FROM "{ministry.slug}"."{table}"')
            out[table] = cursor.fetchone()[0]
        return out


def _files(ministry):
    with ministry_context(ministry):
        return {
            name: hashlib.sha256(default_storage.open(name).read()).hexdigest()
            for name in _walk(default_storage)
        }


@pytest.fixture
def filled(ministry, second_ministry, user_with_role):
    user_with_role("supervisor", username="ana.supervisor")
    with ministry_context(ministry):
        default_storage.save("documents/2026/acta-1.pdf", ContentFile(PDF))
        default_storage.save("evidence/photo ñ.jpg", ContentFile(b"\xff\xd8 not really a jpeg"))
    with ministry_context(second_ministry):
        default_storage.save("documents/other-ministry.pdf", ContentFile(PDF))
    return ministry


def test_restore_drill_into_a_new_ministry_loses_no_row_and_no_file(filled, tmp_path):
    before_rows, before_files = _counts(filled), _files(filled)
    assert before_rows["accounts_user"] >= 1
    assert {"documents/2026/acta-1.pdf", "evidence/photo ñ.jpg"} <= set(before_files)
    result = ministry_backup(ministry=filled, out_dir=tmp_path, actor=None)
    assert result.files == len(before_files) and result.rows == sum(before_rows.values())
    # The other ministry's file is not in this ministry's backup.
    assert b"other-ministry" not in result.path.read_bytes()

    restored = ministry_restore(archive=result.path, slug="restored", actor=None).ministry
    assert Domain.objects.get(tenant=restored).domain == "restored.localhost"
    after_rows = _counts(restored)
    audit_added = after_rows.pop("audit_auditevent") - before_rows.pop("audit_auditevent")
    assert after_rows == before_rows and audit_added == 1  # the restore's own audit event
    assert _files(restored) == before_files
    with ministry_context(restored):
        assert User.objects.filter(username="ana.supervisor").exists()
        assert audit_chain_verify().ok
        assert AuditEvent.objects.filter(action="ministry.restored").count() == 1
        from wagtail.models import Site

        assert Site.objects.filter(hostname="restored.localhost").exists()
    # The source is untouched; the platform's trail records both operations.
    assert _files(filled) == before_files
    with public_context():
        assert AuditEvent.objects.filter(action="ministry.backed_up").exists()
        assert AuditEvent.objects.filter(action="ministry.restored").exists()


def test_restore_in_place_brings_back_deleted_rows_and_files(filled, tmp_path):
    archive = ministry_backup(ministry=filled, out_dir=tmp_path, actor=None).path
    files = _files(filled)
    with ministry_context(filled):
        users = User.objects.count()
        User.objects.filter(username="ana.supervisor").delete()
        default_storage.delete("documents/2026/acta-1.pdf")
        default_storage.save("documents/added-later.pdf", ContentFile(PDF))
    result = ministry_restore(archive=archive, actor=None)
    assert result.in_place and result.ministry == filled
    assert _files(filled) == files
    with ministry_context(filled):
        assert User.objects.count() == users
        assert audit_chain_verify().ok
        # Sequences continue after the restored rows: a new row does not collide.
        User.objects.create(username="after.restore")


def test_a_tampered_or_foreign_file_is_refused_and_nothing_changes(filled, tmp_path):
    archive = ministry_backup(ministry=filled, out_dir=tmp_path, actor=None).path
    before = _counts(filled)
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered = tmp_path / "tampered.lhbak"
    tampered.write_bytes(bytes(data))
    with pytest.raises(ApplicationError, match="altered"):
        ministry_restore(archive=tampered, actor=None)
    foreign = tmp_path / "foreign.lhbak"
    foreign.write_bytes(b"PK\x03\x04 a zip file")
    with pytest.raises(ApplicationError, match="not a LabourHub backup"):
        ministry_restore(archive=foreign, actor=None)
    truncated = tmp_path / "truncated.lhbak"
    truncated.write_bytes(archive.read_bytes()[:-10])
    with pytest.raises(ApplicationError, match="truncated"):
        ministry_restore(archive=truncated, actor=None)
    assert _counts(filled) == before
    assert not Ministry.objects.filter(schema_name="tampered").exists()


def test_an_archive_that_escapes_its_folder_is_refused(filled, tmp_path):
    plain = tmp_path / "evil.tar.gz"
    with tarfile.open(plain, "w:gz") as tar:
        body = b"owned"
        info = tarfile.TarInfo("../../etc/evil")
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))
    evil = tmp_path / "evil.lhbak"
    archive_encrypt(plain=plain, target=evil, key=backup_key())
    with pytest.raises(ApplicationError, match="unexpected entry"):
        ministry_restore(archive=evil, actor=None)


def test_commands_back_up_and_restore(filled, tmp_path):
    out = io.StringIO()
    call_command("ministry_backup", filled.slug, "--out", str(tmp_path), stdout=out)
    archive = next(tmp_path.glob("*.lhbak"))
    assert f"{filled.slug}: {archive}" in out.getvalue()
    out = io.StringIO()
    call_command("ministry_restore", str(archive), "--slug", "copy", stdout=out)
    assert "copy: restored as a new ministry" in out.getvalue()


@pytest.mark.parametrize("slug", ["test2", "public", "Bad Slug!", "../x"])
def test_a_backup_never_lands_on_another_or_an_invalid_ministry(filled, tmp_path, slug):
    archive = ministry_backup(ministry=filled, out_dir=tmp_path, actor=None).path
    taken = set(Ministry.objects.values_list("schema_name", flat=True))
    with pytest.raises(ApplicationError, match="cannot receive this backup"):
        ministry_restore(archive=archive, slug=slug, actor=None)
    assert set(Ministry.objects.values_list("schema_name", flat=True)) == taken


def test_the_ministry_s_modules_and_their_settings_come_back_with_it(
    filled, tmp_path, enable_plugin
):
    from tenants.models import PluginActivation
    from tenants.plugin_services import plugin_deactivate

    enable_plugin("trade-unions", config={"certificate_prefix": "MT-SIND"})
    archive = ministry_backup(ministry=filled, out_dir=tmp_path, actor=None).path

    restored = ministry_restore(archive=archive, slug="withmodules", actor=None).ministry
    row = PluginActivation.objects.get(ministry=restored, plugin_slug="trade-unions")
    assert row.enabled and row.config["certificate_prefix"] == "MT-SIND"

    # In place: a module switched off after the backup is on again, as it was.
    plugin_deactivate(ministry=filled, slug="trade-unions", actor=None)
    ministry_restore(archive=archive, actor=None)
    assert PluginActivation.objects.get(ministry=filled, plugin_slug="trade-unions").enabled
    with public_context():
        event = AuditEvent.objects.filter(action="ministry.restored").latest("id")
    assert event.extra["values"]["plugins"] == ["trade-unions"]
