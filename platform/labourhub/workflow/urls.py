from django.urls import path

from labourhub.workflow import views

app_name = "workflow"

urlpatterns = [
    path("", views.case_list_view, name="case-list"),
    path("export.csv", views.case_export_view, name="case-export"),
    path("<int:case_id>/", views.case_detail_view, name="case-detail"),
    path("overdue/", views.overdue_board_view, name="overdue"),
    path("calendar/", views.calendar_view, name="calendar"),
    path("calendar/<int:day_id>/remove/", views.calendar_remove_view, name="calendar-remove"),
    path("alerts/", views.alert_list_view, name="alerts"),
]
