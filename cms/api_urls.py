from django.urls import path

from cms import apis

urlpatterns = [
    path("indicators/", apis.IndicatorListApi.as_view(), name="open-indicator-list"),
    path("indicators/<slug:code>/", apis.IndicatorDetailApi.as_view(), name="open-indicator"),
    path(
        "indicators/<slug:code>/observations/",
        apis.IndicatorObservationListApi.as_view(),
        name="open-observation-list",
    ),
]
