"""Words for the codes a case carries: states, steps, deadline units, timeline entries, documents.

Codes (``order_issued``, ``working_days``, ``follow_up_report``) are what the database and the
API keep; a person reads the labels below, in the active language. The core's procedure labels
are English source strings marked with ``gettext_noop`` in ``procedures.py`` and translated here
when shown; a plugin's labels are already translated when its procedure is built; labels an
administrator typed into a procedure definition are shown as typed. A code nobody labelled is
never shown raw: it is turned into words ("site_visit" -> "Site visit").
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from labourhub.workflow.calendar import CALENDAR_DAYS, MONTHS, WORKING_DAYS
from labourhub.workflow.procedures import Procedure, procedure_get

EVENT_KINDS = {
    "opened": _("Case opened"),
    "transition": _("Step taken"),
    "assigned": _("Assigned"),
    "deadline": _("Deadline"),
    "deadline_moved": _("Deadline moved"),
    "hearing": _("Hearing"),
    "payment": _("Payment"),
    "note": _("Note"),
    "document": _("Document"),
    "period_overridden": _("Period overridden"),
    "link": _("Linked record"),
}

DOCUMENT_KINDS = {
    "follow_up_report": _("Follow-up report"),
    "infraction_report": _("Infraction report"),
    "investigation_report": _("Investigation report"),
}


def words(code: str) -> str:
    """A code no label covers, as words: never show ``snake_case`` to a person."""
    text = str(code).replace("_", " ").replace(".", " ").strip()
    return text[:1].upper() + text[1:]


def label_text(label: str) -> str:
    """A stored or declared label in the active language (as is when there is no translation)."""
    return gettext(label) if label else ""


def unit_text(amount: int, unit: str) -> str:
    """``10 working_days`` -> "10 working days" / "10 días hábiles"."""
    if unit == WORKING_DAYS:
        text = ngettext("%(n)d working day", "%(n)d working days", amount)
    elif unit == CALENDAR_DAYS:
        text = ngettext("%(n)d calendar day", "%(n)d calendar days", amount)
    elif unit == MONTHS:
        text = ngettext("%(n)d month", "%(n)d months", amount)
    else:
        return f"{amount} {words(unit)}"
    return text % {"n": amount}


def event_kind_text(kind: str) -> str:
    label = EVENT_KINDS.get(kind)
    return str(label) if label is not None else words(kind)


def document_kind_text(kind: str) -> str:
    from labourhub.documents.kinds import kind_get

    label = DOCUMENT_KINDS.get(kind)
    if label is not None:
        return str(label)
    found = kind_get(kind)
    return label_text(found.label) if found is not None else words(kind)


class ProcedureWords:
    """Looks procedures up once per page, however many rows name them."""

    def __init__(self) -> None:
        self._procedures: dict[str, Procedure | None] = {}

    def procedure(self, code: str) -> Procedure | None:
        if code not in self._procedures:
            self._procedures[code] = procedure_get(code)
        return self._procedures[code]

    def procedure_text(self, code: str) -> str:
        proc = self.procedure(code)
        return label_text(proc.label) if proc is not None else words(code)

    def state_text(self, procedure: str, state: str) -> str:
        if not state:
            return ""
        proc = self.procedure(procedure)
        if proc is None:
            return words(state)
        found = proc.state(state)
        return label_text(found.label) if found.label != state else words(state)

    def step_text(self, procedure: str, name: str) -> str:
        proc = self.procedure(procedure)
        step = proc.transition(name) if proc is not None else None
        return label_text(step.label) if step is not None else words(name)


def case_value_labels() -> dict[str, dict[str, str]]:
    """Labels of the codes a case's audit events carry, for the audit page (all procedures)."""
    from labourhub.workflow.models import ProcedureConfig
    from labourhub.workflow.procedures import (
        CORE_PROCEDURES,
        plugin_procedures,
        procedure_from_dict,
    )

    procedures = {**CORE_PROCEDURES, **plugin_procedures()}
    for row in ProcedureConfig.objects.all():
        try:
            procedures[row.code] = procedure_from_dict(row.definition)
        except ValidationError:
            continue
    states: dict[str, str] = {}
    steps: dict[str, str] = {}
    limits: dict[str, str] = {}
    for proc in procedures.values():
        states.update((s.code, label_text(s.label)) for s in proc.states)
        steps.update((t.name, label_text(t.label)) for t in proc.transitions)
        for limit in (*proc.initial_limits, *(x for t in proc.transitions for x in t.starts)):
            limits[limit.code] = label_text(limit.label)
    documents = {code: str(label) for code, label in DOCUMENT_KINDS.items()}
    return {
        "procedure": {code: label_text(p.label) for code, p in procedures.items()},
        "state": states,
        "transition": steps,
        "deadlines_met": limits,
        "deadlines_started": limits,
        "code": limits,
        "kind": {**{k: str(v) for k, v in EVENT_KINDS.items()}, **documents},
    }
