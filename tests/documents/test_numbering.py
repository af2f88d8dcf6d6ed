"""Numbers under real concurrency: each thread has its own PostgreSQL connection and commits.

These threads commit for real (outside the test's rolled-back transaction), so the test uses a
year no real document will ever carry and deletes its counter rows itself afterwards.
"""

import random
import re
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections, transaction

from labourhub.documents.services import document_number_next
from tenants.context import ministry_context

THREADS = 50


def _in_own_connection(ministry: Any, work: Callable[[], Any]) -> Any:
    try:
        with ministry_context(ministry):
            return work()
    finally:
        connections.close_all()  # this thread's connection only (connections are per thread)


def _cleanup(ministry: Any, year: int) -> None:
    def work() -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM documents_numbersequence WHERE year = %s", [year])

    thread = threading.Thread(target=_in_own_connection, args=(ministry, work))
    thread.start()
    thread.join()


@pytest.fixture
def scratch_year(ministry):
    year = random.randint(3000, 9000)
    _cleanup(ministry, year)
    yield year
    _cleanup(ministry, year)


def test_fifty_concurrent_requests_get_fifty_consecutive_numbers(ministry, scratch_year):
    barrier = threading.Barrier(THREADS + 10)
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def take(rollback: bool):
        def work():
            barrier.wait(timeout=30)
            try:
                with transaction.atomic():
                    number = document_number_next(kind="order_to_inspect", year=scratch_year)
                    if rollback:
                        # An issue that fails after numbering must give its number back.
                        raise RuntimeError("render failed")
            except RuntimeError:
                return
            except BaseException as exc:
                with lock:
                    errors.append(exc)
                return
            with lock:
                numbers.append(number)

        return lambda: _in_own_connection(ministry, work)

    threads = [threading.Thread(target=take(False)) for _ in range(THREADS)]
    threads += [threading.Thread(target=take(True)) for _ in range(10)]
    random.shuffle(threads)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert len(numbers) == THREADS
    assert len(set(numbers)) == THREADS
    pattern = re.compile(rf"OI-{scratch_year}-(\d{{6}})")
    values = sorted(int(m.group(1)) for n in numbers if (m := pattern.fullmatch(n)))
    assert values == list(range(1, THREADS + 1))


def test_numbering_outside_a_transaction_is_refused(ministry):
    # Autocommit would release the row lock at once and a later failure could not give the
    # number back; run in a thread so the test's own transaction does not hide that.
    raised = []

    def work():
        try:
            document_number_next(kind="order_to_inspect", year=2026)
        except RuntimeError as exc:
            raised.append(exc)

    thread = threading.Thread(target=_in_own_connection, args=(ministry, work))
    thread.start()
    thread.join()
    assert raised


def test_sequences_are_per_kind_and_per_year(in_ministry):
    with transaction.atomic():
        a = document_number_next(kind="order_to_inspect", year=2031)
        b = document_number_next(kind="order_to_inspect", year=2031)
        c = document_number_next(kind="order_to_inspect", year=2032)
        d = document_number_next(kind="fine_decision", year=2031)
    assert (a, b, c, d) == ("OI-2031-000001", "OI-2031-000002", "OI-2032-000001", "FD-2031-000001")


def test_sequences_are_per_ministry(in_ministry, second_ministry):
    with transaction.atomic():
        first = document_number_next(kind="certificate", year=2033)
    with ministry_context(second_ministry), transaction.atomic():
        other = document_number_next(kind="certificate", year=2033)
    assert first == other == "CE-2033-000001"
