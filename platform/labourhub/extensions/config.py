"""Per-ministry plugin configuration, validated against ``PluginMeta.config_schema``.

Secret fields are typed ``SecretRef`` and hold a reference such as
``{"$secret": "hn/trade-unions/registry_api_key"}``, resolved at use time by the secrets backend;
a plaintext value is refused so that secrets never reach the database or the audit trail.
"""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticError

SECRET_PATH_RE = re.compile(r"^[a-z0-9][a-z0-9_./-]{2,199}$")
# A message about secrets, not a secret (S105 reads the name).
ERR_SECRET_PLAINTEXT = gettext_noop(
    'Secrets are stored as references like {"$secret": "hn/plugin/key"}, never as plaintext.'
)
ERR_CONFIG_FIELD = gettext_noop("%(field)s: %(message)s")
ERR_UNKNOWN_FIELD = gettext_noop("%(field)s: this plugin has no such setting.")


class SecretRef(BaseModel):
    """A reference to a secret held by the secrets backend, never the secret itself."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    ref: str = Field(alias="$secret", pattern=SECRET_PATH_RE.pattern)


def _secret_fields(schema: type[BaseModel]) -> set[str]:
    names = set()
    for name, info in schema.model_fields.items():
        annotation = str(info.annotation)
        if "SecretRef" in annotation:
            names.add(name)
    return names


def plugin_config_validate(*, schema: type[BaseModel] | None, data: Any) -> dict[str, Any]:
    """Return the normalised configuration, or raise ValidationError with translated messages."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ValidationError({"config": [_("The configuration must be a JSON object.")]})
    if schema is None:
        if data:
            raise ValidationError({"config": [_("This plugin takes no configuration.")]})
        return {}
    errors: list[str] = [
        _(ERR_CONFIG_FIELD) % {"field": name, "message": _(ERR_SECRET_PLAINTEXT)}
        for name in sorted(_secret_fields(schema))
        if isinstance(data.get(name), str)
    ]
    if errors:
        raise ValidationError({"config": errors})
    try:
        model = schema.model_validate(data)
    except PydanticError as exc:
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"]) or "config"
            if err["type"] == "extra_forbidden":
                errors.append(_(ERR_UNKNOWN_FIELD) % {"field": field})
            else:
                # pydantic's own message is English; the field name tells the operator where.
                errors.append(_(ERR_CONFIG_FIELD) % {"field": field, "message": err["msg"]})
        raise ValidationError({"config": errors}) from exc
    return model.model_dump(mode="json", by_alias=True)
