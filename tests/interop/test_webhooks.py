"""Events out: one signed CloudEvent per audited change, retries, dead letters and replay."""

import datetime as dt
import json

import pytest
import time_machine
from cloudevents.core.bindings.http import HTTPMessage, from_structured_event
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from labourhub.interop.models import Delivery, OutboxEvent, WebhookSubscription
from labourhub.interop.outbox import deliveries_due_enqueue
from labourhub.interop.services import webhook_subscription_create
from labourhub.interop.webhooks import SIGNATURE_HEADER, signature, signature_verify
from labourhub.workflow.services import case_open, case_transition
from tests.interop.receiver import Receiver


@pytest.fixture
def receiver():
    r = Receiver().start()
    yield r
    r.stop()


def _subscribe(register, url, scopes=("cases:read",), types=("case.transitioned",)):
    credentials = register(list(scopes))
    subscription = webhook_subscription_create(
        partner=credentials.partner, url=url, event_types=list(types), actor=register.admin
    )
    return credentials, subscription


def _case(staff):
    return case_open(
        procedure="complaint",
        title="Unpaid overtime",
        office=staff["inspector"].office,
        assigned_to=staff["inspector"],
        actor=None,
    )


def _transition(staff, case):
    return case_transition(case=case, transition="triage_inspection", actor=staff["supervisor"])


def test_a_case_transition_sends_exactly_one_signed_cloudevent(
    in_ministry, staff, register, receiver, django_capture_on_commit_callbacks
):
    _credentials, subscription = _subscribe(register, receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        case = _case(staff)  # case.opened: not subscribed
    with django_capture_on_commit_callbacks(execute=True):
        _transition(staff, case)
    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    assert signature_verify(
        secret=subscription.secret, header=headers[SIGNATURE_HEADER.lower()], body=body
    )
    assert not signature_verify(
        secret="another", header=headers[SIGNATURE_HEADER.lower()], body=body
    )
    assert headers["content-type"].startswith("application/cloudevents+json")
    event = from_structured_event(HTTPMessage(headers=headers, body=body))
    assert event.get_specversion() == "1.0"
    assert event.get_type() == "org.labourhub.case.transitioned"
    assert event.get_source() == "/ministries/test"
    assert event.get_id() == headers["idempotency-key"]
    data = event.get_data()
    assert data["subject_id"] == str(case.pk)
    assert data["changes"]["state"][1] == "to_inspection"
    # No actor, address or free-form extras leave the ministry.
    assert "sup" not in json.dumps(data) and "actor" not in json.dumps(data)
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.DELIVERED and delivery.attempts == 1


def test_events_outside_the_partner_scopes_are_never_written(
    in_ministry, staff, register, receiver, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError) as refused:
        _subscribe(register, receiver.url, scopes=("establishments:read",))
    assert "Unknown kind of event" in str(refused.value)
    assert not WebhookSubscription.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        _transition(staff, _case(staff))
    assert receiver.received == [] and not OutboxEvent.objects.exists()


def test_a_receiver_that_is_down_is_retried_with_back_off_and_then_served(
    in_ministry, staff, register, django_capture_on_commit_callbacks
):
    receiver = Receiver()  # not started: connection refused
    _subscribe(register, receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        _transition(staff, _case(staff))
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.PENDING and delivery.attempts == 1
    assert "Connection" in delivery.last_error or "refused" in delivery.last_error
    first_wait = delivery.next_attempt_at - timezone.now()
    # Not due yet: the sweep leaves it alone.
    with django_capture_on_commit_callbacks(execute=True):
        deliveries_due_enqueue()
    assert Delivery.objects.get().attempts == 1
    with time_machine.travel(delivery.next_attempt_at + dt.timedelta(seconds=1)):
        with django_capture_on_commit_callbacks(execute=True):
            deliveries_due_enqueue()
        second = Delivery.objects.get()
        assert second.attempts == 2
        assert second.next_attempt_at - timezone.now() > first_wait  # exponential
    receiver.start()
    try:
        with (
            time_machine.travel(second.next_attempt_at + dt.timedelta(seconds=1)),
            django_capture_on_commit_callbacks(execute=True),
        ):
            deliveries_due_enqueue()
    finally:
        receiver.stop()
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED
    assert len(receiver.received) == 1


@override_settings(INTEROP_WEBHOOK_MAX_ATTEMPTS=1)
def test_a_dead_letter_is_listed_for_the_administrator_and_replayed(
    in_ministry, ministry, staff, register, client_for, django_capture_on_commit_callbacks
):
    receiver = Receiver(status=500).start()
    try:
        credentials, _s = _subscribe(register, receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            _transition(staff, _case(staff))
        dead = Delivery.objects.get()
        assert dead.status == Delivery.Status.DEAD and dead.last_error == "HTTP 500"
        browser = client_for(ministry)
        browser.force_login(register.admin)
        page = browser.get(f"/app/partners/{credentials.partner.pk}/").content.decode()
        assert "HTTP 500" in page and "Send again" in page
        receiver.status = 204
        with django_capture_on_commit_callbacks(execute=True):
            browser.post(f"/app/partners/deliveries/{dead.pk}/replay/")
        assert Delivery.objects.get().status == Delivery.Status.DELIVERED
        ids = {h["idempotency-key"] for h, _b in receiver.received}
        assert len(receiver.received) == 2 and len(ids) == 1  # same key: partner deduplicates
    finally:
        receiver.stop()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://user:pw@example.org/hook",
        "https://exa mple.org/",
        "not a url",
        "",
        "https://example.org/" + "a" * 600,
    ],
)
def test_hostile_webhook_addresses_are_refused_and_nothing_is_saved(in_ministry, register, url):
    with pytest.raises(ValidationError) as refused:
        _subscribe(register, url)
    assert "web address" in str(refused.value) or "characters" in str(refused.value)
    assert not WebhookSubscription.objects.exists()


def test_the_signature_is_the_documented_hmac():
    import hashlib
    import hmac

    header = signature(secret="k", timestamp=1700000000, body=b"{}")
    expected = hmac.new(b"k", b"1700000000.{}", hashlib.sha256).hexdigest()
    assert header == f"t=1700000000,v1={expected}"
    assert not signature_verify(secret="k", header=header, body=b"{}")  # too old
    assert not signature_verify(secret="k", header="garbage", body=b"{}")
