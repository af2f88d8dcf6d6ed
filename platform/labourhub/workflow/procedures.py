"""Procedures as data: states, transitions, who may act, required documents, legal time limits.

Sources, in order of precedence: an administrator's ``ProcedureConfig`` row, a country plugin's
``register_procedure_types`` hook (its declared ``ProcedureType`` converted by
``procedure_from_type``), the core defaults below. Every source runs on the same engine.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from labourhub.accounts.roles import Action
from labourhub.extensions.types import ProcedureType
from labourhub.workflow.calendar import CALENDAR_DAYS, MONTHS, UNITS, WORKING_DAYS


@dataclass(frozen=True)
class TimeLimit:
    code: str
    label: str
    amount: int
    unit: str = WORKING_DAYS
    # Alerts: this many working days before expiry, then to the supervisor this many after it.
    warn_before: int = 3
    escalate_after: int = 2


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    source: tuple[str, ...]
    target: str
    action: str = Action.CASE_EDIT.value
    required_documents: tuple[str, ...] = ()
    starts: tuple[TimeLimit, ...] = ()
    # Open deadlines this transition satisfies; "*" means all of them.
    meets: tuple[str, ...] = ("*",)


@dataclass(frozen=True)
class State:
    code: str
    label: str
    final: bool = False


@dataclass(frozen=True)
class Procedure:
    code: str
    label: str
    states: tuple[State, ...]
    initial: str
    transitions: tuple[Transition, ...]
    initial_limits: tuple[TimeLimit, ...] = ()
    source: str = "core"

    def state(self, code: str) -> State:
        for s in self.states:
            if s.code == code:
                return s
        return State(code, code)

    def transition(self, name: str) -> Transition | None:
        return next((t for t in self.transitions if t.name == name), None)

    def available(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.source]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _limit(code: str, label: str, amount: int, unit: str = WORKING_DAYS, **kw: int) -> TimeLimit:
    return TimeLimit(code=code, label=label, amount=amount, unit=unit, **kw)


_SANCTION = Action.SANCTION_DECIDE.value

# Default time limits follow the most common values in the source countries; a country plugin
# or the ministry's administrators replace them (e.g. Colombia: 15 working days to respond).
ENFORCEMENT = Procedure(
    code="enforcement",
    label=str(gettext_lazy("Enforcement")),
    initial="order_issued",
    initial_limits=(_limit("order_compliance", "Comply with the order", 30, CALENDAR_DAYS),),
    states=(
        State("order_issued", "Compliance order issued"),
        State("infraction_reported", "Infraction reported"),
        State("notice_served", "Notice served; employer may respond"),
        State("sanctioned", "Sanction imposed; fine due"),
        State("under_appeal", "Under appeal"),
        State("referred", "Referred to court / attorney general"),
        State("closed", "Closed", final=True),
    ),
    transitions=(
        Transition("verify_complied", "Follow-up: complied", ("order_issued",), "closed"),
        Transition(
            "verify_partly",
            "Follow-up: partly complied (new order deadline)",
            ("order_issued",),
            "order_issued",
            starts=(_limit("order_compliance", "Comply with the order", 15, CALENDAR_DAYS),),
        ),
        Transition(
            "verify_not_complied",
            "Follow-up: not complied",
            ("order_issued",),
            "infraction_reported",
            required_documents=("follow_up_report",),
            starts=(_limit("notice_service", "Serve the notice to the employer", 10),),
        ),
        Transition(
            "serve_notice",
            "Serve sanction notice",
            ("infraction_reported",),
            "notice_served",
            required_documents=("infraction_report",),
            starts=(_limit("employer_response", "Employer's right to respond", 10),),
        ),
        Transition(
            "decide_sanction",
            "Decide: impose fine",
            ("notice_served",),
            "sanctioned",
            action=_SANCTION,
            starts=(
                _limit("payment", "Pay the fine", 15),
                _limit("appeal_window", "Time to appeal", 10, warn_before=0, escalate_after=0),
            ),
        ),
        Transition(
            "decide_no_sanction",
            "Decide: no sanction",
            ("notice_served",),
            "closed",
            action=_SANCTION,
        ),
        Transition(
            "file_appeal",
            "Appeal filed",
            ("sanctioned",),
            "under_appeal",
            starts=(_limit("appeal_decision", "Decide the appeal", 30),),
        ),
        Transition(
            "decide_appeal",
            "Appeal decided: upheld or reduced",
            ("under_appeal",),
            "sanctioned",
            action=_SANCTION,
            starts=(_limit("payment", "Pay the fine", 15),),
        ),
        Transition(
            "annul", "Appeal decided: annulled", ("under_appeal",), "closed", action=_SANCTION
        ),
        Transition("record_paid", "Fine paid in full", ("sanctioned", "referred"), "closed"),
        Transition(
            "refer",
            "Refer to court / attorney general",
            ("sanctioned",),
            "referred",
            action=_SANCTION,
            starts=(_limit("referral_follow_up", "Follow up the referral", 3, MONTHS),),
        ),
        Transition("close", "Close", ("referred",), "closed", action=_SANCTION),
    ),
)

COMPLAINT = Procedure(
    code="complaint",
    label=str(gettext_lazy("Complaint")),
    initial="received",
    initial_limits=(_limit("triage", "Triage the complaint", 5),),
    states=(
        State("received", "Received"),
        State("to_inspection", "Sent to inspection"),
        State("to_conciliation", "Sent to conciliation"),
        State("inadmissible", "Not admissible", final=True),
        State("closed", "Closed", final=True),
    ),
    transitions=(
        Transition(
            "triage_inspection",
            "Triage: inspection",
            ("received",),
            "to_inspection",
            starts=(_limit("inspection_start", "Start the inspection", 15),),
        ),
        Transition(
            "triage_conciliation",
            "Triage: conciliation",
            ("received",),
            "to_conciliation",
            starts=(_limit("conciliation", "Hold the conciliation", 30, CALENDAR_DAYS),),
        ),
        Transition("triage_inadmissible", "Triage: not admissible", ("received",), "inadmissible"),
        Transition("close", "Close", ("to_inspection", "to_conciliation"), "closed"),
    ),
)

DISPUTE = Procedure(
    code="dispute",
    label=str(gettext_lazy("Labour dispute")),
    initial="filed",
    initial_limits=(_limit("conciliation", "Hold the conciliation", 30, CALENDAR_DAYS),),
    states=(
        State("filed", "Filed"),
        State("conciliation", "In conciliation"),
        State("settled", "Settled", final=True),
        State("referred", "Referred to court / arbitration", final=True),
    ),
    transitions=(
        Transition("conciliate", "Hearing scheduled", ("filed",), "conciliation", meets=()),
        Transition("settle", "Settled (agreement)", ("filed", "conciliation"), "settled"),
        Transition("refer", "Referred", ("filed", "conciliation"), "referred"),
    ),
)

ACCIDENT = Procedure(
    code="accident",
    label=str(gettext_lazy("Accident / occupational disease")),
    initial="notified",
    initial_limits=(_limit("investigation", "Investigate the accident", 10),),
    states=(
        State("notified", "Notified"),
        State("investigating", "Under investigation"),
        State("closed", "Closed", final=True),
    ),
    transitions=(
        Transition("investigate", "Start investigation", ("notified",), "investigating", meets=()),
        Transition(
            "close",
            "Close with findings",
            ("notified", "investigating"),
            "closed",
            required_documents=("investigation_report",),
        ),
    ),
)

CORE_PROCEDURES = {p.code: p for p in (ENFORCEMENT, COMPLAINT, DISPUTE, ACCIDENT)}


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
        limits.extend(t.starts)
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
    the case leaves it. A step without ``next_steps`` is final.
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
    transitions = tuple(
        Transition(
            name=step.code,
            label=str(step.label),
            source=tuple(s.code for s in declared.steps if step.code in s.next_steps),
            target=step.code,
            action=step.action,
            required_documents=step.required_documents,
            starts=limit_of(step),
        )
        for step in declared.steps
        if any(step.code in s.next_steps for s in declared.steps)
    )
    errors = [
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
        initial_limits=limit_of(declared.steps[0]),
        source=source,
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
