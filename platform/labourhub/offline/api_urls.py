from django.urls import path

from labourhub.offline import apis

urlpatterns = [
    path("assignments/", apis.OfflineAssignmentListApi.as_view(), name="offline-assignments"),
    path(
        "assignments/<int:inspection_id>/",
        apis.OfflineAssignmentPackApi.as_view(),
        name="offline-assignment-pack",
    ),
    path(
        "assignments/<int:inspection_id>/authorisation/",
        apis.OfflineAuthorisationPdfApi.as_view(),
        name="offline-authorisation-pdf",
    ),
    path("settings/", apis.OfflineSettingsApi.as_view(), name="offline-settings"),
    path("sync/", apis.OfflineSyncApi.as_view(), name="offline-sync"),
    path("uploads/", apis.OfflineUploadStartApi.as_view(), name="offline-upload-start"),
    path(
        "uploads/<int:upload_id>/chunk/",
        apis.OfflineUploadChunkApi.as_view(),
        name="offline-upload-chunk",
    ),
]
