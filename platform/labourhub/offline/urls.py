from django.urls import path

from labourhub.offline import views

app_name = "offline"

urlpatterns = [
    path("", views.offline_app_view, name="app"),
    path("manifest.webmanifest", views.offline_manifest_view, name="manifest"),
    path("settings/", views.offline_settings_view, name="settings"),
    path("sw.js", views.offline_service_worker_view, name="sw"),
]
