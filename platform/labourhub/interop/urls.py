from django.urls import path

from labourhub.interop import views

app_name = "interop"

urlpatterns = [
    path("", views.partner_list_view, name="partner-list"),
    path("<int:partner_id>/", views.partner_detail_view, name="partner-detail"),
    path("<int:partner_id>/suspend/", views.partner_suspend_view, name="partner-suspend"),
    path("<int:partner_id>/reactivate/", views.partner_reactivate_view, name="partner-reactivate"),
    path("<int:partner_id>/rotate/", views.partner_rotate_view, name="partner-rotate"),
    path(
        "deliveries/<int:delivery_id>/replay/",
        views.delivery_replay_view,
        name="delivery-replay",
    ),
]
