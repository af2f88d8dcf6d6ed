"""Read routing to a streaming replica for the read-only analytics and public LMI tables.

Installed only when ``DATABASE_REPLICA_URL`` configures a ``replica`` database alias. Reads of
the models in ``REPLICA_MODELS`` go to the replica; everything else, every write, and every read
inside a transaction on the primary stays on the primary (a service that reads and then writes
must see its own rows). The replica is used only while it is reachable and no further behind
than ``REPLICA_MAX_LAG_SECONDS``; the measurement is kept for ``REPLICA_CHECK_SECONDS`` per
process so a page with many queries costs one check, and a replica that is down is not retried
on every query.

django-tenants sets the search path per connection from the tenant given to that connection,
and only the request's (the default) connection is given one. The replica connection is
switched to the same ministry right before each routed read; that switch is why this module
lives in ``tenants``, the one package allowed to switch schemas.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model

REPLICA = "replica"
# Summaries the dashboards read (rebuilt by tasks, never edited by hand) and the published
# LMI figures the public sites read. Labels are ``app_label.model_name``.
REPLICA_MODELS = frozenset(
    {
        "analytics.fact",
        "analytics.refreshstate",
        "cms.release",
        "cms.dataset",
        "cms.datasetrow",
        "cms.observation",
    }
)

log = logging.getLogger("labourhub.replica")


class _Health(threading.local):
    """The last lag measurement of this thread's replica connection (connections are
    per thread, so is their health)."""

    checked_at: float = float("-inf")
    usable: bool = False
    lag: float | None = None


_health = _Health()

# Run on the replica. pg_last_xact_replay_timestamp() is the commit time of the last replayed
# transaction, so on an idle primary it grows old although nothing is missing: when everything
# received has been replayed the replica is current (lag 0). A server not in recovery (a
# promoted replica, or the primary itself in a test) is current by definition.
LAG_SQL = """
SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0.0
  WHEN pg_last_wal_receive_lsn() IS NOT NULL
       AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0.0
  ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9)::float8
END
"""


def replica_connection() -> BaseDatabaseWrapper:
    return connections[REPLICA]


def replica_lag_measure(conn: BaseDatabaseWrapper) -> float:
    """Seconds the replica is behind the primary (0.0 when current)."""
    with conn.cursor() as cursor:
        cursor.execute(LAG_SQL)
        row = cursor.fetchone()
    return float(row[0])


def replica_usable(*, now: float | None = None) -> bool:
    """Whether routed reads may go to the replica now (reachable and lag within the bound)."""
    now = time.monotonic() if now is None else now
    if now - _health.checked_at < float(settings.REPLICA_CHECK_SECONDS):
        return _health.usable
    conn = replica_connection()
    try:
        lag: float | None = replica_lag_measure(conn)
    except Exception as exc:  # any driver error means "not usable now"; the primary answers
        log.warning("replica unreachable, reading from the primary: %s", exc)
        lag = None
        # A broken socket must not be reused by the next check.
        conn.close()
    _health.checked_at = now
    _health.lag = lag
    _health.usable = lag is not None and lag <= float(settings.REPLICA_MAX_LAG_SECONDS)
    if lag is not None and not _health.usable:
        log.warning("replica %.1fs behind, reading from the primary", lag)
    return _health.usable


def replica_health_reset() -> None:
    """Forget the cached measurement (tests, and after reconfiguring the replica)."""
    _health.checked_at = float("-inf")
    _health.usable = False
    _health.lag = None


def replica_schema_sync(conn: BaseDatabaseWrapper, primary: BaseDatabaseWrapper) -> None:
    """Give the replica connection the ministry (search path) of the primary connection."""
    tenant = getattr(primary, "tenant", None)
    if tenant is None:
        conn.set_schema_to_public()  # type: ignore[attr-defined]
    elif getattr(conn, "schema_name", None) != tenant.schema_name:
        conn.set_tenant(tenant)  # type: ignore[attr-defined]


class ReplicaRouter:
    """Sends reads of ``REPLICA_MODELS`` to the replica while it is current enough."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        instance = hints.get("instance")
        on_replica = instance is not None and instance._state.db == REPLICA
        if not on_replica and model._meta.label_lower not in REPLICA_MODELS:
            return None
        primary = connections[DEFAULT_DB_ALIAS]
        # Read-your-writes: a transaction on the primary reads what it has just written.
        if primary.in_atomic_block or not replica_usable():
            return DEFAULT_DB_ALIAS
        replica_schema_sync(replica_connection(), primary)
        return REPLICA

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # Both aliases hold the same data; an object read from the replica may point at one
        # read from the primary.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        # A replica is read-only: migrations reach it through replication.
        return False if db == REPLICA else None
