"""Template filters that turn a stored audit event into words for the person reading it."""

from django import template
from django.apps import apps
from django.utils.text import capfirst

from labourhub.audit.events import audit_action_label
from labourhub.audit.models import AuditEvent
from labourhub.audit.payload import audit_event_lines

register = template.Library()


@register.filter
def audit_label(event: AuditEvent) -> str:
    return audit_action_label(event.action)


@register.filter
def audit_lines(event: AuditEvent) -> list[str]:
    return audit_event_lines(changes=event.changes, extra=event.extra)


@register.filter
def audit_subject(event: AuditEvent) -> str:
    """"Establishment — Bakery Ltd", with the model's translated name, never its table label."""
    if not event.subject_type:
        return ""
    try:
        name = str(capfirst(apps.get_model(event.subject_type)._meta.verbose_name))
    except (LookupError, ValueError):
        name = event.subject_type
    return f"{name} — {event.subject_repr or event.subject_id}"
