"""Which service carries out a transition that the UI or API asks for.

Apps whose procedures attach records to steps (a fine to "decide_sanction", a triage outcome to
"triage_*") register a handler per procedure in their AppConfig.ready(); the default is the
plain ``case_transition``. A country plugin adds handlers the same way for its own procedures.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from labourhub.workflow.models import Case
from labourhub.workflow.services import Actor, case_transition


@dataclass
class StepInput:
    note: str = ""
    documents: list[dict[str, Any]] = field(default_factory=list)
    amount: Decimal | None = None
    days: int | None = None
    choice: str = ""


Handler = Callable[[Case, str, Actor, StepInput], Any]
_HANDLERS: dict[str, Handler] = {}


def step_handler_register(procedure: str, handler: Handler) -> None:
    _HANDLERS[procedure] = handler


def case_step(*, case: Case, transition: str, actor: Actor, data: StepInput) -> Any:
    """Carry out ``transition`` on ``case`` through its procedure's handler."""
    handler = _HANDLERS.get(case.procedure)
    if handler is not None:
        return handler(case, transition, actor, data)
    return case_transition(
        case=case,
        transition=transition,
        actor=actor,
        note=data.note,
        documents=data.documents,
        limits=None,
    )


# Extra sections on the case page, per procedure: (template, context builder).
PanelContext = Callable[[Case, Any], dict[str, Any]]
_PANELS: dict[str, list[tuple[str, PanelContext]]] = {}


def case_panel_register(procedure: str, template: str, context: PanelContext) -> None:
    _PANELS.setdefault(procedure, []).append((template, context))


def case_panels(*, case: Case, user: Any) -> list[tuple[str, dict[str, Any]]]:
    return [
        (tpl, {"case": case, **ctx(case, user)}) for tpl, ctx in _PANELS.get(case.procedure, [])
    ]
