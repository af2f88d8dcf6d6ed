"""Document kinds: the core's fixed set plus those the ministry's active plugins declare.

A plugin declares a ``DocumentTemplate`` (``register_document_templates``): its code becomes a
document kind with its own number prefix and starter text, listed with the core kinds, edited
by administrators like them, and issued through ``document_issue``.
"""

from dataclasses import dataclass

from django.db import connection

from labourhub.documents.models import KIND_PREFIX, DocumentKind
from labourhub.extensions.types import DocumentTemplate as PluginTemplate


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    prefix: str
    plugin: PluginTemplate | None = None


def plugin_templates() -> dict[str, PluginTemplate]:
    """The document templates declared by the plugins active for the current ministry."""
    from labourhub.extensions import current_hooks, flatten

    tenant = getattr(connection, "tenant", None)
    declared: list[PluginTemplate] = flatten(
        current_hooks().register_document_templates(tenant=tenant)
    )
    return {t.code: t for t in declared if t.code not in DocumentKind.values}


def document_kinds() -> dict[str, Kind]:
    kinds = {
        code: Kind(code, str(label), KIND_PREFIX[code]) for code, label in DocumentKind.choices
    }
    for code, template in plugin_templates().items():
        kinds[code] = Kind(code, str(template.label), template.prefix, template)
    return kinds


def kind_choices() -> list[tuple[str, str]]:
    return [(k.code, k.label) for k in document_kinds().values()]


def kind_get(code: str) -> Kind | None:
    return document_kinds().get(code)


def kind_label(code: str) -> str:
    kind = kind_get(code)
    return kind.label if kind is not None else code
