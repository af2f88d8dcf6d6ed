from django.urls import path, re_path

from cms import views

app_name = "lmi"

urlpatterns = [
    re_path(
        r"^data/(?P<code>[-\w]+)\.(?P<fmt>csv|xlsx|sdmx\.json)$",
        views.indicator_download,
        name="download",
    ),
    path("contribute/", views.contribute, name="contribute"),
    path("contribute/records/", views.dataset_from_records, name="from-records"),
    path("datasets/<int:dataset_id>/", views.dataset_detail, name="dataset"),
    re_path(
        r"^datasets/(?P<dataset_id>\d+)/(?P<decision>approve|return)/$",
        views.dataset_vet,
        name="dataset-vet",
    ),
]
