from django.urls import path

from labourhub.connectors import views

app_name = "connectors"

urlpatterns = [
    path("", views.source_list_view, name="source-list"),
    path("<int:source_id>/", views.source_detail_view, name="source-detail"),
    path("<int:source_id>/toggle/", views.source_toggle_view, name="source-toggle"),
    path("<int:source_id>/run/", views.run_start_view, name="run-start"),
    path("runs/<int:run_id>/", views.run_detail_view, name="run-detail"),
    path(
        "inspections/<int:inspection_id>/observed/",
        views.observed_record_view,
        name="observed-record",
    ),
]
