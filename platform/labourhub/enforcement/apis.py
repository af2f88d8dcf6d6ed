"""The connected chain in the API: an enforcement case's orders, penalties, fine and court
record; sending findings, deciding proposals, adjusting penalties and recording court steps.

Thin views: each checks that the record is visible to the user (the selectors' scope), calls
one service (which checks the role) and answers with the case's chain.
"""

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from labourhub.accounts.permissions import HasAction, request_user
from labourhub.accounts.roles import Action
from labourhub.enforcement.models import (
    ComplianceOrder,
    CourtProceeding,
    Fine,
    OrderProposal,
    Referral,
)
from labourhub.enforcement.selectors import case_court
from labourhub.enforcement.services import (
    court_hearing_record,
    court_judgement_record,
    court_proceeding_open,
    findings_to_case,
    fine_balance,
    order_proposal_confirm,
    order_proposal_reject,
    penalty_adjust,
    penalty_preview,
)
from labourhub.workflow.models import Case
from labourhub.workflow.selectors import case_get
from labourhub.workflow.services import ministry_today


def _case(request: Request, case_id: int) -> Case:
    case = case_get(user=request_user(request), case_id=case_id)
    if case is None or case.procedure != "enforcement":
        raise Http404
    return case


def case_chain(case: Case) -> dict[str, Any]:
    orders = ComplianceOrder.objects.filter(case=case).select_related("finding__inspection")
    penalties, missing = penalty_preview(case=case) if case.state == "notice_served" else ([], [])
    fine = Fine.objects.filter(case=case).select_related("decision").first()
    court = case_court(case=case)
    return {
        "case_id": case.pk,
        "reference": case.reference,
        "state": case.state,
        "orders": [
            {
                "id": o.pk,
                "provision": o.provision,
                "requirement": o.requirement,
                "workers_affected": o.workers_affected,
                "result": o.result,
                "finding_id": o.finding_id,
                "inspection_id": o.finding.inspection_id if o.finding else None,
                "inspection_reference": o.finding.inspection.reference if o.finding else "",
            }
            for o in orders
        ],
        "penalties": [
            {
                "order_id": p.order.pk,
                "provision": p.provision,
                "legal_basis": p.legal_basis,
                "suggested": str(p.suggested),
                "minimum": str(p.minimum),
                "maximum": str(p.maximum),
                "amount": str(p.amount),
                "reason": p.reason,
            }
            for p in penalties
        ],
        "penalties_not_in_schedule": [o.pk for o in missing],
        "penalties_total": str(sum((p.amount for p in penalties), 0)),
        "fine": None
        if fine is None
        else {
            "amount": str(fine.amount),
            "computed_amount": str(fine.computed_amount),
            "currency": fine.currency,
            "balance": str(fine_balance(fine=fine, on=ministry_today())),
            "decision": None
            if fine.decision is None
            else {
                "id": fine.decision.pk,
                "number": fine.decision.number,
                "case_reference": fine.decision.context.get("case", {}).get("reference", ""),
            },
            "lines": [
                {"order_id": line.order_id, "amount": str(line.amount), "reason": line.reason}
                for line in case.penalties.all()
            ],
        },
        "court": None
        if court is None
        else {
            "court": court.court,
            "docket_number": court.docket_number,
            "status": court.status,
            "judgement": court.judgement,
            "judgement_on": court.judgement_on,
            "penalty_imposed": None
            if court.penalty_imposed is None
            else str(court.penalty_imposed),
            "appeal_court": court.appeal_court,
            "appeal_filed_on": court.appeal_filed_on,
            "hearings": [
                {"held_on": h.held_on, "summary": h.summary, "next_hearing_on": h.next_hearing_on}
                for h in court.hearings.all()
            ],
        },
    }


class EnforcementChainApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_VIEW)]

    @extend_schema(responses=dict)
    def get(self, request: Request, case_id: int) -> Response:
        return Response(case_chain(_case(request, case_id)))


class PenaltyAdjustApi(APIView):
    permission_classes = [HasAction.of(Action.SANCTION_DECIDE)]

    class InputSerializer(serializers.Serializer[Any]):
        order = serializers.IntegerField(min_value=1)
        amount = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0)
        reason = serializers.CharField(max_length=2000, allow_blank=True)

    @extend_schema(request=InputSerializer, responses=dict)
    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        order = ComplianceOrder.objects.filter(case=case, pk=v["order"]).first()
        if order is None:
            raise Http404
        penalty_adjust(
            order=order, amount=v["amount"], reason=v["reason"], actor=request_user(request)
        )
        return Response(case_chain(case))


