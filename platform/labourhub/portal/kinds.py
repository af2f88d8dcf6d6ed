"""Kinds of inbox notification: the core's, plus those a ministry's plugins declare."""

from django.utils.functional import Promise

from labourhub.portal.models import NotificationKind


def inbox_kinds() -> dict[str, str | Promise]:
    """Code -> label of every kind that may be served in the active ministry."""
    return {str(k.value): k.label for k in NotificationKind}


def inbox_kind_label(code: str) -> str:
    label = inbox_kinds().get(code)
    return str(label) if label is not None else str(NotificationKind.DOCUMENT_REQUIREMENT.label)
