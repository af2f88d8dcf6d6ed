"""The Department of Labour's inspection and prosecution procedure, as versioned data.

Verified in the pack's sources: the Shop and Office Employees (Regulation of Employment and
Remuneration) Act No. 19 of 1954 (hours s.3, records s.18, prosecution for s.13 breaches s.15),
and that findings lead to prosecution by the labour officer in the Magistrate's Court, where the
court sets the penalty. No statutory step timetable was found: the notice's compliance period is
marked "to be confirmed by the ministry", and no other limit is invented. Labels are English
message ids translated in the pack's Sinhala catalogue (English is the fallback).
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Action, ProcedureType, WorkflowStep

PROCEDURE = "lk_inspection"
NOTICE_STEP = "notice"
TBC = "to be confirmed by the ministry"
EDIT = Action.CASE_EDIT.value
DECIDE = Action.SANCTION_DECIDE.value
SHOP_OFFICE = (
    "Shop and Office Employees (Regulation of Employment and Remuneration) Act No. 19 of 1954"
)
OTHER_LAWS = f"Wages Boards Ordinance; Factories Ordinance ({TBC})"

INSPECTION_1954 = ProcedureType(
    code=PROCEDURE,
    label=_("Labour inspection and prosecution (Department of Labour)"),
    legal_basis=f"{SHOP_OFFICE}; {OTHER_LAWS}",
    steps=(
        WorkflowStep(
            "inspection",
            _("Inspection of the workplace by a labour officer"),
            legal_basis=f"{SHOP_OFFICE}; {OTHER_LAWS}",
            next_steps=(NOTICE_STEP, "closed"),
            action=EDIT,
        ),
        WorkflowStep(
            NOTICE_STEP,
            _("Notice to comply served on the employer"),
            time_limit_days=14,
            legal_basis=f"{SHOP_OFFICE}: compliance period of the notice ({TBC})",
            next_steps=("compliance", "prosecution"),
            action=EDIT,
        ),
        WorkflowStep(
            "compliance",
            _("Compliance verified on a follow-up visit"),
            legal_basis=SHOP_OFFICE,
            next_steps=("closed",),
            action=EDIT,
        ),
        WorkflowStep(
            "prosecution",
            _("Prosecution in the Magistrate's Court"),
            legal_basis=f"{SHOP_OFFICE} s.15 (prosecution for s.13 breaches); {OTHER_LAWS}",
            next_steps=("judgement",),
            action=DECIDE,
        ),
        WorkflowStep(
            "judgement",
            _("Judgement of the Magistrate's Court recorded"),
            legal_basis="Penalty set by the court per Act and section",
            action=DECIDE,
        ),
        WorkflowStep(
            "closed",
            _("Inspection closed"),
            legal_basis=SHOP_OFFICE,
            action=EDIT,
        ),
    ),
)

# (effective_from, procedure): the Act of 9 August 1954.
VERSIONS: tuple[tuple[dt.date, ProcedureType], ...] = ((dt.date(1954, 8, 9), INSPECTION_1954),)


def procedure_on(day: dt.date) -> ProcedureType | None:
    """The version in effect on ``day``."""
    current = [(start, p) for start, p in VERSIONS if start <= day]
    return max(current, key=lambda pair: pair[0])[1] if current else None