class CourtProceedingApi(APIView):
    permission_classes = [HasAction.of(Action.SANCTION_DECIDE)]

    class InputSerializer(serializers.Serializer[Any]):
        court = serializers.CharField(max_length=200, allow_blank=True)
        docket_number = serializers.CharField(max_length=80, allow_blank=True)

    @extend_schema(request=InputSerializer, responses=dict)
    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        referral = Referral.objects.filter(case=case, to=Referral.To.COURT).order_by("-id").first()
        if referral is None:
            raise Http404
        court_proceeding_open(referral=referral, actor=request_user(request), **data.validated_data)
        return Response(case_chain(case), status=201)


def _proceeding(case: Case) -> CourtProceeding:
    found = case_court(case=case)
    if found is None:
        raise Http404
    return found


class CourtHearingApi(APIView):
    permission_classes = [HasAction.of(Action.SANCTION_DECIDE)]

    class InputSerializer(serializers.Serializer[Any]):
        held_on = serializers.DateField()
        summary = serializers.CharField(max_length=5000, allow_blank=True)
        next_hearing_on = serializers.DateField(required=False, allow_null=True)

    @extend_schema(request=InputSerializer, responses=dict)
    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        court_hearing_record(
            proceeding=_proceeding(case), actor=request_user(request), **data.validated_data
        )
        return Response(case_chain(case), status=201)


class CourtJudgementApi(APIView):
    permission_classes = [HasAction.of(Action.SANCTION_DECIDE)]

    class InputSerializer(serializers.Serializer[Any]):
        judgement = serializers.ChoiceField(choices=["upheld", "reduced", "dismissed"])
        judgement_on = serializers.DateField()
        summary = serializers.CharField(max_length=5000, allow_blank=True)
        penalty_imposed = serializers.DecimalField(
            max_digits=14, decimal_places=2, min_value=0, required=False, allow_null=True
        )
        final = serializers.BooleanField(default=True)
        appeal_court = serializers.CharField(max_length=200, required=False, allow_blank=True)
        appeal_filed_on = serializers.DateField(required=False, allow_null=True)

    @extend_schema(request=InputSerializer, responses=dict)
    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        court_judgement_record(
            proceeding=_proceeding(case), actor=request_user(request), **data.validated_data
        )
        case.refresh_from_db()
        return Response(case_chain(case))


def _inspection(request: Request, inspection_id: int) -> Any:
    from labourhub.inspections.access import _inspection as visible_inspection

    return visible_inspection(request, inspection_id)


def _proposal_out(proposal: OrderProposal) -> dict[str, Any]:
    return {
        "id": proposal.pk,
        "inspection_id": proposal.inspection_id,
        "status": proposal.status,
        "finding_ids": proposal.finding_ids,
        "case_id": proposal.case_id,
    }


class FindingsToCaseApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_EDIT)]

    @extend_schema(request=None, responses=dict)
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id)
        proposal = findings_to_case(inspection=inspection, actor=request_user(request))
        return Response(_proposal_out(proposal), status=201)


class ProposalDecisionApi(APIView):
    permission_classes = [HasAction.of(Action.CASE_SUPERVISE)]

    class InputSerializer(serializers.Serializer[Any]):
        decision = serializers.ChoiceField(choices=["confirm", "reject"])
        days = serializers.IntegerField(min_value=1, max_value=365, required=False)
        note = serializers.CharField(max_length=2000, required=False, allow_blank=True)

    @extend_schema(request=InputSerializer, responses=dict)
    def post(self, request: Request, inspection_id: int) -> Response:
        inspection = _inspection(request, inspection_id)
        proposal = OrderProposal.objects.filter(inspection=inspection).first()
        if proposal is None:
            raise Http404
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        user = request_user(request)
        if v["decision"] == "confirm":
            proposal = order_proposal_confirm(
                proposal=proposal, actor=user, days=v.get("days"), note=v.get("note", "")
            )
        else:
            proposal = order_proposal_reject(proposal=proposal, actor=user, note=v.get("note", ""))
        return Response(_proposal_out(proposal))
