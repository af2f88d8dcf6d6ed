"""Unopened notifications are reminded by e-mail once and, where the notification says so,
deemed served after the legal period; the beat entry runs it in every ministry."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from labourhub.audit.models import AuditEvent
from labourhub.portal.models import Notification, Receipt
from labourhub.portal.services.ebox import notification_open, notification_serve
from labourhub.portal.services.ebox_sweep import ebox_sweep
from labourhub.workflow.calendar import WORKING_DAYS, calendar_current
from tenants.portal_schedules import ebox_sweep_enqueue


def _serve(portal, deemed_after_days=0, subject="Produce the payroll"):
    return notification_serve(
        establishment=portal.est_a,
        kind="document_requirement",
        subject=subject,
        body="Upload the payroll.",
        requested_documents=["Payroll"],
        reply_days=5,
        deemed_after_days=deemed_after_days,
        actor=portal.supervisor,
    )


def test_reminder_once_then_deemed_service_starts_the_time_limit(
    portal, django_capture_on_commit_callbacks
):
    deemed = _serve(portal, deemed_after_days=3)
    plain = _serve(portal, subject="Hearing")
    mail.outbox.clear()
    tomorrow = timezone.now() + dt.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert ebox_sweep(now=tomorrow) == {"reminded": 0, "deemed": 0}
    assert mail.outbox == []
    later = timezone.now() + dt.timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        result = ebox_sweep(now=later, link_base="https://mintrab.example")
    assert result == {"reminded": 2, "deemed": 1}
    assert sorted(m.to[0] for m in mail.outbox) == ["empa@example.org", "empa@example.org"]
    assert "https://mintrab.example/portal/inbox/" in mail.outbox[0].body
    # Employer B, who does not represent the establishment, is not written to.
    assert all("empb" not in m.to[0] for m in mail.outbox)
    receipt = Receipt.objects.get(notification=deemed)
    assert receipt.deemed and receipt.opened_by is None
    deemed.refresh_from_db()
    start = timezone.localtime(later).date()
    assert deemed.due_on == calendar_current().add(start, 5, WORKING_DAYS)
    assert not Receipt.objects.filter(notification=plain).exists()
    # Running again does nothing twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert ebox_sweep(now=later) == {"reminded": 0, "deemed": 0}
    assert mail.outbox == []
    # Opening it afterwards keeps the deemed receipt: the time limit already runs.
    assert notification_open(notification=deemed, actor=portal.employer_a) == receipt
    actions = list(
        AuditEvent.objects.filter(subject_id=str(deemed.pk)).values_list("action", "actor_id")
    )
    assert ("ebox_notification.reminded", None) in actions
    assert ("ebox_notification.deemed_served", None) in actions


def test_deemed_receipt_is_shown_to_the_inspector_and_the_employer(portal, client_for, ministry):
    notification = _serve(portal, deemed_after_days=1)
    ebox_sweep(now=timezone.now() + dt.timedelta(days=20))
    staff = client_for(ministry)
    staff.force_login(portal.supervisor)
    staff.cookies["django_language"] = "es"
    page = staff.get(f"/app/portal/notifications/{notification.pk}/").content.decode()
    assert "tenida por notificada (sin abrir)" in page
    employer = client_for(ministry)
    employer.force_login(portal.employer_a)
    employer.cookies["django_language"] = "fr"
    opened = employer.get(f"/portal/inbox/{notification.pk}/").content.decode()
    assert "réputée signifiée (non ouverte)" in opened


def test_beat_entry_sweeps_every_ministry(portal, ministry, django_capture_on_commit_callbacks):
    notification = _serve(portal, deemed_after_days=1)
    Notification.objects.filter(pk=notification.pk).update(
        served_at=timezone.now() - dt.timedelta(days=30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert ebox_sweep_enqueue() >= 1
    from tenants.context import ministry_context

    with ministry_context(ministry):
        assert Receipt.objects.get(notification=notification).deemed


def test_hostile_deemed_period_is_refused_in_spanish_and_nothing_served(
    portal, client_for, ministry
):
    staff = client_for(ministry)
    staff.force_login(portal.supervisor)
    staff.cookies["django_language"] = "es"
    before = Notification.objects.count()
    for value in ("-1", "61", "tres", "1e9"):
        response = staff.post(
            f"/app/portal/establishments/{portal.est_a.pk}/inbox/",
            {
                "kind": "document_requirement",
                "subject": "Planilla",
                "body": "Adjunte la planilla.",
                "reply_days": 5,
                "deemed_after_days": value,
            },
        )
        assert response.status_code == 200, value
        assert 'id="id_deemed_after_days"' in response.content.decode()
        assert "Planilla" in response.content.decode()  # what was typed is kept
    assert Notification.objects.count() == before


def test_inspection_page_offers_to_serve_to_the_inbox(portal, client_for, ministry):
    from labourhub.inspections.services import inspection_create

    inspection = inspection_create(
        establishment=portal.est_a, origin="planned", actor=portal.supervisor
    )
    staff = client_for(ministry)
    staff.force_login(portal.supervisor)
    page = staff.get(f"/app/inspections/{inspection.pk}/").content.decode()
    link = f"/app/portal/establishments/{portal.est_a.pk}/inbox/?inspection={inspection.reference}"
    assert link in page
    form = staff.get(link).content.decode()
    assert f'value="{inspection.reference}"' in form


def test_each_representative_is_reminded_in_their_own_language(
    portal, django_capture_on_commit_callbacks
):
    portal.employer_a.preferred_language = "es"
    portal.employer_a.save(update_fields=["preferred_language"])
    _serve(portal)
    mail.outbox.clear()
    later = timezone.now() + dt.timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        assert ebox_sweep(now=later)["reminded"] == 1
    [message] = mail.outbox
    assert message.subject == "Notificación sin abrir en su casilla electrónica"
    assert "Produce the payroll" in message.body and "Ábrala aquí" in message.body
