"""Value types that hooks return. Plain frozen dataclasses: no ORM, no I/O.

The core's engines (workflow, inspections, documents, analytics) turn these declarations into
behaviour; a plugin only declares.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, Protocol, runtime_checkable

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

Label = str | Promise


@dataclass(frozen=True)
class MenuItem:
    """A link in the staff menu, shown to users whose role allows ``action`` (an Action value).

    ``group`` is the task group the link is listed under: one of ``MENU_GROUPS`` ("work",
    "establishments", "cases", "reports", "administration"); an unknown value falls back to
    "work", the default.
    """

    label: Label
    url: str
    action: Any = None
    group: str = "work"


# The staff menu's task groups, in the order the menu shows them.
MENU_GROUPS: tuple[str, ...] = ("work", "establishments", "cases", "reports", "administration")


@dataclass(frozen=True)
class RoleTitle:
    """What a country calls one of the core roles (``role``: a Role value) on every page.

    ``language`` limits the title to one interface language ("" for all of them), so a pack of
    a multilingual country can title a role in each of its languages.
    """

    role: str
    title: str
    language: str = ""


@dataclass(frozen=True)
class WorkflowStep:
    """One step (state) of a procedure.

    ``time_limit_days`` is the legal limit to complete the step, counted from the day the case
    enters it, in working days on the ministry's calendar unless ``calendar_days`` is set; the
    deadline is met when the case moves on. ``next_steps`` are the steps a case may move to from
    here (none: the step is final). ``action`` is the permission (an Action value, e.g.
    ``"registration.decide"``) a user needs to move a case *into* this step.
    """

    code: str
    label: Label
    time_limit_days: int | None = None
    calendar_days: bool = False
    legal_basis: str = ""
    next_steps: tuple[str, ...] = ()
    action: str = "case.edit"
    required_documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class WaitingPeriod:
    """A period the law grants the other party (e.g. the employer's right to respond).

    It starts when a case enters step ``opened_by`` and lasts ``days`` (working days on the
    ministry's calendar unless ``calendar_days``); while it runs, moving the case into any of
    the ``blocks`` steps is refused with the date it ends, unless a role holding
    ``legal_period.override`` gives a reason (audited). ``legal_basis`` cites the law;
    ``confirmed=False`` marks a length the ministry's legal office has still to confirm.
    """

    code: str
    label: Label
    days: int
    opened_by: str
    blocks: tuple[str, ...]
    legal_basis: str
    calendar_days: bool = False
    confirmed: bool = True

    def __post_init__(self) -> None:
        if not 0 < self.days <= 3650:
            raise ValueError(f"waiting period {self.code!r}: days must be between 1 and 3650")
        if not self.blocks or not self.legal_basis:
            raise ValueError(f"waiting period {self.code!r} needs the steps it blocks and a law")


@dataclass(frozen=True)
class ProcedureType:
    """A procedure a plugin declares; a case starts in the first step."""

    code: str
    label: Label
    steps: tuple[WorkflowStep, ...]
    legal_basis: str = ""
    # "auto": an inspection's non-compliant findings open the compliance order at once;
    # "propose": the supervisor confirms it first. Empty: the core default ("propose").
    orders_from_findings: str = ""
    # Periods granted to the other party that hold back later steps (see ``WaitingPeriod``).
    waiting_periods: tuple[WaitingPeriod, ...] = ()


@dataclass
class StepInput:
    """What the user submitted with a step (note, documents, amount, days, a choice)."""

    note: str = ""
    documents: list[dict[str, Any]] = field(default_factory=list)
    amount: Decimal | None = None
    days: int | None = None
    choice: str = ""
    # Given by an authorised role to act before a period granted to the other party ends.
    override_reason: str = ""


@dataclass(frozen=True)
class StepHandler:
    """Carries out the transitions of ``procedure`` (called as ``handle(case, transition,
    actor, data)``) when they need more than moving the case, e.g. recording a fine."""

    procedure: str
    handle: Callable[[Any, str, Any, StepInput], Any]


@dataclass(frozen=True)
class CasePanel:
    """An extra section on the page of cases of ``procedure``: a namespaced template and a
    function ``context(case, user) -> dict`` giving its variables."""

    procedure: str
    template: str
    context: Callable[[Any, Any], dict[str, Any]]


@dataclass(frozen=True)
class HomeRow:
    """One thing to act on in a home-page panel: ``label`` links to ``url`` where the user acts.

    ``tag`` is a short status shown beside it; ``tone`` colours the tag (``"red"``,
    ``"yellow"``, ``"green"``, ``"blue"``, ``"grey"`` or ``""`` for the default).
    """

    label: Label
    url: str
    detail: Label = ""
    tag: Label = ""
    tone: str = ""


@dataclass(frozen=True)
class HomePanel:
    """A work-queue panel on the staff home page.

    Shown to users whose role allows ``action`` (an Action value) and, when ``roles`` is not
    empty, who hold one of those roles. ``rows(user)`` returns the ``HomeRow`` items to act on,
    at most ``limit`` of them (it is called only for users who see the panel); ``url`` is the
    full list and ``empty`` the text shown when there is nothing to do.
    """

    code: str
    title: Label
    action: Any
    rows: Callable[[Any], list[HomeRow]]
    url: str = ""
    empty: Label = ""
    roles: tuple[str, ...] = ()
    limit: int = 8


@dataclass(frozen=True)
class ChecklistItem:
    """A yes/no question; "no" is the violation. ``child_labour=True`` (since 1.4.0) makes a
    "no" a child-labour finding, which raises the child-labour alert at once."""

    code: str
    question: Label
    legal_basis: str = ""
    child_labour: bool = False


@dataclass(frozen=True)
class ChecklistDefinition:
    """``sector`` (since 1.4.0) names the economic sector a sector checklist is for."""

    code: str
    label: Label
    version: str
    items: tuple[ChecklistItem, ...]
    sector: str = ""


@dataclass(frozen=True)
class DocumentTemplate:
    """A letter or certificate kind. ``code`` is the document kind (e.g. ``"hn_union_cert"``),
    ``prefix`` the number prefix (``"TU"`` gives TU-2026-000001), ``texts`` the starter text per
    language: ``{"es": ("Title", "<p>Body in the letter template language</p>")}``. The
    ministry's administrators edit the text afterwards like any core letter.

    Since 1.4.0: ``layout`` ``"sections"`` or ``"columns"`` starts the letter in the first two
    languages of ``texts`` (in their order) instead of one; ``letterhead`` gives lines printed
    under the ministry's name, one per language, e.g. the department's name in each official
    language of a bilingual or trilingual letterhead."""

    code: str
    label: Label
    prefix: str
    texts: dict[str, tuple[str, str]]
    layout: str = ""
    letterhead: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AssignmentRule:
    """``pick(candidates, case)`` narrows or orders candidate inspectors; it must not write."""

    code: str
    label: Label
    pick: Callable[[list[Any], Any], list[Any]]


FieldType = Literal["text", "integer", "decimal", "date", "boolean", "choice"]

EXTRA_REQUIRED = gettext_noop("This field is required.")
EXTRA_INVALID = gettext_noop("Enter a valid value.")
EXTRA_BAD_CHOICE = gettext_noop("Choose one of: %(choices)s.")
EXTRA_PATTERN = gettext_noop("This value does not have the expected format.")
EXTRA_UNKNOWN = gettext_noop("This field is not defined for this ministry.")
EXTRA_TOO_LONG = gettext_noop("At most %(max)d characters.")


@dataclass(frozen=True)
class ExtraField:
    """A country field added to a core entity (establishments, cases); ``clean`` validates a
    value and returns its JSON-ready form or raises a translated ``ValidationError``."""

    key: str
    label: str | Promise
    type: FieldType = "text"
    required: bool = False
    choices: tuple[tuple[str, str | Promise], ...] = ()
    pattern: str = ""
    max_length: int = 200
    help_text: str | Promise = ""
    unique_id: bool = field(default=False)  # an identifier: used for duplicate detection

    def clean(self, raw: Any) -> Any:
        """Return the JSON-ready value or raise a translated ``ValidationError``."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise ValidationError(_(EXTRA_REQUIRED))
            return None
        if self.type == "text":
            value = str(raw).strip()
            if len(value) > self.max_length:
                raise ValidationError(_(EXTRA_TOO_LONG) % {"max": self.max_length})
            if self.pattern and not re.fullmatch(self.pattern, value):
                raise ValidationError(_(EXTRA_PATTERN))
            return value
        if self.type == "choice":
            value = str(raw).strip()
            if value not in {k for k, _label in self.choices}:
                keys = ", ".join(k for k, _label in self.choices)
                raise ValidationError(_(EXTRA_BAD_CHOICE) % {"choices": keys})
            return value
        try:
            if self.type == "integer":
                return int(str(raw).strip())
            if self.type == "decimal":
                return str(Decimal(str(raw).strip()))
            if self.type == "date":
                if isinstance(raw, dt.date):
                    return raw.isoformat()
                return dt.date.fromisoformat(str(raw).strip()).isoformat()
            if self.type == "boolean":
                text = str(raw).strip().lower()
                if text in {"1", "true", "yes", "si", "sí", "y"}:
                    return True
                if text in {"0", "false", "no", "n"}:
                    return False
        except (ValueError, InvalidOperation):
            pass
        raise ValidationError(_(EXTRA_INVALID))


@dataclass(frozen=True)
class SignedPdf:
    pdf: bytes
    provider: str
    data: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class SignatureProvider(Protocol):
    """Signs the exact PDF bytes of a document and returns what is stored (e.g. PAdES)."""

    slug: str

    def sign(self, *, pdf: bytes, signer: Any, document_number: str) -> SignedPdf: ...


@dataclass(frozen=True)
class ReportDefinition:
    code: str
    label: Label
    columns: tuple[str, ...]
    rows: Callable[..., list[dict[str, Any]]]


@dataclass(frozen=True)
class IndicatorDefinition:
    """A number the LMI website or a dashboard can publish; ``compute(tenant)`` returns it."""

    code: str
    label: Label
    unit: str
    compute: Callable[..., float | int | None]
    tags: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class InboxDocumentKind:
    """A kind of formal notification staff may serve to an employer's electronic inbox."""

    code: str
    label: Label


@dataclass(frozen=True)
class EstablishmentReportKind:
    """A report employers file about their workforce from the portal (e.g. a temporary closure).

    ``has_end`` asks for the last day the measure applies (a flexible arrangement or a temporary
    closure ends; a permanent closure does not).
    """

    code: str
    label: Label
    help_text: Label = ""
    has_end: bool = False


@dataclass(frozen=True)
class PortalPage:
    """A page a plugin adds to the employer or worker portal, at /portal/x/<plugin-slug>/<slug>/.

    ``view(request)`` receives a signed-in portal account of ``audience`` ("employer" or
    "worker"); ``request.account`` is its portal profile. It is linked in the portal menu.
    """

    slug: str
    label: Label
    view: Callable[..., Any]
    audience: Literal["employer", "worker"]
