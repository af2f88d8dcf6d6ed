from django.urls import path

from labourhub.targeting import views

app_name = "targeting"

urlpatterns = [
    path("", views.ranking_view, name="ranking"),
    path("models/", views.model_list_view, name="models"),
    path("models/<int:version_id>/", views.model_detail_view, name="model"),
    path("draw/", views.draw_view, name="draw"),
    path(
        "establishments/<int:establishment_id>/",
        views.establishment_score_view,
        name="establishment",
    ),
]
