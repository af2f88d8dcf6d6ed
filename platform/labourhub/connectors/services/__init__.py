"""Writes of the connectors app (the only code that writes its tables)."""

from labourhub.connectors.services.observed import observed_workers_record
from labourhub.connectors.services.runs import connector_run_execute
from labourhub.connectors.services.sources import (
    connector_file_drop,
    connector_run_start,
    connector_source_create,
    connector_source_update,
)

__all__ = [
    "connector_file_drop",
    "connector_run_execute",
    "connector_run_start",
    "connector_source_create",
    "connector_source_update",
    "observed_workers_record",
]
