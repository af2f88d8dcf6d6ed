"""Audit kinds of the connectors app."""

from django.utils.translation import gettext_lazy as _

from labourhub.audit.events import audit_action_register

SOURCE_CREATED = audit_action_register(
    code="connector_source.created", label=_("Connector source configured")
)
SOURCE_UPDATED = audit_action_register(
    code="connector_source.updated", label=_("Connector source changed")
)
FILE_DROPPED = audit_action_register(
    code="connector_source.file_dropped", label=_("File placed in a connector's drop")
)
RUN_STARTED = audit_action_register(code="connector_run.started", label=_("Connector run started"))
RUN_FINISHED = audit_action_register(
    code="connector_run.finished", label=_("Connector run finished")
)
ROSTER_LOADED = audit_action_register(
    code="declared_roster.loaded", label=_("Declared workers loaded for an establishment")
)
WORKERS_OBSERVED = audit_action_register(
    code="observed_workers.recorded", label=_("Workers found on site recorded")
)
