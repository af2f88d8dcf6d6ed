"""The connectors app's own hook implementations (registered as a core plugin)."""

from typing import Any

from labourhub.extensions import hookimpl
from labourhub.extensions.connector_types import ConnectorKind


@hookimpl
def register_connector_kinds(tenant: Any) -> list[ConnectorKind]:
    from labourhub.connectors.kinds import CORE_KINDS

    return list(CORE_KINDS)
