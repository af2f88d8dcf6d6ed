from django.urls import path

from labourhub.registry import apis

urlpatterns = [
    path(
        "registry/establishments/", apis.EstablishmentListApi.as_view(), name="establishment-list"
    ),
    path(
        "registry/establishments/create/",
        apis.EstablishmentCreateApi.as_view(),
        name="establishment-create",
    ),
    path(
        "registry/establishments/<int:establishment_id>/",
        apis.EstablishmentDetailApi.as_view(),
        name="establishment-detail",
    ),
    path(
        "registry/establishments/<int:establishment_id>/update/",
        apis.EstablishmentUpdateApi.as_view(),
        name="establishment-update",
    ),
    path(
        "registry/establishments/<int:establishment_id>/duplicates/",
        apis.EstablishmentDuplicatesApi.as_view(),
        name="establishment-duplicates",
    ),
    path(
        "registry/establishments/<int:establishment_id>/merge/",
        apis.EstablishmentMergeApi.as_view(),
        name="establishment-merge",
    ),
    path(
        "registry/merges/<int:merge_id>/undo/",
        apis.EstablishmentMergeUndoApi.as_view(),
        name="establishment-merge-undo",
    ),
    path("registry/imports/", apis.ImportBatchCreateApi.as_view(), name="import-create"),
    path(
        "registry/imports/<int:batch_id>/",
        apis.ImportBatchDetailApi.as_view(),
        name="import-detail",
    ),
    path(
        "registry/imports/<int:batch_id>/check/",
        apis.ImportBatchCheckApi.as_view(),
        name="import-check",
    ),
    path(
        "registry/imports/<int:batch_id>/run/", apis.ImportBatchRunApi.as_view(), name="import-run"
    ),
    path(
        "registry/imports/<int:batch_id>/errors/",
        apis.ImportBatchErrorsApi.as_view(),
        name="import-errors",
    ),
]
