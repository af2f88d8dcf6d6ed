"""The core's default procedures: enforcement, complaint, labour dispute, accident.

Labels are English source strings marked with ``gettext_noop``: they are stored as they are (a
deadline keeps its label) and translated when shown (``labourhub.workflow.display``).
"""

from django.utils.translation import gettext_lazy, gettext_noop

from labourhub.accounts.roles import Action
from labourhub.workflow.calendar import CALENDAR_DAYS, MONTHS, WORKING_DAYS
from labourhub.workflow.procedure_types import Procedure, State, TimeLimit, Transition


def _limit(code: str, label: str, amount: int, unit: str = WORKING_DAYS, **kw: int) -> TimeLimit:
    return TimeLimit(code=code, label=label, amount=amount, unit=unit, **kw)


_SANCTION = Action.SANCTION_DECIDE.value

# Default time limits follow the most common values in the source countries; a country plugin
# or the ministry's administrators replace them (e.g. Colombia: 15 working days to respond).
ENFORCEMENT = Procedure(
    code="enforcement",
    label=str(gettext_lazy("Enforcement")),
    initial="order_issued",
    initial_limits=(
        _limit("order_compliance", gettext_noop("Comply with the order"), 30, CALENDAR_DAYS),
    ),
    states=(
        State("order_issued", gettext_noop("Compliance order issued")),
        State("infraction_reported", gettext_noop("Infraction reported")),
        State("notice_served", gettext_noop("Notice served; employer may respond")),
        State("sanctioned", gettext_noop("Sanction imposed; fine due")),
        State("under_appeal", gettext_noop("Under appeal")),
        State("referred", gettext_noop("Referred to court / attorney general")),
        State("closed", gettext_noop("Closed"), final=True),
    ),
    transitions=(
        Transition(
            "verify_complied", gettext_noop("Follow-up: complied"), ("order_issued",), "closed"
        ),
        Transition(
            "verify_partly",
            gettext_noop("Follow-up: partly complied (new order deadline)"),
            ("order_issued",),
            "order_issued",
            closes_as="superseded",
            starts=(
                _limit(
                    "order_compliance", gettext_noop("Comply with the order"), 15, CALENDAR_DAYS
                ),
            ),
        ),
        Transition(
            "verify_not_complied",
            gettext_noop("Follow-up: not complied"),
            ("order_issued",),
            "infraction_reported",
            required_documents=("follow_up_report",),
            closes_as="not_complied",
            starts=(
                _limit("notice_service", gettext_noop("Serve the notice to the employer"), 10),
            ),
        ),
        Transition(
            "serve_notice",
            gettext_noop("Serve sanction notice"),
            ("infraction_reported",),
            "notice_served",
            required_documents=("infraction_report",),
            starts=(_limit("employer_response", gettext_noop("Employer's right to respond"), 10),),
        ),
        Transition(
            "decide_sanction",
            gettext_noop("Decide: impose fine"),
            ("notice_served",),
            "sanctioned",
            action=_SANCTION,
            waits_for=("employer_response",),
            starts=(
                _limit("payment", gettext_noop("Pay the fine"), 15),
                _limit(
                    "appeal_window",
                    gettext_noop("Time to appeal"),
                    10,
                    warn_before=0,
                    escalate_after=0,
                ),
            ),
        ),
        Transition(
            "decide_no_sanction",
            gettext_noop("Decide: no sanction"),
            ("notice_served",),
            "closed",
            action=_SANCTION,
        ),
        Transition(
            "file_appeal",
            gettext_noop("Appeal filed"),
            ("sanctioned",),
            "under_appeal",
            starts=(_limit("appeal_decision", gettext_noop("Decide the appeal"), 30),),
        ),
        Transition(
            "decide_appeal",
            gettext_noop("Appeal decided: upheld or reduced"),
            ("under_appeal",),
            "sanctioned",
            action=_SANCTION,
            starts=(_limit("payment", gettext_noop("Pay the fine"), 15),),
        ),
        Transition(
            "annul",
            gettext_noop("Appeal decided: annulled"),
            ("under_appeal",),
            "closed",
            action=_SANCTION,
        ),
        Transition(
            "record_paid", gettext_noop("Fine paid in full"), ("sanctioned", "referred"), "closed"
        ),
        Transition(
            "refer",
            gettext_noop("Refer to court / attorney general"),
            ("sanctioned",),
            "referred",
            action=_SANCTION,
            starts=(
                _limit("referral_follow_up", gettext_noop("Follow up the referral"), 3, MONTHS),
            ),
        ),
        Transition("close", gettext_noop("Close"), ("referred",), "closed", action=_SANCTION),
    ),
)

