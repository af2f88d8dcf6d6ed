from django.urls import path

from labourhub.enforcement import apis

urlpatterns = [
    path(
        "cases/<int:case_id>/chain/", apis.EnforcementChainApi.as_view(), name="enforcement-chain"
    ),
    path(
        "cases/<int:case_id>/penalties/",
        apis.PenaltyAdjustApi.as_view(),
        name="enforcement-penalty",
    ),
    path("cases/<int:case_id>/court/", apis.CourtProceedingApi.as_view(), name="enforcement-court"),
    path(
        "cases/<int:case_id>/court/hearings/",
        apis.CourtHearingApi.as_view(),
        name="enforcement-court-hearing",
    ),
    path(
        "cases/<int:case_id>/court/judgement/",
        apis.CourtJudgementApi.as_view(),
        name="enforcement-court-judgement",
    ),
    path(
        "inspections/<int:inspection_id>/findings/",
        apis.FindingsToCaseApi.as_view(),
        name="enforcement-findings",
    ),
    path(
        "inspections/<int:inspection_id>/proposal/",
        apis.ProposalDecisionApi.as_view(),
        name="enforcement-proposal",
    ),
]
