"""Country-specific establishment fields contributed by plugins (``register_establishment_fields``).

A plugin returns ``ExtraField`` definitions; the core stores the values in
``Establishment.extra`` (JSONB) after validating them here, so no country's identifiers are
hard-coded in the core.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _

from labourhub.extensions import current_hooks, flatten
from labourhub.extensions.types import EXTRA_UNKNOWN, ExtraField

__all__ = ["ExtraField", "extra_fields", "extra_validate"]


def extra_fields() -> list[ExtraField]:
    """Definitions from the plugins enabled for the current ministry, in hook order."""
    tenant = getattr(connection, "tenant", None)
    return [
        f
        for f in flatten(current_hooks().register_establishment_fields(tenant=tenant))
        if isinstance(f, ExtraField)
    ]


def extra_validate(
    values: dict[str, Any], *, definitions: list[ExtraField] | None = None
) -> dict[str, Any]:
    """Clean every plugin field; unknown keys are refused so typos never pass silently."""
    defs = {f.key: f for f in (extra_fields() if definitions is None else definitions)}
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    for key in values:
        if key not in defs:
            errors[f"extra.{key}"] = [_(EXTRA_UNKNOWN)]
    for key, definition in defs.items():
        try:
            value = definition.clean(values.get(key))
        except ValidationError as exc:
            errors[f"extra.{key}"] = exc.messages
            continue
        if value is not None:
            cleaned[key] = value
    if errors:
        raise ValidationError(errors)
    return cleaned
