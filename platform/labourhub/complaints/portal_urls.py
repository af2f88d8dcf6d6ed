from django.urls import path

from labourhub.complaints import views

app_name = "portal-complaints"

urlpatterns = [
    path("", views.portal_complaint_view, name="new"),
    path("track/", views.portal_track_view, name="track"),
]
