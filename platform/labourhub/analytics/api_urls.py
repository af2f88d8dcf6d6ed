from django.urls import path

from labourhub.analytics import apis

urlpatterns = [
    path("indicators/", apis.IndicatorListApi.as_view(), name="analytics-indicator-list"),
    path("indicators/<slug:code>/", apis.IndicatorGetApi.as_view(), name="analytics-indicator-get"),
    path(
        "performance/<int:user_id>/",
        apis.PerformanceGetApi.as_view(),
        name="analytics-performance-get",
    ),
    path("reports/<slug:code>/", apis.ReportGetApi.as_view(), name="analytics-report-get"),
]
