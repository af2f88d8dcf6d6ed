"""Which service carries out a transition that the UI or API asks for.

Apps whose procedures attach records to steps (a fine to "decide_sanction", a triage outcome to
"triage_*") return a ``StepHandler`` from the ``register_step_handlers`` hook, and extra case
page sections as ``CasePanel`` from ``register_case_panels``; core apps and country plugins use
the same hooks, so there is one registry. The default handler is the plain ``case_transition``.
"""

from typing import Any

from django.db import connection

from labourhub.extensions.types import CasePanel, StepHandler, StepInput
from labourhub.workflow.models import Case
from labourhub.workflow.services import Actor, case_transition

__all__ = ["StepInput", "case_panels", "case_step"]


def _tenant() -> Any:
    return getattr(connection, "tenant", None)


def _handler(procedure: str) -> StepHandler | None:
    from labourhub.extensions import current_hooks, flatten

    handlers: list[StepHandler] = flatten(current_hooks().register_step_handlers(tenant=_tenant()))
    return next((h for h in handlers if h.procedure == procedure), None)


def case_step(*, case: Case, transition: str, actor: Actor, data: StepInput) -> Any:
    """Carry out ``transition`` on ``case`` through its procedure's handler."""
    handler = _handler(case.procedure)
    if handler is not None:
        return handler.handle(case, transition, actor, data)
    return case_transition(
        case=case,
        transition=transition,
        actor=actor,
        note=data.note,
        documents=data.documents,
        limits=None,
        override_reason=data.override_reason,
    )


def case_panels(*, case: Case, user: Any) -> list[tuple[str, dict[str, Any]]]:
    from labourhub.extensions import current_hooks, flatten

    panels: list[CasePanel] = flatten(current_hooks().register_case_panels(tenant=_tenant()))
    return [
        (p.template, {"case": case, **p.context(case, user)})
        for p in panels
        if p.procedure == case.procedure
    ]
