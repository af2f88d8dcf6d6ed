from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from labourhub.common.exceptions import ApplicationError
from labourhub.enforcement.models import Appeal, ComplianceOrder
from labourhub.enforcement.services import (
    appeal_decide,
    appeal_file,
    order_verify,
    referral_make,
    sanction_decide,
    sanction_notice_serve,
)
from labourhub.extensions.types import StepInput
from labourhub.workflow.models import Case
from labourhub.workflow.services import Actor, case_transition

_VERIFY = {
    "verify_complied": "complied",
    "verify_partly": "partly",
    "verify_not_complied": "not_complied",
}


@transaction.atomic
def enforcement_step(case: Case, transition: str, actor: Actor, data: StepInput) -> Any:
    if transition in _VERIFY:
        order = ComplianceOrder.objects.filter(case=case).order_by("-id").first()
        if order is None:
            raise ApplicationError(_("This case has no compliance order."))
        return order_verify(
            order=order,
            result=_VERIFY[transition],
            actor=actor,
            note=data.note,
            documents=data.documents,
            new_days=data.days,
        )
    if transition == "serve_notice":
        return sanction_notice_serve(
            case=case, actor=actor, documents=data.documents, note=data.note
        )
    if transition in ("decide_sanction", "decide_no_sanction"):
        return sanction_decide(
            case=case,
            actor=actor,
            impose=transition == "decide_sanction",
            note=data.note,
            documents=data.documents,
            override_reason=data.override_reason,
        )
    if transition == "file_appeal":
        return appeal_file(case=case, grounds=data.note, actor=actor, documents=data.documents)
    if transition in ("decide_appeal", "annul"):
        appeal = Appeal.objects.filter(case=case, outcome=Appeal.Outcome.PENDING).first()
        if appeal is None:
            raise ApplicationError(_("There is no pending appeal on this case."))
        outcome = (
            Appeal.Outcome.ANNULLED
            if transition == "annul"
            else Appeal.Outcome.REDUCED
            if data.amount
            else Appeal.Outcome.UPHELD
        )
        return appeal_decide(
            appeal=appeal, outcome=outcome, new_amount=data.amount, actor=actor, note=data.note
        )
    if transition == "refer":
        return referral_make(
            case=case, to=data.choice or "attorney_general", reason=data.note, actor=actor
        )
    if transition == "record_paid":
        raise ApplicationError(_("Record the payment instead; the case closes when it is paid."))
    return case_transition(
        case=case,
        transition=transition,
        actor=actor,
        note=data.note,
        documents=data.documents,
        override_reason=data.override_reason,
    )


def enforcement_panel(case: Case, user: Any) -> dict[str, Any]:
    from labourhub.enforcement.forms import HearingForm, PaymentForm
    from labourhub.enforcement.models import Fine
    from labourhub.enforcement.services import fine_balance
    from labourhub.workflow.services import ministry_today

    fine = Fine.objects.filter(case=case).select_related("decision").first()
    return {
        "fine": fine,
        "fine_balance": fine_balance(fine=fine, on=ministry_today()) if fine else None,
        "payment_form": PaymentForm(),
        "hearing_form": HearingForm(),
        **chain_panel(case, user),
    }


def chain_panel(case: Case, user: Any) -> dict[str, Any]:
    """The suggested penalty per violation before the decision, and the court record after a
    referral to court (enforcement cases only)."""
    from labourhub.accounts.roles import Action
    from labourhub.accounts.selectors import user_can
    from labourhub.enforcement.forms import CourtHearingForm, CourtJudgementForm, CourtOpenForm
    from labourhub.enforcement.models import Referral
    from labourhub.enforcement.selectors import case_court
    from labourhub.enforcement.services import penalty_preview

    if case.procedure != "enforcement":
        return {}
    penalties, missing = penalty_preview(case=case) if case.state == "notice_served" else ([], [])
    return {
        "penalties": penalties,
        "penalties_total": sum((p.amount for p in penalties), 0),
        "penalties_missing": missing,
        "can_decide": user_can(user=user, action=Action.SANCTION_DECIDE, office=case.office),
        "court": case_court(case=case),
        "to_court": Referral.objects.filter(case=case, to=Referral.To.COURT).exists(),
        "court_open_form": CourtOpenForm(),
        "court_hearing_form": CourtHearingForm(),
        "court_judgement_form": CourtJudgementForm(),
    }
