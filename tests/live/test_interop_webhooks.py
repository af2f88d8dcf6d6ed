"""Live: audited case transitions reach a partner's webhook through a real Celery worker on Redis.

A real HTTP receiver runs in this process on 127.0.0.1; the worker is a separate process. The
ministry is provisioned for this module and dropped afterwards, so its partner subscription
never reaches the shared test ministries. Another module's session worker may consume the same
queue, so the crash step checks that the event queued before the crash arrives exactly once, not
which worker delivered it.
"""

import os
import signal
import time

import pytest
from django.db import connection

from tests.interop.receiver import Receiver

from .conftest import ROOT, start_worker, temporary_ministry

# No django_db mark: every write here must commit so the worker process can see it.
pytestmark = [pytest.mark.live]

FAST_RETRY = {"INTEROP_WEBHOOK_BACKOFF_SECONDS": "1"}


def _wait(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout}s waiting for {what() if callable(what) else what}")


@pytest.fixture(scope="module")
def setup(django_db_setup, django_db_blocker):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.interop.services import partner_client_register, webhook_subscription_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    receiver = Receiver()
    with temporary_ministry(
        django_db_blocker,
        slug="interop",
        name="Ministry of Labour (webhook test)",
        country="LC",
        languages=["en"],
        default_language="en",
        time_zone="America/St_Lucia",
        currency="XCD",
    ) as ministry:
        with django_db_blocker.unblock():
            with ministry_context(ministry):
                office = office_create(code="LC-CAS", name="Castries", level="region", actor=None)
                inspector = user_create(
                    username="insp",
                    password=TEST_PASSWORD,
                    office=office,
                    roles=[Role.INSPECTOR],
                    actor=None,
                )
                credentials = partner_client_register(
                    name="Social security",
                    contact="ict@example.org",
                    allowed_scopes=["cases:read"],
                    actor=None,
                )
                subscription = webhook_subscription_create(
                    partner=credentials.partner,
                    url=receiver.url,
                    event_types=["case.transitioned"],
                    actor=None,
                )
            connection.set_schema_to_public()
        yield {
            "ministry": ministry,
            "office": office,
            "inspector": inspector,
            "subscription": subscription,
            "receiver": receiver,
        }
        receiver.stop()


@pytest.mark.django_db
def test_every_ministry_schema_carries_its_own_partner_tables():
    # Partner clients are per ministry: the OAuth2 tables exist in ministry schemas, not public.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_schema FROM information_schema.tables "
            "WHERE table_name = 'oauth2_provider_application'"
        )
        schemas = {row[0] for row in cursor.fetchall()}
    assert {"test", "test2"} <= schemas and "public" not in schemas


def _transition(setup):
    from labourhub.workflow.services import case_open, case_transition
    from tenants.context import ministry_context

    with ministry_context(setup["ministry"]):
        case = case_open(
            procedure="complaint",
            title="Unpaid overtime",
            office=setup["office"],
            assigned_to=setup["inspector"],
            actor=None,
        )
        case_transition(case=case, transition="triage_inspection", actor=None)
        from labourhub.interop.models import OutboxEvent

        return str(OutboxEvent.objects.get(subject=f"workflow.case/{case.pk}").event_id)


def _received(receiver, event_id):
    return [(h, b) for h, b in receiver.received if h.get("idempotency-key") == event_id]


def _delivery(setup, event_id):
    from labourhub.interop.models import Delivery
    from tenants.context import ministry_context

    with ministry_context(setup["ministry"]):
        return Delivery.objects.get(event__event_id=event_id)


def test_transition_retry_and_worker_crash_each_deliver_one_signed_event(
    setup, live_env, django_db_blocker
):
    from labourhub.config.celery import app
    from labourhub.interop.models import Delivery
    from labourhub.interop.webhooks import SIGNATURE_HEADER, signature_verify

    receiver, secret = setup["receiver"], setup["subscription"].secret
    workers = []
    with django_db_blocker.unblock():
        app.conf.task_always_eager = False
        try:
            worker, log = start_worker(live_env, "interop-worker-1.log", FAST_RETRY, "interop-1")
            workers.append((worker, log))

            # 1. Receiver up: exactly one signed CloudEvent arrives.
            receiver.start()
            first = _transition(setup)
            _wait(lambda: _received(receiver, first), 60, "the first event")
            time.sleep(2)  # nothing else may follow
            [(headers, body)] = _received(receiver, first)
            assert signature_verify(
                secret=secret, header=headers[SIGNATURE_HEADER.lower()], body=body
            )
            assert len(receiver.received) == 1

            # 2. Receiver down: retried with back-off, delivered once it is back.
            receiver.stop()
            second = _transition(setup)
            _wait(
                lambda: _delivery(setup, second).attempts >= 2,
                60,
                lambda: f"two failed attempts ({vars(_delivery(setup, second))})",
            )
            assert _delivery(setup, second).status == Delivery.Status.PENDING
            receiver.start()
            back_at = time.monotonic()
            _wait(
                lambda: _delivery(setup, second).status == Delivery.Status.DELIVERED,
                180,
                lambda: (
                    f"the retried delivery ({vars(_delivery(setup, second))}, "
                    f"{len(receiver.received)} received)"
                ),
            )
            assert len(_received(receiver, second)) == 1
            timings = {
                "retry_delivered_after_receiver_back_s": round(time.monotonic() - back_at, 1)
            }

            # 3. The worker dies between the commit and the delivery: nothing is lost.
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=10)
            third = _transition(setup)
            # Another live module's session worker may share the queue and deliver it first;
            # what this step proves is that the event survives the crash and arrives once.
            worker, log = start_worker(live_env, "interop-worker-2.log", FAST_RETRY, "interop-2")
            workers.append((worker, log))
            restarted_at = time.monotonic()
            _wait(lambda: _received(receiver, third), 180, "the event queued before the crash")
            timings["crash_delivered_after_restart_s"] = round(time.monotonic() - restarted_at, 1)
            (ROOT / ".run" / "interop-live-timings.txt").write_text(str(timings))
            assert len(_received(receiver, third)) == 1
            assert _delivery(setup, third).status == Delivery.Status.DELIVERED
        finally:
            app.conf.task_always_eager = True
            for proc, handle in workers:
                if proc.poll() is None:
                    proc.terminate()
                    proc.wait(timeout=20)
                handle.close()
            connection.set_schema_to_public()
