from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def model_update(
    *, instance: M, fields: list[str], data: dict[str, Any]
) -> tuple[M, bool, dict[str, tuple[Any, Any]]]:
    """Apply allow-listed ``fields`` from ``data``; validate; save only what changed.

    Returns the instance, whether anything changed, and a ``{field: (before, after)}`` diff that
    callers hand to the audit trail (R10, R13).
    """
    diff: dict[str, tuple[Any, Any]] = {}
    for field in fields:
        if field not in data:
            continue
        before = getattr(instance, field)
        after = data[field]
        if before != after:
            diff[field] = (before, after)
            setattr(instance, field, after)
    if diff:
        instance.full_clean()
        update_fields = list(diff)
        if any(f.name == "updated_at" for f in instance._meta.get_fields()):
            update_fields.append("updated_at")
        instance.save(update_fields=update_fields)
    return instance, bool(diff), diff
