"""Fault test: web workers killed with SIGKILL while a client keeps writing through the API.

gunicorn's master replaces a dead worker; a request in flight on the killed worker fails at the
client (connection reset), and its transaction, not yet committed, rolls back with the dead
connection. Measured: every write the client was told succeeded is in the database, nothing is
written twice, and any row the client was not told about is counted and reported.
"""

import os
import signal
import subprocess
import threading
import time

import pytest
from django.db import connection

from .conftest import establishment_write, start_web, temporary_ministry

pytestmark = [pytest.mark.live]

SLUG = "webfault"
WRITES = 150
KILLS = 3


@pytest.fixture(scope="module")
def ministry(django_db_setup, django_db_blocker):
    from rest_framework.authtoken.models import Token

    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.registry.services import employer_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="Ministry of Labour (web fault test)",
        country="LC",
        languages=["en"],
        default_language="en",
        time_zone="America/St_Lucia",
        currency="XCD",
    ) as ministry:
        with django_db_blocker.unblock():
            with ministry_context(ministry):
                office = office_create(code="WF", name="Castries", level="region", actor=None)
                clerk = user_create(
                    username="clerk",
                    password=TEST_PASSWORD,
                    office=office,
                    roles=[Role.CLERK],
                    actor=None,
                )
                employer = employer_create(legal_name="Bay Gardens Ltd", tax_id="", actor=None)
                token = Token.objects.create(user=clerk).key
            connection.set_schema_to_public()
        yield {"ministry": ministry, "token": token, "employer": employer.pk}


def _workers(master_pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True)
    return [int(pid) for pid in out.stdout.split()]


def test_sigkill_of_web_workers_loses_no_accepted_write(ministry, live_env, django_db_blocker):
    from labourhub.registry.models import Establishment
    from tenants.context import ministry_context

    proc, port, log = start_web(live_env, "test-web-faults.log", workers=2)
    outcomes: dict[int, str] = {}
    try:

        def write(n: int) -> str:
            return establishment_write(
                port, SLUG, ministry["token"], ministry["employer"], "WF", f"WF-{n:04d}"
            )

        def client() -> None:
            for n in range(WRITES):
                outcomes[n] = write(n)

        writer = threading.Thread(target=client)
        writer.start()
        killed = 0
        while writer.is_alive() and killed < KILLS:
            if len(outcomes) >= (killed + 1) * WRITES // (KILLS + 1):
                workers = _workers(proc.pid)
                if workers:
                    os.kill(workers[0], signal.SIGKILL)
                    killed += 1
            time.sleep(0.01)
        writer.join(timeout=300)
        assert not writer.is_alive(), "the client hung"
        assert killed == KILLS
        # The master replaced every dead worker.
        deadline = time.monotonic() + 30
        while len(_workers(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(_workers(proc.pid)) == 2
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()

    accepted = {n for n, status in outcomes.items() if status == "201"}
    failed = {n for n, status in outcomes.items() if status != "201"}
    assert set(outcomes) == set(range(WRITES))
    assert all(s == "201" or s.startswith(("failed", "5")) for s in outcomes.values())
    with django_db_blocker.unblock(), ministry_context(ministry["ministry"]):
        numbers = list(
            Establishment.objects.filter(registration_number__startswith="WF-").values_list(
                "registration_number", flat=True
            )
        )
    connection.set_schema_to_public()
    stored = {int(number[3:]) for number in numbers}
    assert len(numbers) == len(stored), "a write was applied twice"
    assert accepted <= stored, f"accepted but lost: {sorted(accepted - stored)}"
    unreported = stored - accepted
    # A worker killed after COMMIT but before its answer left: the client saw a failure for a
    # write that was applied. Never more than one per kill; the note reports the count.
    assert unreported <= failed and len(unreported) <= KILLS
    print(
        f"\nweb fault test: {WRITES} writes, {KILLS} workers killed: {len(accepted)} accepted "
        f"and stored, {len(failed)} reported failed to the client, "
        f"{len(unreported)} of those applied anyway, 0 lost, 0 duplicated"
    )
