from django.urls import path

from labourhub.complaints import link_views, views

app_name = "complaints"

urlpatterns = [
    path("", views.complaint_list_view, name="list"),
    path("new/", views.complaint_new_view, name="new"),
    path("<int:complaint_id>/", views.complaint_detail_view, name="detail"),
    path(
        "<int:complaint_id>/inspection/",
        link_views.complaint_inspection_view,
        name="open-inspection",
    ),
    path("<int:complaint_id>/dispute/", link_views.complaint_dispute_view, name="open-dispute"),
    path("accidents/", views.accident_view, name="accidents"),
    path("disputes/new/", views.dispute_view, name="dispute-new"),
]
