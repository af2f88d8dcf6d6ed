"""The opt-in daily e-mail digest: once a day per user, at their hour of the ministry's local
time, in their language; the preference form refuses bad input; other ministries are apart."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.core import mail

from labourhub.audit.models import AuditEvent
from labourhub.workflow.models import DigestPreference
from labourhub.workflow.services import (
    alert_daily_digest_send,
    case_open,
    digest_preference_set,
)
from tenants.context import ministry_context
from tenants.workflow_schedules import alert_daily_digest_enqueue

D = dt.date.fromisoformat
pytestmark = pytest.mark.multi_tenant


def _local(ministry, day: str, hour: int, minute: int = 10) -> dt.datetime:
    zone = zoneinfo.ZoneInfo(ministry.time_zone)
    return dt.datetime.combine(D(day), dt.time(hour, minute), tzinfo=zone)


def test_one_digest_a_day_at_the_local_hour_in_the_user_s_language(in_ministry, staff, ministry):
    inspector, supervisor = staff["inspector"], staff["supervisor"]
    for user, language in ((inspector, "es"), (supervisor, "fr")):
        user.email = f"{user.username}@example.org"
        user.preferred_language = language
        user.save(update_fields=["email", "preferred_language"])
    case = case_open(
        procedure="complaint",
        title="Salarios adeudados",
        office=inspector.office,
        assigned_to=inspector,
        actor=None,
        start_on=D("2026-01-05"),
    )
    digest_preference_set(user=inspector, daily=True, hour=8, actor=inspector)
    assert AuditEvent.objects.filter(action="alert.digest_chosen").count() == 1
    mail.outbox.clear()

    # 07:10 in Tegucigalpa is 13:10 UTC: the UTC hour has passed 8, the local one has not.
    with time_machine.travel(_local(ministry, "2026-03-02", 7), tick=False):
        assert alert_daily_digest_send() == 0
    with time_machine.travel(_local(ministry, "2026-03-02", 8), tick=False):
        assert alert_daily_digest_send() == 1
    message = mail.outbox[-1]
    assert message.to == [inspector.email]
    assert "2 de marzo de 2026" in message.subject
    assert case.reference in message.body and "Vencido" in message.body
    assert "New deadline set" not in message.body  # written in Spanish, not English
    # Late in the local evening (already the next day in UTC) it is still the same local day.
    with time_machine.travel(_local(ministry, "2026-03-02", 21), tick=False):
        assert alert_daily_digest_send() == 0
    with time_machine.travel(_local(ministry, "2026-03-03", 8, 30), tick=False):
        assert alert_daily_digest_send() == 1
    assert all(m.to == [inspector.email] for m in mail.outbox)  # the supervisor did not opt in
    assert AuditEvent.objects.filter(action="alert.digest_sent").count() == 2
    assert DigestPreference.objects.get(user=inspector).last_sent_on == D("2026-03-03")


def test_the_beat_entry_runs_the_digest_in_each_ministry(
    in_ministry, staff, ministry, django_capture_on_commit_callbacks
):
    inspector = staff["inspector"]
    inspector.email = "insp@example.org"
    inspector.save(update_fields=["email"])
    case_open(
        procedure="complaint",
        title="Old",
        office=inspector.office,
        assigned_to=inspector,
        actor=None,
        start_on=D("2020-01-06"),
    )
    digest_preference_set(user=inspector, daily=True, hour=0, actor=None)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert alert_daily_digest_enqueue() >= 2
    with ministry_context(ministry):
        assert [m.to for m in mail.outbox] == [[inspector.email]]


def test_the_preference_form_refuses_bad_input_and_stays_in_its_ministry(
    in_ministry, staff, ministry, second_ministry, client_for
):
    inspector = staff["inspector"]
    web = client_for(ministry)
    web.force_login(inspector)
    url = "/app/cases/alerts/"
    assert b"data-digest" in web.get(url).content
    for bad in ({"daily": "on", "hour": "25"}, {"daily": "on", "hour": "<b>"}, {"hour": ""}):
        response = web.post(url, bad)
        assert response.status_code == 400 and b'class="error"' in response.content
    # Without an e-mail address the digest cannot be switched on; the reason is shown.
    response = web.post(url, {"daily": "on", "hour": "7"})
    assert response.status_code == 400 and b"e-mail address" in response.content
    assert not DigestPreference.objects.filter(daily=True).exists()
    inspector.email = "insp@example.org"
    inspector.save(update_fields=["email"])
    assert web.post(url, {"daily": "on", "hour": "6"}).status_code == 302
    assert DigestPreference.objects.get(user=inspector).hour == 6
    with ministry_context(second_ministry):
        assert not DigestPreference.objects.exists()
        assert alert_daily_digest_send() == 0
