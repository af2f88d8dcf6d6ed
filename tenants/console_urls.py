from django.urls import path

from tenants import console_views as views

app_name = "console"

urlpatterns = [
    path("", views.console_home, name="home"),
    path(
        "ministries/<slug:slug>/plugins/", views.console_ministry_plugins, name="ministry-plugins"
    ),
    path("releases/<int:release_id>/", views.console_release, name="release"),
    path("releases/<int:release_id>/progress/", views.console_release_progress, name="progress"),
    path("audit/", views.console_audit, name="audit"),
]
