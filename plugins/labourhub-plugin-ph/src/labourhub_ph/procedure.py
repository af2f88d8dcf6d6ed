"""DOLE's labour standards enforcement, as versioned data.

Labor Code Art. 128 (visitorial and enforcement power) with Art. 303, and DOLE Department Order
238, series of 2023 (rules on the administration and enforcement of labour standards under
Art. 128 and RA 11058, superseding DO 183-17), are verified. The Authority to Inspect is issued by
the Secretary or the Regional Director. The names of the later steps and every day count except
the appeal come from DO 183-17 practice and are marked "to be confirmed by the ministry"; the
10-day appeal is seen in a secondary source only and marked the same way. Each version applies
from its ``effective_from`` date; the newest one in effect is used.
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Action, ProcedureType, WorkflowStep

PROCEDURE = "ph_labor_inspection"
TBC = "to be confirmed by the ministry"
EDIT = Action.CASE_EDIT.value
AUTHORISE = Action.INSPECTION_AUTHORISE.value
DECIDE = Action.SANCTION_DECIDE.value
WORK_STOPPAGE_STEP = "work_stoppage_order"

INSPECTION_2023 = ProcedureType(
    code=PROCEDURE,
    label=_("Labour standards enforcement (Labor Code Art. 128, DO 238-23)"),
    legal_basis="Labor Code Arts. 128 and 303; DOLE Department Order 238, s. 2023; RA 11058",
    steps=(
        WorkflowStep(
            "programmed",
            _("Inspection programmed (Labor Inspection Program)"),
            legal_basis="DO 238-23: priority establishments and regional targets (no time limit)",
            next_steps=("authority_to_inspect",),
            action=EDIT,
        ),
        WorkflowStep(
            "authority_to_inspect",
            _("Authority to Inspect issued by the Secretary or the Regional Director"),
            legal_basis=f"Labor Code Art. 128; DO 238-23 (validity of the authority {TBC})",
            next_steps=("inspection",),
            action=AUTHORISE,
        ),
        WorkflowStep(
            "inspection",
            _("Inspection conducted with the Inspection Checklist"),
            legal_basis="Labor Code Art. 128(a); DO 238-23",
            next_steps=("notice_of_results", WORK_STOPPAGE_STEP),
            action=EDIT,
        ),
        WorkflowStep(
            WORK_STOPPAGE_STEP,
            _("Work Stoppage Order for imminent danger"),
            legal_basis="RA 11058; DO 198-18: work stoppage where workers face imminent danger "
            f"(who may lift it and when {TBC})",
            next_steps=("notice_of_results", "compliance_order"),
            action=DECIDE,
        ),
        WorkflowStep(
            "notice_of_results",
            _("Notice of Results served: correction period"),
            time_limit_days=10,
            legal_basis=f"DO 238-23 (DO 183-17 practice: about 10 working days to correct; {TBC})",
            next_steps=("closed_compliant", "mandatory_conference"),
            action=EDIT,
        ),
        WorkflowStep(
            "mandatory_conference",
            _("Mandatory conference on the deficiencies not corrected"),
            time_limit_days=5,
            legal_basis=f"DO 238-23 (days {TBC})",
            next_steps=("closed_compliant", "compliance_order"),
            action=EDIT,
        ),
        WorkflowStep(
            "compliance_order",
            _("Compliance Order issued by the Regional Director: appeal period"),
            time_limit_days=10,
            legal_basis=f"Labor Code Art. 128(b); appeal to the Secretary within 10 days of "
            f"receipt of the order (day type and appeal bond {TBC})",
            next_steps=("appeal", "order_final"),
            action=DECIDE,
        ),
        WorkflowStep(
            "appeal",
            _("Appeal to the Office of the Secretary"),
            legal_basis="Labor Code Art. 128(b)",
            next_steps=("order_final", "closed_compliant"),
            action=EDIT,
        ),
        WorkflowStep(
            "order_final",
            _("Compliance Order final and executory"),
            legal_basis=f"Labor Code Art. 128(b) ({TBC})",
            action=DECIDE,
        ),
        WorkflowStep(
            "closed_compliant",
            _("Closed: deficiencies corrected"),
            legal_basis="DO 238-23",
            action=EDIT,
        ),
    ),
)

# (effective_from, procedure): DO 238-23 was approved on 12 April 2023.
VERSIONS: tuple[tuple[dt.date, ProcedureType], ...] = ((dt.date(2023, 4, 12), INSPECTION_2023),)


def procedure_on(day: dt.date) -> ProcedureType | None:
    """The version in effect on ``day``."""
    current = [(start, p) for start, p in VERSIONS if start <= day]
    return max(current, key=lambda pair: pair[0])[1] if current else None
