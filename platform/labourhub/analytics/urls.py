from django.urls import path

from labourhub.analytics import views

app_name = "analytics"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("drill/<slug:code>/", views.drill_view, name="drill"),
    path("drill/<slug:code>/export/", views.drill_export_view, name="drill-export"),
    path("export/<slug:code>/", views.export_view, name="export"),
    path("performance/<int:user_id>/", views.performance_view, name="performance"),
    path("team/", views.team_view, name="team"),
    path("settings/", views.settings_view, name="settings"),
    path("map/", views.division_map_view, name="map"),
    path("map/withdraw/", views.division_map_withdraw_view, name="map-withdraw"),
    path("reports/", views.report_list_view, name="reports"),
    path("reports/schedule/", views.schedule_view, name="schedule"),
    path("reports/<slug:code>/", views.report_view, name="report"),
]
