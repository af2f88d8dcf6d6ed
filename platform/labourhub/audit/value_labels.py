"""Words for coded values in audit details that the subject's model fields cannot name.

A model field with ``choices`` already reads as words on the audit page. Values whose labels
live elsewhere (a case's state and steps are defined by its procedure, not by a field) are named
by a provider the owning app registers at start-up::

    audit_value_labels_register(subject_type="workflow.case", provider=case_value_labels)

A provider returns ``{field: {code: label}}``; for a field holding a mapping (deadline code ->
date) the labels name its keys.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django.core.signals import request_started
from django.db import connection
from django.utils import translation

Labels = Mapping[str, Mapping[Any, Any]]
Provider = Callable[[], Labels]

_providers: dict[str, list[Provider]] = {}
# One computation per page, not per row: forgotten at the start of every request.
_memo: dict[tuple[str, str, str], dict[str, dict[Any, Any]]] = {}


def _forget(**_kw: Any) -> None:
    _memo.clear()


request_started.connect(_forget, dispatch_uid="labourhub_audit_value_labels_forget")


def audit_value_labels_register(*, subject_type: str, provider: Provider) -> None:
    found = _providers.setdefault(subject_type, [])
    if provider not in found:
        found.append(provider)


def audit_value_labels(subject_type: str) -> dict[str, dict[Any, Any]]:
    providers = _providers.get(subject_type, ())
    if not providers:
        return {}
    schema = str(getattr(connection, "schema_name", ""))
    key = (schema, translation.get_language() or "", subject_type)
    if key not in _memo:
        labels: dict[str, dict[Any, Any]] = {}
        for provider in providers:
            for field, mapping in provider().items():
                labels.setdefault(field, {}).update(mapping)
        _memo[key] = labels
    return _memo[key]
