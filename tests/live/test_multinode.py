"""The multi-node topology on one machine (`make multinode`), with a web node and a worker killed.

Runs infra/multinode.py at a size that fits the suite: HAProxy in front of two web nodes, two
Celery workers on RabbitMQ, a PostgreSQL primary with a streaming replica, Redis and SeaweedFS.
The script checks its own figures and exits non-zero on any failure, including a component
that cannot be started (HAProxy or RabbitMQ missing): that fails this test; it is never skipped.
"""

import json
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = [pytest.mark.live]

WRITES = 120
BATCHES = 3
ROWS = 2500


def test_multinode_run_loses_and_duplicates_nothing_and_reads_from_the_replica(live_env):
    log = ROOT / ".run" / "test-multinode.log"
    with log.open("w") as out:
        try:
            done = subprocess.run(
                [sys.executable, str(ROOT / "infra" / "multinode.py"), "--writes", str(WRITES),
                 "--batches", str(BATCHES), "--rows", str(ROWS),
                 # A physical copy of the migrated test database: migrating takes minutes.
                 "--clone-from", live_env["DATABASE_URL"]],
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=600,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            pytest.fail(f"the multi-node run did not finish in 600 s; see {log}")
    output = log.read_text()
    lines = [line for line in output.splitlines() if line.startswith("MULTINODE-RESULT ")]
    assert done.returncode == 0 and lines, f"the multi-node run failed:\n{output[-4000:]}"
    figures = json.loads(lines[-1].split(" ", 1)[1])

    # Every write the client was told succeeded is stored exactly once; every other was
    # reported to its client as failed (and any of those stored is counted, not hidden).
    assert figures["accepted"] + figures["reported_failed"] == WRITES
    assert figures["accepted_lost"] == 0
    assert figures["duplicated"] == 0
    assert figures["unreported"] == 0
    assert figures["applied_but_reported_failed"] <= figures["reported_failed"]
    # Both crashes happened while work was in flight.
    assert set(figures["killed_at_seconds"]) == {"web", "worker"}
    # The imports queued on RabbitMQ all finished, each row once, the dead worker's included.
    assert figures["imports_done"] == figures["imports_queued"] == BATCHES
    assert figures["import_rows_stored"] == BATCHES * ROWS
    assert figures["import_rows_duplicated"] == 0
    assert figures["audit_chain_ok"]
    # Analytics reads went to the replica, then to the primary once the replica stopped.
    routing = figures["read_routing"]
    assert routing["replica_fact_reads"] > 0 and routing["primary_fact_reads"] == 0
    assert routing["replica_down_reads_ok"] == routing["reads_ok"]
    assert routing["replica_down_primary_fact_reads"] > 0
    print(f"\nmulti-node: {json.dumps(figures)}")
