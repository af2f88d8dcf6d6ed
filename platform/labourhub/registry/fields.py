"""Country-specific establishment fields contributed by plugins (``register_establishment_fields``).

A plugin returns ``ExtraField`` definitions; the core stores the values in
``Establishment.extra`` (JSONB) after validating them here, so no country's identifiers are
hard-coded in the core.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.extensions import current_hooks, flatten

FieldType = Literal["text", "integer", "decimal", "date", "boolean", "choice"]

EXTRA_REQUIRED = gettext_noop("This field is required.")
EXTRA_INVALID = gettext_noop("Enter a valid value.")
EXTRA_BAD_CHOICE = gettext_noop("Choose one of: %(choices)s.")
EXTRA_PATTERN = gettext_noop("This value does not have the expected format.")
EXTRA_UNKNOWN = gettext_noop("This field is not defined for this ministry.")
EXTRA_TOO_LONG = gettext_noop("At most %(max)d characters.")


@dataclass(frozen=True)
class ExtraField:
    key: str
    label: str | Promise
    type: FieldType = "text"
    required: bool = False
    choices: tuple[tuple[str, str | Promise], ...] = ()
    pattern: str = ""
    max_length: int = 200
    help_text: str | Promise = ""
    unique_id: bool = field(default=False)  # an identifier: used for duplicate detection

    def clean(self, raw: Any) -> Any:
        """Return the JSON-ready value or raise a translated ``ValidationError``."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise ValidationError(_(EXTRA_REQUIRED))
            return None
        if self.type == "text":
            value = str(raw).strip()
            if len(value) > self.max_length:
                raise ValidationError(_(EXTRA_TOO_LONG) % {"max": self.max_length})
            if self.pattern and not re.fullmatch(self.pattern, value):
                raise ValidationError(_(EXTRA_PATTERN))
            return value
        if self.type == "choice":
            value = str(raw).strip()
            if value not in {k for k, _label in self.choices}:
                keys = ", ".join(k for k, _label in self.choices)
                raise ValidationError(_(EXTRA_BAD_CHOICE) % {"choices": keys})
            return value
        try:
            if self.type == "integer":
                return int(str(raw).strip())
            if self.type == "decimal":
                return str(Decimal(str(raw).strip()))
            if self.type == "date":
                if isinstance(raw, dt.date):
                    return raw.isoformat()
                return dt.date.fromisoformat(str(raw).strip()).isoformat()
            if self.type == "boolean":
                text = str(raw).strip().lower()
                if text in {"1", "true", "yes", "si", "sí", "y"}:
                    return True
                if text in {"0", "false", "no", "n"}:
                    return False
        except (ValueError, InvalidOperation):
            pass
        raise ValidationError(_(EXTRA_INVALID))


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
