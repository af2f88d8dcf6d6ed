import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from labourhub.accounts.models import Office
from labourhub.accounts.services import office_create
from labourhub.audit.models import AuditEvent
from labourhub.audit.selectors import audit_chain_verify
from labourhub.audit.services import AuditAction, audit_record


def test_each_event_links_to_the_previous_one(in_ministry):
    first = audit_record_in_tx(action=AuditAction.OFFICE_CREATED)
    second = audit_record_in_tx(action=AuditAction.USER_CREATED)
    assert second.prev_hash == first.hash
    assert audit_chain_verify().ok


def audit_record_in_tx(**kwargs):
    with transaction.atomic():
        return audit_record(actor=None, **kwargs)


def test_audit_outside_a_transaction_is_refused(in_ministry):
    # A service that forgot its transaction must fail, not write an unaudited change.
    from unittest import mock

    from django.db import connections

    with (
        mock.patch.object(connections["default"], "in_atomic_block", False),
        pytest.raises(RuntimeError),
    ):
        audit_record(actor=None, action=AuditAction.OFFICE_CREATED)


def test_change_and_audit_commit_or_roll_back_together(in_ministry):
    count = AuditEvent.objects.count()
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        office_create(code="RB-1", name="Rolled back", level="region", actor=None)
        1 / 0  # noqa: B018
    assert not Office.objects.filter(code="RB-1").exists()
    assert AuditEvent.objects.count() == count


def test_update_and_delete_of_audit_rows_are_refused(in_ministry):
    event = audit_record_in_tx(action=AuditAction.OFFICE_CREATED)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="office.tampered")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_tampering_with_the_trigger_disabled_is_detected_and_named(in_ministry):
    audit_record_in_tx(action=AuditAction.FINE_IMPOSED)
    victim = audit_record_in_tx(
        action=AuditAction.FINE_IMPOSED, payload={"changes": {"amount": (0, 1000)}}
    )
    audit_record_in_tx(action=AuditAction.PAYMENT_RECORDED)
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")
        cursor.execute(
            "UPDATE audit_auditevent SET changes = '{\"amount\": [0, 10]}' WHERE id = %s",
            [victim.pk],
        )
        cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_append_only")
    report = audit_chain_verify()
    assert report.broken_id == victim.pk
    assert "altered" in report.reason
    with pytest.raises(CommandError, match="test"):
        call_command("audit_verify", "--schema", "test")


def test_audit_verify_command_passes_on_an_intact_chain(in_ministry, capsys):
    audit_record_in_tx(action=AuditAction.OFFICE_CREATED)
    call_command("audit_verify", "--schema", "test")
    assert "test: OK" in capsys.readouterr().out


def test_audit_verify_rejects_an_unknown_schema(db):
    with pytest.raises(CommandError, match="No schema"):
        call_command("audit_verify", "--schema", "nowhere")
