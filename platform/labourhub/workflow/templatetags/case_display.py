"""Template words for case codes: ``{% load case_display %}`` (see ``workflow.display``)."""

from typing import Any

from django import template

from labourhub.workflow.display import (
    ProcedureWords,
    document_kind_text,
    event_kind_text,
    label_text,
    unit_text,
)

register = template.Library()
_KEY = "labourhub_procedure_words"


def _words(context: Any) -> ProcedureWords:
    cache = context.render_context
    if _KEY not in cache:
        cache[_KEY] = ProcedureWords()
    found: ProcedureWords = cache[_KEY]
    return found


@register.simple_tag(takes_context=True)
def case_state(context: Any, case: Any) -> str:
    """The case's state in words: ``{% case_state c %}``."""
    return _words(context).state_text(case.procedure, case.state)


@register.simple_tag(takes_context=True)
def state_text(context: Any, procedure: str, state: str) -> str:
    return _words(context).state_text(procedure, state)


@register.simple_tag(takes_context=True)
def procedure_text(context: Any, procedure: str) -> str:
    return _words(context).procedure_text(procedure)


@register.filter
def label(value: Any) -> str:
    """A stored English label (deadline, step) in the active language."""
    return label_text(str(value or ""))


@register.filter
def deadline_rule(deadline: Any) -> str:
    """``10`` + ``working_days`` -> "10 días hábiles"."""
    return unit_text(int(deadline.amount), str(deadline.unit))


@register.filter
def event_kind(kind: str) -> str:
    return event_kind_text(str(kind))


@register.filter
def document_kind(kind: str) -> str:
    return document_kind_text(str(kind))
