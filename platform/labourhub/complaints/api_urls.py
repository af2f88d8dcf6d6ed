from django.urls import path

from labourhub.complaints import apis

urlpatterns = [
    path("", apis.ComplaintListApi.as_view(), name="complaint-list"),
    path("<int:complaint_id>/", apis.ComplaintDetailApi.as_view(), name="complaint-detail"),
    path(
        "<int:complaint_id>/inspection/",
        apis.ComplaintInspectionApi.as_view(),
        name="complaint-inspection",
    ),
    path(
        "<int:complaint_id>/dispute/", apis.ComplaintDisputeApi.as_view(), name="complaint-dispute"
    ),
]
