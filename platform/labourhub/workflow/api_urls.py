from django.urls import path

from labourhub.workflow import apis

urlpatterns = [
    path("cases/", apis.CaseListApi.as_view(), name="workflow-case-list"),
    path("cases/<int:case_id>/", apis.CaseDetailApi.as_view(), name="workflow-case-detail"),
    path(
        "cases/<int:case_id>/transition/",
        apis.CaseTransitionApi.as_view(),
        name="workflow-case-transition",
    ),
    path("alerts/", apis.AlertListApi.as_view(), name="workflow-alert-list"),
    path("alerts/read/", apis.AlertReadApi.as_view(), name="workflow-alert-read"),
    path("calendar/days/", apis.CalendarDayApi.as_view(), name="workflow-calendar-days"),
]
