import datetime as dt

from django.core import mail

from labourhub.workflow.models import Alert
from labourhub.workflow.selectors import alert_unread_count
from labourhub.workflow.services import alert_digest_send, alert_mark_read, case_open
from tenants.workflow_schedules import deadline_sweep_enqueue

D = dt.date.fromisoformat


def test_beat_entry_sweeps_every_ministry_in_its_own_schema(
    in_ministry, staff, ministry, django_capture_on_commit_callbacks
):
    staff["inspector"].email = "i@example.org"
    staff["inspector"].save(update_fields=["email"])
    case_open(
        procedure="complaint",
        title="Old",
        office=staff["inspector"].office,
        assigned_to=staff["inspector"],
        actor=None,
        start_on=D("2020-01-06"),
    )
    # Eager Celery in tests: the per-ministry tasks run inline, each in its schema.
    with django_capture_on_commit_callbacks(execute=True):
        assert deadline_sweep_enqueue() >= 2
    from tenants.context import ministry_context

    with ministry_context(ministry):
        assert Alert.objects.filter(kind="expired").count() == 1
        assert len(mail.outbox) == 1
        # The "new deadline set" alert raised when the case opened, and the expiry alert.
        assert alert_unread_count(user=staff["inspector"]) == 2
        assert alert_mark_read(user=staff["inspector"]) == 2
        assert alert_unread_count(user=staff["inspector"]) == 0
        assert alert_digest_send() == 0


def test_unassigned_cases_raise_no_alerts_and_the_sweep_is_quiet(in_ministry, staff):
    from labourhub.workflow.services import deadline_sweep

    case_open(
        procedure="complaint",
        title="Nobody",
        office=staff["inspector"].office,
        actor=None,
        start_on=D("2020-01-06"),
    )
    result = deadline_sweep(today=D("2026-01-05"))
    assert (result.warnings, result.expired, result.escalations) == (0, 0, 0)


def test_alert_mails_are_written_in_the_recipient_s_language(
    in_ministry, staff, django_capture_on_commit_callbacks
):
    from labourhub.workflow.services import alert_digest_send, deadline_sweep

    inspector = staff["inspector"]
    inspector.email, inspector.preferred_language = "i@example.org", "fr"
    inspector.save(update_fields=["email", "preferred_language"])
    case_open(
        procedure="complaint",
        title="Heures supplémentaires",
        office=inspector.office,
        assigned_to=inspector,
        actor=None,
        start_on=D("2020-01-06"),
    )
    deadline_sweep()
    mail.outbox.clear()
    assert alert_digest_send() == 1
    [message] = mail.outbox
    # French typography: a no-break space before the colon.
    assert message.subject.replace("\xa0", " ") == "LabourHub : 2 alertes d'échéance"
    assert "Délai expiré" in message.body and "Deadline expired" not in message.body
