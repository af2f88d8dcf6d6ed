from django.urls import path

from labourhub.complaints import views

app_name = "complaints"

urlpatterns = [
    path("", views.complaint_list_view, name="list"),
    path("new/", views.complaint_new_view, name="new"),
    path("<int:complaint_id>/", views.complaint_detail_view, name="detail"),
    path("accidents/", views.accident_view, name="accidents"),
    path("disputes/new/", views.dispute_view, name="dispute-new"),
]
