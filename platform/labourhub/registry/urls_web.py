from django.urls import path

from labourhub.registry import import_views, views

app_name = "registry"

urlpatterns = [
    path("", views.establishment_list_view, name="list"),
    path("new/", views.establishment_create_view, name="create"),
    path("export.<str:fmt>", views.establishment_export_view, name="export"),
    path("duplicates/", views.duplicates_view, name="duplicates"),
    path("<int:establishment_id>/", views.establishment_detail_view, name="detail"),
    path("<int:establishment_id>/edit/", views.establishment_edit_view, name="edit"),
    path("<int:establishment_id>/merge/", views.establishment_merge_view, name="merge"),
    path("merges/<int:merge_id>/undo/", views.establishment_merge_undo_view, name="merge-undo"),
    path("imports/", import_views.import_list_view, name="imports"),
    path("imports/<int:batch_id>/", import_views.import_detail_view, name="import-detail"),
    path(
        "imports/<int:batch_id>/progress/",
        import_views.import_progress_view,
        name="import-progress",
    ),
    path("imports/<int:batch_id>/run/", import_views.import_run_view, name="import-run"),
    path(
        "imports/<int:batch_id>/errors.csv",
        import_views.import_errors_csv_view,
        name="import-errors",
    ),
]
