"""Read routing to the replica: which reads go there, and the fallbacks to the primary."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from labourhub.accounts.models import Office
from labourhub.analytics.models import Fact
from tenants import db_router
from tenants.db_router import REPLICA, ReplicaRouter

ROOT = Path(__file__).resolve().parents[2]


class FakeTenant:
    def __init__(self, schema_name):
        self.schema_name = schema_name


class FakeReplica:
    """Stands for the replica connection: records schema switches, answers a given lag."""

    def __init__(self, lag=0.0, error=None):
        self.lag = lag
        self.error = error
        self.schema_name = "public"
        self.switches = []
        self.measured = 0
        self.closed = 0

    def set_tenant(self, tenant):
        self.schema_name = tenant.schema_name
        self.switches.append(tenant.schema_name)

    def set_schema_to_public(self):
        self.schema_name = "public"
        self.switches.append("public")

    def close(self):
        self.closed += 1


@pytest.fixture
def replica(monkeypatch, settings):
    settings.REPLICA_MAX_LAG_SECONDS = 5.0
    settings.REPLICA_CHECK_SECONDS = 2.0
    fake = FakeReplica()
    monkeypatch.setattr(db_router, "replica_connection", lambda: fake)

    def measure(conn):
        conn.measured += 1
        if conn.error:
            raise conn.error
        return conn.lag

    monkeypatch.setattr(db_router, "replica_lag_measure", measure)
    db_router.replica_health_reset()
    yield fake
    db_router.replica_health_reset()


class FakePrimary:
    """Stands for the request's (default) connection: its ministry and transaction state."""

    def __init__(self, tenant):
        self.tenant = tenant
        self.in_atomic_block = False


@pytest.fixture
def primary(monkeypatch):
    fake = FakePrimary(None)
    monkeypatch.setattr(db_router, "connections", {"default": fake})
    return fake


@pytest.fixture
def in_ministry(primary):
    primary.tenant = FakeTenant("lc")
    return primary


def test_analytics_and_published_lmi_reads_go_to_the_current_replica(replica, in_ministry):
    from cms.models import Observation

    router = ReplicaRouter()
    assert router.db_for_read(Fact) == REPLICA
    assert router.db_for_read(Observation) == REPLICA
    # The replica connection reads in the request's ministry, switched once.
    assert replica.schema_name == "lc"
    assert replica.switches == ["lc"]


def test_other_models_and_every_write_stay_on_the_primary(replica, in_ministry):
    router = ReplicaRouter()
    assert router.db_for_read(Office) is None
    assert router.db_for_write(Fact) == "default"
    assert replica.measured == 0  # no check for reads that never go there


def test_a_lagging_replica_sends_reads_to_the_primary(replica, in_ministry):
    replica.lag = 30.0
    assert ReplicaRouter().db_for_read(Fact) == "default"
    assert replica.switches == []


def test_a_replica_that_is_down_sends_reads_to_the_primary(replica, in_ministry):
    replica.error = OSError("connection refused")
    assert ReplicaRouter().db_for_read(Fact) == "default"
    # The broken connection is dropped so the next check opens a fresh one.
    assert replica.closed == 1


def test_the_lag_measurement_is_kept_briefly(replica, in_ministry):
    assert db_router.replica_usable(now=100.0)
    replica.lag = 30.0
    # Within REPLICA_CHECK_SECONDS the last answer stands: one measurement per page, not per query.
    assert db_router.replica_usable(now=101.0)
    assert replica.measured == 1
    assert not db_router.replica_usable(now=102.5)
    assert replica.measured == 2
    replica.lag = 0.5
    assert db_router.replica_usable(now=105.0)


def test_reads_inside_a_transaction_on_the_primary_stay_there(replica, in_ministry):
    # A service that writes and then reads must read its own rows, which the replica may lack.
    in_ministry.in_atomic_block = True
    assert ReplicaRouter().db_for_read(Fact) == "default"
    assert replica.measured == 0


def test_an_object_read_from_the_replica_follows_it_only_while_usable(replica, in_ministry):
    office = Office(name="Castries")
    office._state.db = REPLICA
    router = ReplicaRouter()
    assert router.db_for_read(Office, instance=office) == REPLICA
    db_router.replica_health_reset()
    replica.error = OSError("gone")
    assert router.db_for_read(Office, instance=office) == "default"


def test_public_schema_requests_read_the_public_schema_on_the_replica(replica, primary):
    replica.schema_name = "lc"
    assert ReplicaRouter().db_for_read(Fact) == REPLICA
    assert replica.switches == ["public"]


def test_the_replica_never_gets_migrations():
    router = ReplicaRouter()
    assert router.allow_migrate(REPLICA, "analytics") is False
    assert router.allow_migrate("default", "analytics") is None


@pytest.mark.django_db
def test_the_lag_query_reports_a_server_not_in_recovery_as_current():
    # The real SQL, on the primary (not in recovery): current by definition.
    assert db_router.replica_lag_measure(connection) == 0.0


@pytest.mark.parametrize("url", ["", "postgres://ro@127.0.0.1:5999/labourhub"])
def test_settings_add_the_replica_alias_and_router_only_when_configured(url):
    env = {
        **os.environ,
        "DATABASE_REPLICA_URL": url,
        "PYTHONPATH": str(ROOT / "platform"),
        "SECRET_KEY": "x",
    }
    code = (
        "import labourhub.config.settings.test as s;"
        "r = s.DATABASES.get('replica');"
        "print(bool(r), r and r['PORT'], r and r['TEST'], r and r['OPTIONS'], s.DATABASE_ROUTERS)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    if url:
        assert "True 5999 {'MIRROR': 'default'} {'connect_timeout': 2}" in out
        assert "('tenants.db_router.ReplicaRouter', 'django_tenants.routers" in out
    else:
        assert out.startswith("False")
        assert "ReplicaRouter" not in out
