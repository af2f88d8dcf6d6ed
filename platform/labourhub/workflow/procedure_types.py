"""The shapes of a procedure: states, transitions between them, and the legal time limits they start."""

from dataclasses import asdict, dataclass
from typing import Any

from labourhub.accounts.roles import Action
from labourhub.workflow.calendar import WORKING_DAYS

# How a deadline can be closed (the codes of ``workflow.models.Deadline.Outcome``).
COMPLIED, NOT_COMPLIED, SUPERSEDED, PERIOD_ENDED = (
    "complied",
    "not_complied",
    "superseded",
    "period_ended",
)
CLOSE_OUTCOMES = (COMPLIED, NOT_COMPLIED, SUPERSEDED, PERIOD_ENDED)


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
    # Periods the law grants the other party (e.g. the employer's right to respond): while one
    # of these deadlines is open and not yet past, the step is refused unless overridden.
    waits_for: tuple[str, ...] = ()
    # How the deadlines this step meets are recorded as closed (see ``Deadline.Outcome``);
    # empty means "complied". A step that follows a failed follow-up says "not_complied".
    closes_as: str = ""


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
    # Enforcement: do an inspection's non-compliant findings open the compliance order at once
    # ("auto") or are they proposed to the supervisor first ("propose", the default)?
    orders_from_findings: str = ""

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
