from django.urls import path

from labourhub_trade_unions import views

# Mounted by the core at /app/x/trade-unions/ with namespace x:trade-unions.
urlpatterns = [
    path("", views.union_list_view, name="list"),
    path("file/", views.union_file_view, name="file"),
    path("<int:union_id>/", views.union_detail_view, name="detail"),
    path("<int:union_id>/<str:step>/", views.union_decide_view, name="decide"),
]
