"""The Department of Labour's procedures under the Labour Act, as versioned data.

The Labour Code No. 37 of 2006, titled the Labour Act in the Revised Laws, is in force since
1 August 2012 (S.I. 70/2012), amended by Acts 6 of 2011 and 5 of 2020. Verified provisions:
labour officers enter a workplace without notice or warrant (s.407); an authorised officer
returns removed documents within 7 days (s.176); an oral or written order to comply, confirmed in
writing before leaving, may require a compliance plan (s.179); offences are tried on summary
conviction; the Labour Commissioner hears individual disputes (s.412), and a recommended remedy
is registered by the Tribunal within 3 weeks if accepted or forwarded to it within 2 weeks if not
(s.420). The compliance period of an order is set in the order: the pack's default is marked
"to be confirmed by the ministry". Each version applies from its ``effective_from`` date.
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Action, ProcedureType, WorkflowStep

INSPECTION = "lc_inspection"
DISPUTE = "lc_individual_dispute"
ACT = "Labour Act (No. 37 of 2006)"
TBC = "to be confirmed by the ministry"
EDIT = Action.CASE_EDIT.value
DECIDE = Action.SANCTION_DECIDE.value

INSPECTION_2012 = ProcedureType(
    code=INSPECTION,
    label=_("Labour inspection and enforcement (Labour Act)"),
    legal_basis=f"{ACT} ss.176, 179 and 407; offences on summary conviction",
    steps=(
        WorkflowStep(
            "inspection",
            _("Workplace inspected by a labour officer"),
            legal_basis=f"{ACT} s.407(a): entry without previous notice or warrant",
            next_steps=("records_removed", "stop_work", "order", "closed_compliant"),
            action=EDIT,
        ),
        WorkflowStep(
            "stop_work",
            _("Danger: stop-work or stop-use order, the area cleared"),
            legal_basis=f"{ACT} s.179: where there is danger, an order to stop using a thing, "
            f"to stop work or to clear the area (how it is lifted {TBC})",
            next_steps=("order", "closed_compliant"),
            action=EDIT,
        ),
        WorkflowStep(
            "records_removed",
            _("Documents removed against a receipt: to be returned"),
            time_limit_days=7,
            calendar_days=True,
            legal_basis=f"{ACT} s.176: returned within 7 days",
            next_steps=("order", "closed_compliant"),
            action=EDIT,
        ),
        WorkflowStep(
            "order",
            _("Order to comply issued and confirmed in writing: compliance period"),
            time_limit_days=14,
            legal_basis=f"{ACT} s.179 (the period is set in the order; default of 14 working "
            f"days {TBC})",
            next_steps=("compliance_plan", "closed_compliant", "prosecution_referral"),
            action=EDIT,
        ),
        WorkflowStep(
            "compliance_plan",
            _("Compliance plan received by the Department of Labour"),
            legal_basis=f"{ACT} s.179: in the form the Chief Occupational Safety and Health "
            f"Officer directs (time to submit and follow it {TBC})",
            next_steps=("closed_compliant", "prosecution_referral"),
            action=EDIT,
        ),
        WorkflowStep(
            "prosecution_referral",
            _("Referred for prosecution before the Magistrate"),
            legal_basis=f"{ACT}: offences tried on summary conviction",
            next_steps=("conviction", "closed_compliant"),
            action=DECIDE,
        ),
        WorkflowStep(
            "conviction",
            _("Conviction recorded: penalty set by the Magistrate"),
            legal_basis=f"{ACT}: penalty within the maximum of the offence",
            action=DECIDE,
        ),
        WorkflowStep(
            "closed_compliant",
            _("Closed: the employer complied"),
            legal_basis=f"{ACT} s.179",
            action=EDIT,
        ),
    ),
)

DISPUTE_2012 = ProcedureType(
    code=DISPUTE,
    label=_("Individual dispute before the Labour Commissioner"),
    legal_basis=f"{ACT} ss.412, 420 and 422",
    steps=(
        WorkflowStep(
            "complaint",
            _("Complaint received by the Labour Commissioner"),
            legal_basis=f"{ACT} s.412",
            next_steps=("conciliation", "hearing"),
            action=EDIT,
        ),
        WorkflowStep(
            "conciliation",
            _("Conciliation between the parties by a labour officer"),
            legal_basis=f"{ACT} s.412: the Labour Commissioner deals with the complaint "
            f"(conciliation before a hearing, and its period, {TBC})",
            next_steps=("settled", "hearing"),
            action=EDIT,
        ),
        WorkflowStep(
            "settled",
            _("Settled by the parties at conciliation"),
            legal_basis=f"{ACT} s.412 ({TBC})",
            action=EDIT,
        ),
        WorkflowStep(
            "hearing",
            _("Parties summoned and heard by the Labour Commissioner"),
            legal_basis=f"{ACT} s.412; refusing the summons is an offence (s.422(2))",
            next_steps=("remedy_accepted", "remedy_rejected"),
            action=EDIT,
        ),
        WorkflowStep(
            "remedy_accepted",
            _("Recommended remedy accepted: registration by the Labour Tribunal"),
            time_limit_days=21,
            calendar_days=True,
            legal_basis=f"{ACT} s.420: registered by the Tribunal within 3 weeks",
            next_steps=("registered",),
            action=EDIT,
        ),
        WorkflowStep(
            "remedy_rejected",
            _("Recommended remedy not accepted: forwarding to the Labour Tribunal"),
            time_limit_days=14,
            calendar_days=True,
            legal_basis=f"{ACT} s.420: forwarded to the Tribunal within 2 weeks",
            next_steps=("forwarded",),
            action=EDIT,
        ),
        WorkflowStep(
            "registered",
            _("Remedy registered by the Labour Tribunal"),
            legal_basis=f"{ACT} s.420",
            action=EDIT,
        ),
        WorkflowStep(
            "forwarded",
            _("Dispute forwarded to the Labour Tribunal"),
            legal_basis=f"{ACT} s.420",
            action=EDIT,
        ),
    ),
)

# (effective_from, procedures): the Labour Code came into force on 1 August 2012 (S.I. 70/2012).
VERSIONS: tuple[tuple[dt.date, tuple[ProcedureType, ...]], ...] = (
    (dt.date(2012, 8, 1), (INSPECTION_2012, DISPUTE_2012)),
)


def procedures_on(day: dt.date) -> tuple[ProcedureType, ...]:
    """The versions in effect on ``day``."""
    current = [(start, p) for start, p in VERSIONS if start <= day]
    return max(current, key=lambda pair: pair[0])[1] if current else ()
