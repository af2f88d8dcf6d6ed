from django.urls import path

from labourhub.inspections import apis

urlpatterns = [
    path("", apis.InspectionListApi.as_view(), name="inspection-list"),
    path("create/", apis.InspectionCreateApi.as_view(), name="inspection-create"),
    path("mine/", apis.InspectionMineApi.as_view(), name="inspection-mine"),
    path(
        "checklist-versions/", apis.ChecklistVersionListApi.as_view(), name="checklist-version-list"
    ),
    path(
        "establishments/<int:establishment_id>/history/",
        apis.EstablishmentInspectionHistoryApi.as_view(),
        name="inspection-history",
    ),
    path("<int:inspection_id>/", apis.InspectionDetailApi.as_view(), name="inspection-detail"),
    path(
        "<int:inspection_id>/authorise/",
        apis.InspectionAuthoriseApi.as_view(),
        name="inspection-authorise",
    ),
    path(
        "<int:inspection_id>/assign/", apis.InspectionAssignApi.as_view(), name="inspection-assign"
    ),
    path(
        "<int:inspection_id>/assignments/<int:assignment_id>/replay/",
        apis.AssignmentReplayApi.as_view(),
        name="inspection-assignment-replay",
    ),
    path(
        "<int:inspection_id>/visit/start/",
        apis.InspectionVisitStartApi.as_view(),
        name="inspection-visit-start",
    ),
    path(
        "<int:inspection_id>/answers/",
        apis.InspectionAnswersSaveApi.as_view(),
        name="inspection-answers",
    ),
    path(
        "<int:inspection_id>/evidence/",
        apis.InspectionEvidenceUploadApi.as_view(),
        name="inspection-evidence",
    ),
    path(
        "<int:inspection_id>/refuse-entry/",
        apis.InspectionRefuseEntryApi.as_view(),
        name="inspection-refuse-entry",
    ),
    path(
        "<int:inspection_id>/submit/", apis.InspectionSubmitApi.as_view(), name="inspection-submit"
    ),
    path(
        "<int:inspection_id>/cancel/", apis.InspectionCancelApi.as_view(), name="inspection-cancel"
    ),
    path(
        "<int:inspection_id>/corrections/",
        apis.CorrectionRequestApi.as_view(),
        name="inspection-correction-request",
    ),
    path(
        "<int:inspection_id>/corrections/<int:correction_id>/decide/",
        apis.CorrectionDecideApi.as_view(),
        name="inspection-correction-decide",
    ),
]
