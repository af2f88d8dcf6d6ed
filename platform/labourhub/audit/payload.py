"""The one shape of an audit event's details, its validation, and its human-readable rendering.

``changes`` holds what moved (field -> (before, after)), ``values`` the facts the event set or
referred to (field -> value), ``note`` free text typed by a person. Stored rows keep the
changes in the ``changes`` column as ``{field: [before, after]}`` and the rest in ``extra`` with
``"format": 2``; rows written before that format are still rendered, by a tolerant reader.
"""

from collections.abc import Mapping
from typing import Any, TypedDict

from django.utils.formats import date_format
from django.utils.translation import gettext

from labourhub.audit.labels import FIELD_LABELS

PAYLOAD_FORMAT = 2


class AuditPayload(TypedDict, total=False):
    changes: Mapping[str, tuple[Any, Any]]
    values: Mapping[str, Any]
    note: str


class AuditPayloadError(ValueError):
    """A programming error: the caller passed details that do not fit ``AuditPayload``."""


def audit_payload_split(payload: AuditPayload | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validate ``payload``; return the (changes, extra) columns to store."""
    data: Mapping[str, Any] = payload or {}
    if not isinstance(data, Mapping):
        raise AuditPayloadError("The audit payload must be a mapping.")
    unknown = set(data) - {"changes", "values", "note"}
    if unknown:
        raise AuditPayloadError(f"Unknown audit payload keys: {sorted(unknown)}.")
    changes = data.get("changes") or {}
    values = data.get("values") or {}
    note = data.get("note", "")
    if not isinstance(changes, Mapping) or not isinstance(values, Mapping):
        raise AuditPayloadError("'changes' and 'values' must be mappings of field names.")
    if not all(isinstance(key, str) and key for key in [*changes, *values]):
        raise AuditPayloadError("Audit field names must be non-empty strings.")
    for field, pair in changes.items():
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise AuditPayloadError(f"Change of {field!r} must be a (before, after) pair.")
    if not isinstance(note, str):
        raise AuditPayloadError("'note' must be text.")
    extra: dict[str, Any] = {"format": PAYLOAD_FORMAT}
    if values:
        extra["values"] = dict(values)
    if note:
        extra["note"] = note
    return {field: list(pair) for field, pair in changes.items()}, extra


def audit_field_label(field: str) -> str:
    label = FIELD_LABELS.get(field)
    return str(label) if label is not None else field.replace("_", " ").capitalize()


Choices = Mapping[str, Mapping[Any, Any]]


def _text(
    value: Any, labels: Mapping[Any, Any] | None = None, choices: Choices | None = None
) -> str:
    """``value`` in words. ``labels`` name this field's coded values (or, for a mapping, its
    keys); ``choices`` name the coded values of fields nested inside it (e.g. a document's kind).
    """
    if labels and isinstance(value, str | int) and value in labels:
        return str(labels[value])
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, list | tuple):
        return ", ".join(_text(item, labels, choices) for item in value)
    if isinstance(value, Mapping):
        nested = choices or {}
        return "; ".join(
            f"{_key(str(k), labels)}: {_text(v, nested.get(str(k)), choices)}"
            for k, v in value.items()
        )
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def _key(key: str, labels: Mapping[Any, Any] | None) -> str:
    if labels and key in labels:
        return str(labels[key])
    return audit_field_label(key)


def _is_legacy_change(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {"before", "after"}


def _pair(field: str, before: Any, after: Any, choices: Choices) -> str:
    labels = choices.get(field)
    before_text, after_text = _text(before, labels, choices), _text(after, labels, choices)
    return f"{audit_field_label(field)}: {before_text} → {after_text}"


def audit_event_lines(
    *, changes: Mapping[str, Any], extra: Mapping[str, Any], choices: Choices | None = None
) -> list[str]:
    """One line per field, e.g. "Status: Active → Departed", in the active language.

    ``choices`` maps a field to its {stored value: label}, so coded values read as words.
    """
    choices = choices or {}
    lines: list[str] = []
    current = extra.get("format") == PAYLOAD_FORMAT
    for field, value in (changes or {}).items():
        if current and isinstance(value, list) and len(value) == 2:
            lines.append(_pair(field, value[0], value[1], choices))
        elif _is_legacy_change(value):
            lines.append(_pair(field, value["before"], value["after"], choices))
        else:
            lines.append(f"{audit_field_label(field)}: {_text(value, choices.get(field), choices)}")
    if current:
        facts = extra.get("values") or {}
    else:
        facts = {k: v for k, v in (extra or {}).items() if k != "format"}
    for field, value in facts.items():
        if _is_legacy_change(value):
            lines.append(_pair(field, value["before"], value["after"], choices))
        else:
            lines.append(f"{audit_field_label(field)}: {_text(value, choices.get(field), choices)}")
    if current and extra.get("note"):
        lines.append(str(extra["note"]))
    return lines
