"""Procedures as data: states, transitions, who may act, required documents, legal time limits.

Sources, in order of precedence: an administrator's ``ProcedureConfig`` row, a country plugin's
``register_procedure_types`` hook (its declared ``ProcedureType`` converted by
``procedure_from_type``), the core defaults (``core_procedures``). Every source runs on the same
engine. The shapes (``Procedure``, ``State``, ``Transition``, ``TimeLimit``) live in
``procedure_types`` and the core defaults in ``core_procedures``; both are re-exported here.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _

from labourhub.accounts.roles import Action
from labourhub.extensions.types import ProcedureType
from labourhub.workflow.calendar import CALENDAR_DAYS, UNITS, WORKING_DAYS
from labourhub.workflow.core_procedures import (
    ACCIDENT,
    COMPLAINT,
    CORE_PROCEDURES,
    DISPUTE,
    ENFORCEMENT,
)
from labourhub.workflow.procedure_types import (
    CLOSE_OUTCOMES,
    Procedure,
    State,
    TimeLimit,
    Transition,
)

__all__ = [
    "ACCIDENT",
    "COMPLAINT",
    "CORE_PROCEDURES",
    "DISPUTE",
    "ENFORCEMENT",
    "Procedure",
    "State",
    "TimeLimit",
    "Transition",
    "plugin_procedures",
    "procedure_from_dict",
    "procedure_from_type",
    "procedure_get",
    "procedure_validate",
]


def procedure_from_dict(data: Mapping[str, Any], *, source: str = "admin") -> Procedure:
    """Build and validate a procedure from JSON; raises ValidationError with a readable message."""
    try:

        def limits(raw: Any) -> tuple[TimeLimit, ...]:
            return tuple(TimeLimit(**item) for item in raw or ())

        states = tuple(State(**s) for s in data["states"])
        transitions = tuple(
            Transition(
                name=t["name"],
                label=t.get("label", t["name"]),
                source=tuple(t["source"]),
                target=t["target"],
                action=t.get("action", Action.CASE_EDIT.value),
                required_documents=tuple(t.get("required_documents", ())),
                starts=limits(t.get("starts")),
                meets=tuple(t.get("meets", ("*",))),
                waits_for=tuple(t.get("waits_for", ())),
                closes_as=str(t.get("closes_as", "")),
            )
            for t in data["transitions"]
        )
        proc = Procedure(
            code=str(data["code"]),
            label=str(data.get("label", data["code"])),
            states=states,
            initial=str(data["initial"]),
            transitions=transitions,
            initial_limits=limits(data.get("initial_limits")),
            source=source,
            orders_from_findings=str(data.get("orders_from_findings", "")),
        )
    except (KeyError, TypeError) as exc:
        raise ValidationError(
            _("The procedure definition is incomplete: %(e)s") % {"e": exc}
        ) from exc
    procedure_validate(proc)
    return proc


def procedure_validate(proc: Procedure) -> None:
    codes = {s.code for s in proc.states}
    errors: list[str] = []
    if proc.initial not in codes:
        errors.append(_("The initial state %(s)s is not a state.") % {"s": proc.initial})
    actions = {a.value for a in Action}
    limits = list(proc.initial_limits)
    for t in proc.transitions:
        errors.extend(
            _("Transition %(t)s uses unknown state %(s)s.") % {"t": t.name, "s": s}
            for s in (*t.source, t.target)
            if s not in codes
        )
        if t.action not in actions:
            errors.append(_("Transition %(t)s needs an unknown permission.") % {"t": t.name})
        if t.closes_as and t.closes_as not in CLOSE_OUTCOMES:
            errors.append(_("Transition %(t)s closes deadlines in an unknown way.") % {"t": t.name})
        limits.extend(t.starts)
    if proc.orders_from_findings not in ("", "auto", "propose"):
        errors.append(_("Orders from findings must be “auto” or “propose”."))
    errors.extend(
        _("Time limit %(c)s is not valid.") % {"c": lim.code}
        for lim in limits
        if lim.unit not in UNITS or not 0 <= lim.amount <= 3650
    )
    if errors:
        raise ValidationError(errors)


def procedure_from_type(declared: ProcedureType, *, source: str = "plugin") -> Procedure:
    """The engine's procedure for a plugin's declared ``ProcedureType``.

    Each step is a state; the case starts in the first step. Moving into step ``s`` is the
    transition named ``s``, allowed from every step that lists ``s`` in ``next_steps`` and
    guarded by ``s.action``. A step's time limit starts when the case enters it and is met when
    the case leaves it. A step without ``next_steps`` is final. A declared waiting period is a
    time limit started by entering its ``opened_by`` step, and the steps it ``blocks`` wait for
    it (``Transition.waits_for``), so the engine's legal guard applies.
    """

    def limit_of(step: Any) -> tuple[TimeLimit, ...]:
        if step.time_limit_days is None:
            return ()
        unit = CALENDAR_DAYS if step.calendar_days else WORKING_DAYS
        return (
            TimeLimit(
                code=step.code, label=str(step.label), amount=step.time_limit_days, unit=unit
            ),
        )

    if not declared.steps:
        raise ValidationError(_("The procedure %(p)s has no steps.") % {"p": declared.code})
    by_code = {step.code: step for step in declared.steps}
    periods = tuple(getattr(declared, "waiting_periods", ()))

    def opened_in(step_code: str) -> tuple[TimeLimit, ...]:
        return tuple(
            TimeLimit(
                code=p.code,
                label=str(p.label),
                amount=p.days,
                unit=CALENDAR_DAYS if p.calendar_days else WORKING_DAYS,
            )
            for p in periods
            if p.opened_by == step_code
        )

    transitions = tuple(
        Transition(
            name=step.code,
            label=str(step.label),
            source=tuple(s.code for s in declared.steps if step.code in s.next_steps),
            target=step.code,
            action=step.action,
            required_documents=step.required_documents,
            starts=limit_of(step) + opened_in(step.code),
            waits_for=tuple(p.code for p in periods if step.code in p.blocks),
        )
        for step in declared.steps
        if any(step.code in s.next_steps for s in declared.steps)
    )
    errors = [
        _("Waiting period %(w)s names unknown step %(s)s.") % {"w": p.code, "s": s}
        for p in periods
        for s in (p.opened_by, *p.blocks)
        if s not in by_code
    ]
    errors += [
        _("Step %(s)s leads to unknown step %(n)s.") % {"s": s.code, "n": n}
        for s in declared.steps
        for n in s.next_steps
        if n not in by_code
    ]
    if errors:
        raise ValidationError(errors)
    proc = Procedure(
        code=declared.code,
        label=str(declared.label),
        states=tuple(State(s.code, str(s.label), final=not s.next_steps) for s in declared.steps),
        initial=declared.steps[0].code,
        transitions=transitions,
        initial_limits=limit_of(declared.steps[0]) + opened_in(declared.steps[0].code),
        source=source,
        orders_from_findings=getattr(declared, "orders_from_findings", ""),
    )
    procedure_validate(proc)
    return proc


def plugin_procedures() -> dict[str, Procedure]:
    """The procedures the plugins active for the current ministry declare, by code."""
    from labourhub.extensions import current_hooks, flatten

    tenant = getattr(connection, "tenant", None)
    declared = flatten(current_hooks().register_procedure_types(tenant=tenant))
    return {p.code: procedure_from_type(p) for p in declared}


def procedure_get(code: str) -> Procedure | None:
    from labourhub.workflow.models import ProcedureConfig

    row = ProcedureConfig.objects.filter(code=code).first()
    if row is not None:
        return procedure_from_dict(row.definition)
    found = plugin_procedures().get(code)
    return found if found is not None else CORE_PROCEDURES.get(code)
