"""Kinds of inbox notification: the core's, plus those a ministry's plugins declare."""

from django.db import connection
from django.utils.functional import Promise

from labourhub.extensions import current_hooks, flatten
from labourhub.extensions.types import InboxDocumentKind
from labourhub.portal.models import NotificationKind


def inbox_kinds() -> dict[str, str | Promise]:
    """Code -> label of every kind that may be served in the active ministry; plugin kinds come
    from ``register_inbox_document_kinds`` and never replace a core kind."""
    kinds: dict[str, str | Promise] = {str(k.value): k.label for k in NotificationKind}
    tenant = getattr(connection, "tenant", None)
    found: list[InboxDocumentKind] = flatten(
        current_hooks().register_inbox_document_kinds(tenant=tenant)
    )
    for kind in found:
        kinds.setdefault(kind.code, kind.label)
    return kinds


def inbox_kind_label(code: str) -> str:
    label = inbox_kinds().get(code)
    return str(label) if label is not None else str(NotificationKind.DOCUMENT_REQUIREMENT.label)
