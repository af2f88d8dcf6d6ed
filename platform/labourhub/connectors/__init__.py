"""Connectors: partner files (payroll rosters, accident notifications) pulled into the ministry.

Kinds of file come from the ``register_connector_kinds`` hook (the core's generic formats and
country packs'); ``services`` fetch, check and load a file all or nothing, idempotently.
"""
