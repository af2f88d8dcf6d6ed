from django.urls import path

from labourhub.complaints import apis

urlpatterns = [
    path("", apis.ComplaintListApi.as_view(), name="complaint-list"),
    path("<int:complaint_id>/", apis.ComplaintDetailApi.as_view(), name="complaint-detail"),
]
