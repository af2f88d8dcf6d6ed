"""The sweep's exactly-once guarantee against real concurrency: two sweeps at once, and a
worker process killed mid-sweep. These need committed rows (other connections must see them),
so they run outside the per-test transaction and delete what they created."""

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection, connections, transaction

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create, user_create
from labourhub.workflow.models import Alert, Case, CaseEvent, Deadline
from labourhub.workflow.services import case_open, deadline_sweep
from tenants.context import ministry_context
from tenants.models import Ministry

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 3, 2)  # a Monday
CASES = 50


def in_thread(fn):
    """Run ``fn`` on its own connection (autocommit), as another worker would."""
    box = {}

    def target():
        try:
            box["value"] = fn()
        except BaseException as exc:  # re-raised in the test's thread
            box["error"] = exc
        finally:
            connections.close_all()

    t = threading.Thread(target=target)
    t.start()
    t.join(60)
    if "error" in box:
        raise box["error"]
    return box.get("value")


@pytest.fixture
def committed_cases(db):
    """CASES open complaint cases whose triage deadline expired before DAY, committed."""
    ministry = Ministry.objects.get(schema_name="test")

    def create():
        with ministry_context(ministry):
            office = office_create(code="WF-CONC", name="Concurrency", level="region", actor=None)
            insp = user_create(
                username="wfconc-insp",
                password="x-Pass-2026!",
                office=office,
                roles=[Role.INSPECTOR],
                actor=None,
            )
            sup = user_create(
                username="wfconc-sup",
                password="x-Pass-2026!",
                office=office,
                roles=[Role.SUPERVISOR],
                actor=None,
            )
            return [
                case_open(
                    procedure="complaint",
                    title=f"conc {i}",
                    office=office,
                    assigned_to=insp,
                    supervisor=sup,
                    actor=None,
                    start_on=DAY - dt.timedelta(days=30),
                ).pk
                for i in range(CASES)
            ]

    def cleanup():
        with ministry_context(ministry):
            Alert.objects.filter(case_id__in=ids).delete()
            Deadline.objects.filter(case_id__in=ids).delete()
            CaseEvent.objects.filter(case_id__in=ids).delete()
            Case.objects.filter(pk__in=ids).delete()
            User.objects.filter(username__startswith="wfconc-").delete()
            Office.objects.filter(code="WF-CONC").delete()

    in_thread(cleanup_stale)
    ids = in_thread(create)
    yield ministry, ids
    in_thread(cleanup)


def cleanup_stale():
    # A previous run interrupted before its cleanup must not make this one fail.
    with ministry_context(Ministry.objects.get(schema_name="test")):
        stale = list(Case.objects.filter(office__code="WF-CONC").values_list("pk", flat=True))
        Alert.objects.filter(case_id__in=stale).delete()
        Deadline.objects.filter(case_id__in=stale).delete()
        CaseEvent.objects.filter(case_id__in=stale).delete()
        Case.objects.filter(pk__in=stale).delete()
        User.objects.filter(username__startswith="wfconc-").delete()
        Office.objects.filter(code="WF-CONC").delete()


def _count(ministry, ids, kind):
    def count():
        with ministry_context(ministry):
            return Alert.objects.filter(case_id__in=ids, kind=kind).count()

    return in_thread(count)


def test_two_concurrent_sweeps_raise_each_alert_once(committed_cases):
    ministry, ids = committed_cases
    inserted: dict[str, int] = {}
    first_done = threading.Event()

    def slow_sweep():
        # Hold the first sweep's transaction open while the second one runs.
        with ministry_context(ministry), transaction.atomic():
            inserted["a"] = deadline_sweep(today=DAY).expired
            first_done.set()
            time.sleep(1.0)
        connections.close_all()

    def second_sweep():
        first_done.wait(10)
        with ministry_context(ministry):
            inserted["b"] = deadline_sweep(today=DAY).expired
        connections.close_all()

    threads = [threading.Thread(target=slow_sweep), threading.Thread(target=second_sweep)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert inserted == {"a": CASES, "b": 0}
    assert _count(ministry, ids, "expired") == CASES
    assert _count(ministry, ids, "escalation") == CASES


def _db_env() -> dict[str, str]:
    s = connection.settings_dict
    host = s.get("HOST") or s.get("OPTIONS", {}).get("host", "")
    url = f"postgres://{s['USER']}@/{s['NAME']}?host={quote(host)}"
    if s.get("PORT"):
        url += f"&port={s['PORT']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "PYTHONPATH": str(ROOT / "platform"),
        "DJANGO_SETTINGS_MODULE": "labourhub.config.settings.test",
    }


KILLED_WORKER = f"""
import time, datetime as dt, django
django.setup()
from django.db import transaction
from tenants.context import ministry_context
from tenants.models import Ministry
from labourhub.workflow.services import deadline_sweep
with ministry_context(Ministry.objects.get(schema_name="test")):
    with transaction.atomic():
        result = deadline_sweep(today=dt.date({DAY.year}, {DAY.month}, {DAY.day}))
        print("swept", result.expired, flush=True)
        time.sleep(60)
"""


def test_a_worker_killed_mid_sweep_loses_nothing(committed_cases):
    ministry, ids = committed_cases
    env = _db_env()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WORKER],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        # The doomed worker really saw and inserted every alert before it died.
        line = proc.stdout.readline().strip()
        assert line == f"swept {CASES}", proc.stderr.read() if proc.stderr else line
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert _count(ministry, ids, "expired") == 0  # the killed sweep rolled back whole

    def sweep():
        with ministry_context(ministry):
            return deadline_sweep(today=DAY).expired

    assert in_thread(sweep) == CASES
    assert in_thread(sweep) == 0
    assert _count(ministry, ids, "expired") == CASES