COMPLAINT = Procedure(
    code="complaint",
    label=str(gettext_lazy("Complaint")),
    initial="received",
    initial_limits=(_limit("triage", gettext_noop("Triage the complaint"), 5),),
    states=(
        State("received", gettext_noop("Received")),
        State("to_inspection", gettext_noop("Sent to inspection")),
        State("to_conciliation", gettext_noop("Sent to conciliation")),
        State("inadmissible", gettext_noop("Not admissible"), final=True),
        State("closed", gettext_noop("Closed"), final=True),
    ),
    transitions=(
        Transition(
            "triage_inspection",
            gettext_noop("Triage: inspection"),
            ("received",),
            "to_inspection",
            starts=(_limit("inspection_start", gettext_noop("Start the inspection"), 15),),
        ),
        Transition(
            "triage_conciliation",
            gettext_noop("Triage: conciliation"),
            ("received",),
            "to_conciliation",
            starts=(
                _limit("conciliation", gettext_noop("Hold the conciliation"), 30, CALENDAR_DAYS),
            ),
        ),
        Transition(
            "triage_inadmissible",
            gettext_noop("Triage: not admissible"),
            ("received",),
            "inadmissible",
        ),
        Transition("close", gettext_noop("Close"), ("to_inspection", "to_conciliation"), "closed"),
    ),
)

DISPUTE = Procedure(
    code="dispute",
    label=str(gettext_lazy("Labour dispute")),
    initial="filed",
    initial_limits=(
        _limit("conciliation", gettext_noop("Hold the conciliation"), 30, CALENDAR_DAYS),
    ),
    states=(
        State("filed", gettext_noop("Filed")),
        State("conciliation", gettext_noop("In conciliation")),
        State("settled", gettext_noop("Settled"), final=True),
        State("referred", gettext_noop("Referred to court / arbitration"), final=True),
    ),
    transitions=(
        Transition(
            "conciliate", gettext_noop("Hearing scheduled"), ("filed",), "conciliation", meets=()
        ),
        Transition(
            "settle", gettext_noop("Settled (agreement)"), ("filed", "conciliation"), "settled"
        ),
        Transition("refer", gettext_noop("Referred"), ("filed", "conciliation"), "referred"),
    ),
)

ACCIDENT = Procedure(
    code="accident",
    label=str(gettext_lazy("Accident / occupational disease")),
    initial="notified",
    initial_limits=(_limit("investigation", gettext_noop("Investigate the accident"), 10),),
    states=(
        State("notified", gettext_noop("Notified")),
        State("investigating", gettext_noop("Under investigation")),
        State("closed", gettext_noop("Closed"), final=True),
    ),
    transitions=(
        Transition(
            "investigate",
            gettext_noop("Start investigation"),
            ("notified",),
            "investigating",
            meets=(),
        ),
        Transition(
            "close",
            gettext_noop("Close with findings"),
            ("notified", "investigating"),
            "closed",
            required_documents=("investigation_report",),
        ),
    ),
)

CORE_PROCEDURES = {p.code: p for p in (ENFORCEMENT, COMPLAINT, DISPUTE, ACCIDENT)}
