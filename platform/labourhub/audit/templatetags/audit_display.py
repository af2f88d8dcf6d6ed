"""Template filters that turn a stored audit event into words for the person reading it."""

import functools
from typing import Any

from django import template
from django.apps import apps
from django.db import models
from django.utils.text import capfirst

from labourhub.audit.events import audit_action_label
from labourhub.audit.models import AuditEvent
from labourhub.audit.payload import audit_event_lines
from labourhub.audit.value_labels import audit_value_labels

register = template.Library()


@register.filter
def audit_label(event: AuditEvent) -> str:
    return audit_action_label(event.action)


def _subject_model(event: AuditEvent) -> type[models.Model] | None:
    if not event.subject_type:
        return None
    try:
        return apps.get_model(event.subject_type)
    except (LookupError, ValueError):
        return None


@functools.cache
def _choices(model: type[models.Model]) -> dict[str, dict[Any, Any]]:
    return {
        field.name: dict(field.flatchoices)
        for field in model._meta.get_fields()
        if isinstance(field, models.Field) and field.choices
    }


@register.filter
def audit_lines(event: AuditEvent) -> list[str]:
    model = _subject_model(event)
    choices = {**(_choices(model) if model else {}), **audit_value_labels(event.subject_type)}
    return audit_event_lines(changes=event.changes, extra=event.extra, choices=choices)


@register.filter
def audit_subject(event: AuditEvent) -> str:
    """ "Establishment — Bakery Ltd", with the model's translated name, never its table label."""
    if not event.subject_type:
        return ""
    model = _subject_model(event)
    name = str(capfirst(model._meta.verbose_name)) if model else event.subject_type
    return f"{name} — {event.subject_repr or event.subject_id}"
